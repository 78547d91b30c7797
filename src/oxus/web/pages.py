"""Server-rendered pages: dashboard, search, profiles, documents, graph, map, timeline."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from oxus.analysis.dashboard import dashboard
from oxus.analysis.dating.asof import first_year
from oxus.analysis.entities import resolve_entity
from oxus.analysis.profile import entity_profile
from oxus.analysis.search import search
from oxus.analysis.timeline import Timeline, timeline
from oxus.errors import OxusError
from oxus.model import EntityType, EventType, Predicate
from oxus.store import Store
from oxus.web.api import Csv, OptionalPeriod, StoreDep, split
from oxus.web.charts import strength_chart
from oxus.web.limits import MAX_PAGE, clip
from oxus.web.period_chart import period_chart
from oxus.web.render import entity_href, highlight_document, parse_highlight

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with the shared context (CSRF token, active section, token mode)."""
    templates = request.app.state.templates
    html = templates.get_template(template).render(
        request=request,
        csrf=request.state.csrf,
        token_mode=request.app.state.security.require_token,
        **context,
    )
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "dashboard.html", nav="dashboard", data=dashboard(store))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    return render(request, "search.html", nav="search", q=q, results=search(store, q, limit=50))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> Response:
    """An entity's profile; a name, alias or merged id redirects to the canonical page."""
    cache = request.app.state.cache
    profile = cache.get(
        store, ("profile-page", entity_id), lambda: entity_profile(store, entity_id)
    )
    if profile.entity.id != entity_id:
        return RedirectResponse(entity_href(profile.entity.id), status_code=302)
    charts = [c for c in (strength_chart(s) for s in profile.strength) if c is not None]
    bases = [
        {"id": b.other.id, "name": clip(b.other.name), "lat": b.lat, "lon": b.lon, "bases": 1}
        for b in profile.bases
    ]
    periods = period_chart(profile.dated, today=date.today().isoformat())
    return render(
        request,
        "entity.html",
        nav="",
        profile=profile,
        charts=charts,
        bases=bases,
        periods=periods,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request, store: StoreDep, document_id: str, hl: str | None = None
) -> HTMLResponse:
    facts = store.document_facts(document_id)
    if facts is None:
        raise HTTPException(status_code=404, detail=f"no document {document_id!r}")
    text = facts.document.text
    evidence = {(f.evidence.start, f.evidence.end) for f in facts.relations}
    evidence |= {(f.evidence.start, f.evidence.end) for f in facts.events}
    evidence |= {(f.evidence.start, f.evidence.end) for f in facts.estimates}
    body = highlight_document(
        text,
        facts.mentions,
        evidence=evidence,
        highlight=parse_highlight(hl, len(text)),
        names={i: e.name for i, e in facts.entities.items()},
    )
    return render(request, "document.html", nav="", facts=facts, body=body)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(
        request,
        "graph.html",
        nav="graph",
        entity_types=[t.value for t in EntityType],
        predicates=[p.value for p in Predicate],
        first_year=_first_year(store),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(
        request,
        "map.html",
        nav="map",
        event_types=[t.value for t in EventType],
        first_year=_first_year(store),
    )


def filter_entity(store: Store, name: str | None) -> tuple[str | None, str | None]:
    """The entity a list page's filter names, or the error the page shows instead of rows."""
    if not name:
        return None, None
    try:
        return resolve_entity(store, name), None
    except OxusError as e:
        return None, e.message


def _first_year(store: Store) -> int:
    with store.engine.connect() as conn:
        return first_year(conn)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    group: str | None = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$")] = None,
    types: Csv = None,
    since: OptionalPeriod = None,
    until: OptionalPeriod = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> HTMLResponse:
    group_id, error = filter_entity(store, group)
    result = (
        Timeline([], 0, [])
        if error
        else timeline(
            store,
            group=group_id,
            country=country or None,
            types=split(types),
            since=since or None,
            until=until or None,
            limit=100,
            offset=(page - 1) * 100,
        )
    )
    return render(
        request,
        "timeline.html",
        nav="timeline",
        result=result,
        event_types=[t.value for t in EventType],
        filters={
            "group": group or "",
            "country": country or "",
            "types": split(types),
            "since": since or "",
            "until": until or "",
        },
        page=page,
        error=error,
    )
