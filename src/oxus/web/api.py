"""The JSON API (``/api``): the same analysis functions the pages use, as data.

Reads are open; writes (merges, reviews, edits) go through ``require_write`` and
``oxus.store.curation``, so each one is audited and shows at once everywhere.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel

from oxus.analysis.dashboard import dashboard
from oxus.analysis.entities import resolve_entity
from oxus.analysis.geo import map_places
from oxus.analysis.network import network
from oxus.analysis.profile import entity_profile
from oxus.analysis.review import audit_log, review_queue
from oxus.analysis.search import search
from oxus.analysis.timeline import timeline
from oxus.store import Store
from oxus.store.curation import (
    close_merge_candidate,
    edit_entity,
    merge_entities,
    set_entity_status,
    set_review,
    unmerge_entity,
)
from oxus.web.cache import VersionedCache
from oxus.web.jsonio import json_response, to_json
from oxus.web.limits import MAX_ID, MAX_OFFSET
from oxus.web.security import require_write

router = APIRouter(prefix="/api", tags=["api"])

Csv = Annotated[str | None, Query(description="Comma-separated values.")]
Period = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
OptionalPeriod = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
"""A period a page's filter form may also send empty (empty: no bound)."""
Writer = Annotated[str, Depends(require_write)]
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def get_cache(request: Request) -> VersionedCache:
    return request.app.state.cache


CacheDep = Annotated[VersionedCache, Depends(get_cache)]


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@router.get("/stats")
def api_stats(store: StoreDep) -> dict[str, int]:
    """Row counts of the store."""
    return store.stats()


@router.get("/dashboard")
def api_dashboard(store: StoreDep) -> Any:
    """Counts, latest documents, most active groups and recent events."""
    return json_response(dashboard(store))


@router.get("/search")
def api_search(
    store: StoreDep, q: str = "", limit: Annotated[int, Query(ge=1, le=200)] = 25
) -> Any:
    """Documents (full text) and entities (names and aliases) matching ``q``."""
    return json_response(search(store, q, limit=limit))


@router.get("/entities/{entity_id}")
def api_entity(store: StoreDep, cache: CacheDep, entity_id: str) -> Any:
    """An entity's profile: names, relations with evidence, estimates, events, conflicts."""
    profile = cache.get(
        store, ("profile", entity_id), lambda: to_json(entity_profile(store, entity_id))
    )
    return json_response(profile)


@router.get("/documents/{document_id}")
def api_document(store: StoreDep, document_id: str) -> Any:
    """A document with its text, mentions and the facts extracted from it."""
    facts = store.document_facts(document_id)
    if facts is None:
        raise HTTPException(status_code=404, detail=f"no document {document_id!r}")
    return json_response(facts)


@router.get("/network")
def api_network(
    store: StoreDep,
    cache: CacheDep,
    types: Csv = None,
    predicates: Csv = None,
    since: Period = None,
    until: Period = None,
    focus: str | None = None,
    max_nodes: Annotated[int, Query(ge=1, le=2000)] = 250,
    as_of: Period = None,
) -> Any:
    """Entities and relations as a graph (edges weighted by how many sentences state them).

    ``as_of`` (a date): only the relations that held then, by the statements dated up
    to it; a relation a report ends ("former leader", "until 2021") drops out after.
    """
    focus_id = resolve_entity(store, focus) if focus else None
    key = ("network", types, predicates, since, until, focus_id, max_nodes, as_of)
    graph = cache.get(
        store,
        key,
        lambda: to_json(
            network(
                store,
                types=split(types),
                predicates=split(predicates),
                since=since,
                until=until,
                focus=focus_id,
                max_nodes=max_nodes,
                as_of=as_of,
            )
        ),
    )
    return json_response(graph)


