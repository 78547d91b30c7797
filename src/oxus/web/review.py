"""The review queue page and its form actions (accept, reject, edit, merge, unmerge).

Each action is a plain POST form (works without JavaScript), checked by
``require_write`` (CSRF, origin, token), applied through ``oxus.store.curation`` with an
audit record, then redirected back (303) with a message.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

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
from oxus.web.api import StoreDep, Writer
from oxus.web.limits import MAX_ID
from oxus.web.pages import render
from oxus.web.security import (
    TOKEN_COOKIE,
    TokenRefused,
    client_of,
    require_csrf,
)

router = APIRouter(include_in_schema=False)
Next = Annotated[str, Form(alias="next")]
RowId = Annotated[int, Form(ge=1, le=MAX_ID)]


def local_path(url: str) -> bool:
    """A path on this site: not ``//host``, and no backslash, blank or control character
    that a browser would drop or read as ``/`` and so turn into another site's address."""
    return (
        url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and not any(ord(c) < 33 or ord(c) == 127 for c in url)
    )


def redirect_back(next_url: str, **params: str) -> RedirectResponse:
    """Redirect to a local page only (never to another site)."""
    target = next_url if local_path(next_url) else "/review"
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
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"merged {a} into {b}")


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
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"unmerged {entity} from {was}")


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
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"{entity}: {status}")


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
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"edited {entity}")


@router.post("/review/fact")
def fact_action(
    store: StoreDep,
    actor: Writer,
    kind: Annotated[str, Form()],
    fact_id: RowId,
    status: Annotated[str, Form()],
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        set_review(store, kind, fact_id, status, actor=actor)
    except OxusError as e:
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"{kind} {fact_id}: {status}")


@router.post("/review/candidate")
def candidate_action(
    store: StoreDep,
    actor: Writer,
    candidate: RowId,
    next_url: Next = "/review",
) -> RedirectResponse:
    try:
        close_merge_candidate(store, candidate, actor=actor)
    except OxusError as e:
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"candidate {candidate} rejected")


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, error: str | None = None, next_url: Annotated[str, Query(alias="next")] = ""
) -> HTMLResponse:
    return render(request, "login.html", nav="", error=error, next_url=next_url)


@router.post("/login", dependencies=[Depends(require_csrf)])
def login_action(
    request: Request, token: Annotated[str, Form()], next_url: Next = "/review"
) -> Response:
    """Keep the token in an HttpOnly cookie so pages and forms need not repeat it.

    Wrong tokens are throttled per client: after a few, the page answers 429 with the
    seconds to wait, without comparing the token.
    """
    security = request.app.state.security
    try:
        security.check(client_of(request), token)
    except TokenRefused as refused:
        page = render(
            request,
            "login.html",
            status=refused.status,
            nav="",
            error=refused.detail,
            next_url=next_url,
        )
        page.headers.update(refused.headers)
        return page
    response = RedirectResponse(next_url if local_path(next_url) else "/review", 303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response
