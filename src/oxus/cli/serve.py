"""``oxus serve``: the analyst's web app (pages and JSON API) over the store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from oxus.cli.app import DbOption, app, console, store_for


def _display_url(host: str, port: int) -> str:
    if host.strip() in ("", "0.0.0.0", "::", "[::]"):
        return f"http://0.0.0.0:{port}/ (every interface)"
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(help="Interface to bind. Any non-loopback host requires OXUS_TOKEN."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another name the server answers for (a proxy's or DNS name); repeatable, "
            "or comma-separated.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Serve the web app: dashboard, search, profiles, documents, network, map, timeline, review.

    The JSON API is under /api (OpenAPI at /api/docs). Off loopback every request needs
    the token in $OXUS_TOKEN (header X-Oxus-Token, or sign in at /login); only requests
    naming the bound host (or an --allow-host name) are answered.
    """
    import uvicorn

    from oxus.web import create_app

    allowed = [name.strip() for item in allow_host or [] for name in item.split(",")]
    with store_for(db, reading=True, create=True) as store:
        web = create_app(
            store,
            host=host,
            token=os.environ.get("OXUS_TOKEN"),
            allow_hosts=[name for name in allowed if name],
        )
        console.print(
            f"oxus serving {store.url.split('@')[-1]} on {_display_url(host, port)}",
            highlight=False,
        )
        uvicorn.run(web, host=host, port=port, log_level="warning")