@router.get("/map")
def api_map(
    store: StoreDep,
    cache: CacheDep,
    group: str | None = None,
    types: Csv = None,
    since: Period = None,
    until: Period = None,
    as_of: Period = None,
) -> Any:
    """Places with bases and incidents, as a GeoJSON FeatureCollection.

    ``as_of`` (a date): the bases that held then and the incidents up to it.
    """
    group_id = resolve_entity(store, group) if group else None
    key = ("map", group_id, types, since, until, as_of)
    geojson = cache.get(
        store,
        key,
        lambda: to_json(_geojson(store, group_id, split(types), since, until, as_of)),
    )
    return json_response(geojson)


def _geojson(
    store: Store,
    group: str | None,
    types: list[str],
    since: str | None,
    until: str | None,
    as_of: str | None = None,
) -> dict[str, Any]:
    places = map_places(store, group=group, types=types, since=since, until=until, as_of=as_of)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": p,
            }
            for p in places
        ],
    }


@router.get("/timeline")
def api_timeline(
    store: StoreDep,
    group: str | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    types: Csv = None,
    since: Period = None,
    until: Period = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Incidents newest first (each with its reports), by entity, country, type and period."""
    result = timeline(
        store,
        group=resolve_entity(store, group) if group else None,
        country=country,
        types=split(types),
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return json_response(result)


@router.get("/review")
def api_review(store: StoreDep) -> Any:
    """Provisional entities, merge candidates, the facts the model is least sure of, audit."""
    return json_response(review_queue(store))


@router.get("/audit")
def api_audit(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    with store.engine.connect() as conn:
        return json_response(audit_log(conn, limit=limit))


class MergeBody(BaseModel):
    into: str


class StatusBody(BaseModel):
    status: Literal["curated", "rejected", "provisional"]


class EditBody(BaseModel):
    name: str | None = None
    type: str | None = None
    description: str | None = None
    alias: str | None = None


class ReviewBody(BaseModel):
    status: Literal["accepted", "rejected", "machine"]


@router.post("/entities/{entity_id}/merge")
def api_merge(store: StoreDep, actor: Writer, entity_id: str, body: MergeBody) -> dict[str, str]:
    """Merge this entity into ``into`` (reversible with unmerge)."""
    merge_entities(store, entity_id, body.into, actor=actor)
    return {"merged": entity_id, "into": body.into}


@router.post("/entities/{entity_id}/unmerge")
def api_unmerge(store: StoreDep, actor: Writer, entity_id: str) -> dict[str, str]:
    was = unmerge_entity(store, entity_id, actor=actor)
    return {"unmerged": entity_id, "was_merged_into": was}


@router.post("/entities/{entity_id}/status")
def api_entity_status(
    store: StoreDep, actor: Writer, entity_id: str, body: StatusBody
) -> dict[str, str]:
    """Accept (``curated``) or reject a provisional entity."""
    set_entity_status(store, entity_id, body.status, actor=actor)
    return {"entity": entity_id, "status": body.status}


@router.post("/entities/{entity_id}/edit")
def api_entity_edit(
    store: StoreDep, actor: Writer, entity_id: str, body: EditBody
) -> dict[str, str]:
    edit_entity(
        store,
        entity_id,
        name=body.name,
        type_=body.type,
        description=body.description,
        alias=body.alias,
        actor=actor,
    )
    return {"entity": entity_id}


@router.post("/facts/{kind}/{fact_id}/review")
def api_fact_review(
    store: StoreDep,
    actor: Writer,
    kind: Literal["relation", "event", "estimate"],
    fact_id: RowId,
    body: ReviewBody,
) -> dict[str, Any]:
    """Accept or reject one extracted fact; a rejected fact disappears from every view."""
    set_review(store, kind, fact_id, body.status, actor=actor)
    return {"kind": kind, "id": fact_id, "status": body.status}


@router.post("/candidates/{candidate_id}/reject")
def api_reject_candidate(store: StoreDep, actor: Writer, candidate_id: RowId) -> dict[str, Any]:
    close_merge_candidate(store, candidate_id, actor=actor)
    return {"candidate": candidate_id, "status": "rejected"}
