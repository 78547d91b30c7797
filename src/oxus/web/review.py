"""The review queue page and its form actions (accept, reject, edit, merge, unmerge).

Each action is a plain POST form (works without JavaScript), checked by
``require_write`` (CSRF, origin, token), applied through ``oxus.store.curation`` with an
audit record, then redirected back (303) with a message.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from oxus.analysis.entities import resolve_entity
from oxus.analysis.incidents.review import incident_review
from oxus.analysis.review import review_queue
from oxus.errors import OxusError
from oxus.model import EntityType
from oxus.store.curation import (
    close_merge_candidate,
    edit_entity,
    merge_entities,
    set_entity_status,
    set_review,
    unmerge_entity,
)
from oxus.web.api import StoreDep
from oxus.web.pages import render
from oxus.web.security import TOKEN_COOKIE, require_csrf, require_write

router = APIRouter(include_in_schema=False)
Writer = Annotated[str, Depends(require_write)]
Next = Annotated[str, Form(alias="next")]


def _back(next_url: str, **params: str) -> RedirectResponse:
    """Redirect to a local page only (never to another site)."""
    target = next_url if next_url.startswith("/") and not next_url.startswith("//") else "/review"
    base, _, _ = target.partition("?")
    query = urlencode({k: v for k, v in params.items() if v})
    fragment = ""
    if "#" in base:
        base, fragment = base.split("#", 1)
        fragment = "#" + fragment
    return RedirectResponse(f"{base}{'?' + query if query else ''}{fragment}", status_code=303)


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request, store: StoreDep, msg: str | None = None, error: str | None = None
) -> HTMLResponse:
    return render(
        request,
        "review.html",
        nav="review",
        queue=review_queue(store),
        incidents=incident_review(store),
        entity_types=[t.value for t in EntityType],
        msg=msg,
        error=error,
    )


@router.post("/review/merge")
def merge_action(
    store: StoreDep,
    actor: Writer,
    absorbed: Annotated[str, Form()],
    survivor: Annotated[str, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        a, b = resolve_entity(store, absorbed.strip()), resolve_entity(store, survivor.strip())
        merge_entities(store, a, b, actor=actor)
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"merged {a} into {b}")


@router.post("/review/unmerge")
def unmerge_action(
    store: StoreDep,
    actor: Writer,
    entity: Annotated[str, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        was = unmerge_entity(store, entity, actor=actor)
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"unmerged {entity} from {was}")


@router.post("/review/entity")
def entity_status_action(
    store: StoreDep,
    actor: Writer,
    entity: Annotated[str, Form()],
    status: Annotated[str, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        set_entity_status(store, entity, status, actor=actor)
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"{entity}: {status}")


@router.post("/review/edit")
def edit_action(
    store: StoreDep,
    actor: Writer,
    entity: Annotated[str, Form()],
    name: Annotated[str, Form()] = "",
    type_: Annotated[str, Form(alias="type")] = "",
    description: Annotated[str | None, Form()] = None,
    alias: Annotated[str, Form()] = "",
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        edit_entity(
            store,
            entity,
            name=name or None,
            type_=type_ or None,
            description=description,
            alias=alias or None,
            actor=actor,
        )
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"edited {entity}")


@router.post("/review/fact")
def fact_action(
    store: StoreDep,
    actor: Writer,
    kind: Annotated[str, Form()],
    fact_id: Annotated[int, Form()],
    status: Annotated[str, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        set_review(store, kind, fact_id, status, actor=actor)
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"{kind} {fact_id}: {status}")


@router.post("/review/candidate")
def candidate_action(
    store: StoreDep,
    actor: Writer,
    candidate: Annotated[int, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        close_merge_candidate(store, candidate, actor=actor)
    except OxusError as e:
        return _back(next_url, error=e.message)
    return _back(next_url, msg=f"candidate {candidate} rejected")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, error: str | None = None) -> HTMLResponse:
    return render(request, "login.html", nav="", error=error)


@router.post("/login", dependencies=[Depends(require_csrf)])
def login_action(request: Request, token: Annotated[str, Form()]) -> RedirectResponse:
    """Keep the write token in an HttpOnly cookie so review forms need not repeat it."""
    security = request.app.state.security
    if not security.token_ok(token):
        return _back("/login", error="wrong token")
    response = _back("/review", msg="signed in")
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response
