"""Incident pages, API and the analyst's join, split and undo actions.

Pages: ``/incidents`` (filters as on the timeline) and ``/incidents/{id}`` (reports
side by side, disagreements, split and join forms). API: ``/api/incidents`` and
``/api/incidents/{id}``, and POSTs for join, split and undo, each audited through
``oxus.analysis.incidents.decisions``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from oxus.analysis.entities import resolve_entity
from oxus.analysis.incidents.decisions import join_incidents, split_incident, undo_decision
from oxus.analysis.incidents.queries import IncidentPage, get_incident, list_incidents
from oxus.errors import OxusError
from oxus.model import EventType
from oxus.web.api import Csv, OptionalPeriod, Period, RowId, StoreDep, Writer, split
from oxus.web.jsonio import json_response
from oxus.web.limits import MAX_ID, MAX_OFFSET, MAX_PAGE
from oxus.web.pages import filter_entity, render
from oxus.web.review import redirect_back

api_router = APIRouter(prefix="/api/incidents", tags=["api"])
page_router = APIRouter(include_in_schema=False)
EventId = Annotated[int, Field(ge=1, le=MAX_ID)]


@api_router.get("")
def api_incidents(
    store: StoreDep,
    entity: str | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    types: Csv = None,
    since: Period = None,
    until: Period = None,
    multi: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Incidents newest first, each with its reports, best-supported values and disagreements."""
    page = list_incidents(
        store,
        entity=resolve_entity(store, entity) if entity else None,
        country=country,
        types=split(types),
        since=since,
        until=until,
        multi_report=multi,
        limit=limit,
        offset=offset,
    )
    return json_response(page)


@api_router.get("/{incident_id}")
def api_incident(store: StoreDep, incident_id: str) -> Any:
    """One incident with every report."""
    return json_response(get_incident(store, incident_id))


class JoinBody(BaseModel):
    incidents: list[str]


class SplitBody(BaseModel):
    reports: list[EventId]


@api_router.post("/join")
def api_join(store: StoreDep, actor: Writer, body: JoinBody) -> dict[str, str]:
    """Make these incidents one (audited; undo the decision to reverse it)."""
    return {"incident": join_incidents(store, body.incidents, actor=actor)}


@api_router.post("/{incident_id}/split")
def api_split(store: StoreDep, actor: Writer, incident_id: str, body: SplitBody) -> dict[str, str]:
    """Take these reports (event ids) out into an incident of their own."""
    return {"incident": split_incident(store, incident_id, body.reports, actor=actor)}


@api_router.post("/decisions/{decision_id}/undo")
def api_undo(store: StoreDep, actor: Writer, decision_id: RowId) -> dict[str, Any]:
    """Withdraw a join or split decision."""
    undo_decision(store, decision_id, actor=actor)
    return {"decision": decision_id, "status": "undone"}


@page_router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request,
    store: StoreDep,
    entity: str | None = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$")] = None,
    types: Csv = None,
    since: OptionalPeriod = None,
    until: OptionalPeriod = None,
    multi: bool = False,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> HTMLResponse:
    entity_id, error = filter_entity(store, entity)
    result = (
        IncidentPage([], 0, [])
        if error
        else list_incidents(
            store,
            entity=entity_id,
            country=country or None,
            types=split(types),
            since=since or None,
            until=until or None,
            multi_report=multi,
            limit=50,
            offset=(page - 1) * 50,
        )
    )
    filters = {
        "entity": entity or "",
        "country": country or "",
        "types": split(types),
        "since": since or "",
        "until": until or "",
        "multi": multi,
    }
    return render(
        request,
        "incidents.html",
        nav="incidents",
        result=result,
        event_types=[t.value for t in EventType],
        filters=filters,
        page=page,
        error=error,
    )


@page_router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(
    request: Request,
    store: StoreDep,
    incident_id: str,
    msg: str | None = None,
    error: str | None = None,
) -> HTMLResponse:
    incident = get_incident(store, incident_id)
    return render(
        request, "incident.html", nav="incidents", incident=incident, msg=msg, error=error
    )


@page_router.post("/incidents/{incident_id}/split")
def split_action(
    store: StoreDep,
    actor: Writer,
    incident_id: str,
    report: Annotated[list[EventId], Form()],
) -> RedirectResponse:
    try:
        new_id = split_incident(store, incident_id, report, actor=actor)
    except OxusError as e:
        return redirect_back(f"/incidents/{incident_id}", error=e.message)
    return redirect_back(f"/incidents/{new_id}", msg=f"split off from {incident_id}")


@page_router.post("/incidents/{incident_id}/join")
def join_action(
    store: StoreDep,
    actor: Writer,
    incident_id: str,
    other: Annotated[str, Form()],
) -> RedirectResponse:
    try:
        joined = join_incidents(store, [incident_id, other.strip()], actor=actor)
    except OxusError as e:
        return redirect_back(f"/incidents/{incident_id}", error=e.message)
    return redirect_back(f"/incidents/{joined}", msg=f"joined {incident_id} and {other.strip()}")


@page_router.post("/review/incident-undo")
def undo_action(
    store: StoreDep,
    actor: Writer,
    decision: Annotated[int, Form(ge=1, le=MAX_ID)],
    next_url: Annotated[str, Form(alias="next")] = "/review",
) -> RedirectResponse:
    try:
        undo_decision(store, decision, actor=actor)
    except OxusError as e:
        return redirect_back(next_url, error=e.message)
    return redirect_back(next_url, msg=f"incident decision {decision} undone")
