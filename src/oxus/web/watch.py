"""The What's new page, watch list editing, the Atom feed of each list and the alerts API.

Alerts are recorded when documents are stored; these routes only read them, except the
two forms that add and remove watched things (``require_write``, audited).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from oxus.analysis.alerts import list_alerts
from oxus.analysis.watch import resolve_target, watch_lists
from oxus.errors import OxusError
from oxus.store.watch_lists import (
    WatchTarget,
    add_watch_items,
    check_list_name,
    remove_watch_items,
)
from oxus.web.api import OptionalPeriod, StoreDep, Writer
from oxus.web.atom import watch_feed
from oxus.web.jsonio import json_response
from oxus.web.pages import render
from oxus.web.review import redirect_back

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])
FEED_SIZE = 100
PAGE_SIZE = 200


@router.get("/watch", response_class=HTMLResponse)
def whats_new(
    request: Request,
    store: StoreDep,
    list_name: Annotated[str | None, Query(alias="list")] = None,
    since: OptionalPeriod = None,
    msg: str | None = None,
    error: str | None = None,
) -> HTMLResponse:
    """Alerts newest first, with the watch lists and forms to change them."""
    lists = watch_lists(store)
    chosen = list_name if list_name and any(w.name == list_name for w in lists) else None
    alerts = list_alerts(store, list_name=chosen, since=since or None, limit=PAGE_SIZE)
    return render(
        request,
        "watch.html",
        nav="watch",
        lists=lists,
        alerts=alerts,
        filters={"list": chosen or "", "since": since or ""},
        msg=msg,
        error=error or (f"no watch list {list_name!r}" if list_name and not chosen else None),
    )


@router.get("/watch/{name}.atom")
def feed(request: Request, store: StoreDep, name: str) -> Response:
    """The list's alerts as an Atom feed (newest hundred)."""
    lists = {w.name: w for w in watch_lists(store)}
    if name not in lists:
        raise HTTPException(status_code=404, detail=f"no watch list {name!r}")
    alerts = list_alerts(store, list_name=name, limit=FEED_SIZE)
    body = watch_feed(
        name, alerts, base_url=str(request.base_url), created_at=lists[name].created_at
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.post("/watch/add")
def add_action(
    store: StoreDep,
    actor: Writer,
    list_name: Annotated[str, Form(alias="list")],
    name: Annotated[str, Form()],
) -> RedirectResponse:
    try:
        list_name = check_list_name(list_name)
        target = resolve_target(store, name)
        added = add_watch_items(store, list_name, [target], actor=actor)
    except OxusError as e:
        return redirect_back("/watch", error=e.message)
    state = "now watches" if added else "already watches"
    return redirect_back(f"/watch?list={list_name}", msg=f"{list_name} {state} {target.label}")


@router.post("/watch/remove")
def remove_action(
    store: StoreDep,
    actor: Writer,
    list_name: Annotated[str, Form(alias="list")],
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
) -> RedirectResponse:
    targets = [WatchTarget(kind, value, value)] if kind and value else None
    try:
        remove_watch_items(store, list_name, targets, actor=actor)
    except OxusError as e:
        return redirect_back("/watch", error=e.message)
    removed = "the list" if targets is None else value
    return redirect_back("/watch", msg=f"{list_name}: removed {removed}")


@api_router.get("/watch")
def api_watch_lists(store: StoreDep) -> Any:
    """Watch lists with what each watches and its alert counts."""
    return json_response(watch_lists(store))


@api_router.get("/alerts")
def api_alerts(
    store: StoreDep,
    list_name: Annotated[str | None, Query(alias="list")] = None,
    since: OptionalPeriod = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_SIZE,
) -> Any:
    """New facts about what is watched, newest first, each with its document and sentence."""
    return json_response(list_alerts(store, list_name=list_name, since=since or None, limit=limit))
