"""``oxus serve``: the analyst's web app (pages and JSON API) over the store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.errors import OxusError


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Interface to bind. Any non-loopback host requires OXUS_TOKEN.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the web app: dashboard, search, profiles, documents, network, map, timeline, review.

    The JSON API is under /api (OpenAPI at /api/docs). Off loopback, write actions need
    the token in $OXUS_TOKEN (header X-Oxus-Token, form field 'token', or /login).
    """
    import uvicorn

    from oxus.web import create_app

    store = store_for(db, reading=True, create=True)
    try:
        web = create_app(store, host=host, token=os.environ.get("OXUS_TOKEN"))
    except OxusError as e:
        store.close()
        raise fail(str(e)) from e
    console.print(f"oxus serving {store.url.split('@')[-1]} on http://{host}:{port}/")
    try:
        uvicorn.run(web, host=host, port=port, log_level="warning")
    finally:
        store.close()
