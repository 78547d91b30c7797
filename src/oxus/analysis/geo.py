"""Places on the map: where groups are based and where events happened.

A place without coordinates is drawn at its enclosing place or state, so a district the
pack does not locate still appears near where it belongs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from oxus.analysis.refs import EntityRef, Resolver, until_bound
from oxus.store import Store, schema

EVENTS_PER_PLACE = 20


@dataclass
class PlaceBase:
    group: EntityRef
    claims: int
    latest: str | None = None
    """When the newest report saying so was published."""
    sources: list[str] = field(default_factory=list)
    """The outlets saying so, newest first."""


@dataclass
class PlaceEvent:
    fact_id: int
    type: str
    date: str | None
    document_id: str
    start: int
    end: int
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass
class MapPlace:
    place: EntityRef
    lat: float
    lon: float
    approximate: bool
    """Drawn at the enclosing place or state because the place itself has no coordinates."""
    bases: list[PlaceBase] = field(default_factory=list)
    events: list[PlaceEvent] = field(default_factory=list)
    event_count: int = 0


def map_places(
    store: Store,
    *,
    group: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> list[MapPlace]:
    """Places with the groups based there and the events located there."""
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        family = resolver.family(resolver(group) or group) if group else None
        places: dict[str, MapPlace | None] = {}
        show_bases = not types
        if show_bases:
            _bases(conn, resolver, places, family, since, until)
        _events(conn, resolver, places, family, types, since, until)
    located = [p for p in places.values() if p is not None]
    return sorted(located, key=lambda p: (-(p.event_count + len(p.bases)), p.place.name))


def _place(conn: Connection, resolver: Resolver, places: dict, place_id: str) -> MapPlace | None:
    if place_id in places:
        return places[place_id]
    ref = resolver.ref(place_id)
    if ref is None:
        return None
    located = _coordinates(conn, place_id)
    if located is None:
        places[place_id] = None
        return None
    lat, lon, approximate = located
    places[place_id] = MapPlace(ref, lat, lon, approximate)
    return places[place_id]


def _coordinates(conn: Connection, place_id: str) -> tuple[float, float, bool] | None:
    e = schema.entities
    seen: set[str] = set()
    current: str | None = place_id
    while current and current not in seen:
        seen.add(current)
        row = conn.execute(select(e.c.lat, e.c.lon, e.c.parent).where(e.c.id == current)).first()
        if row is None:
            return None
        if row.lat is not None and row.lon is not None:
            return row.lat, row.lon, current != place_id
        current = row.parent
    return None


def _bases(
    conn: Connection,
    resolver: Resolver,
    places: dict,
    family: list[str] | None,
    since: str | None,
    until: str | None,
) -> None:
    r, d = schema.relations, schema.documents
    query = (
        select(r.c.subject_id, r.c.object_id, d.c.outlet, d.c.published)
        .join(d, d.c.id == r.c.document_id)
        .where(r.c.predicate == "based_in", r.c.review != "rejected", r.c.polarity == "affirmed")
    )
    if family:
        query = query.where(r.c.subject_id.in_(family))
    if since:
        query = query.where(d.c.published >= since)
    if until:
        query = query.where(d.c.published <= until_bound(until))
    rows = sorted(conn.execute(query).all(), key=lambda row: row.published or "", reverse=True)
    resolver.load(i for row in rows for i in (row.subject_id, row.object_id))
    for row in rows:
        place = _place(conn, resolver, places, resolver(row.object_id) or row.object_id)
        group = resolver.ref(row.subject_id)
        if place is None or group is None:
            continue
        base = next((b for b in place.bases if b.group.id == group.id), None)
        if base is None:
            base = PlaceBase(group, 0, row.published)
            place.bases.append(base)
        base.claims += 1
        if row.outlet and row.outlet not in base.sources:
            base.sources.append(row.outlet)


def _events(
    conn: Connection,
    resolver: Resolver,
    places: dict,
    family: list[str] | None,
    types: Sequence[str],
    since: str | None,
    until: str | None,
) -> None:
    ev = schema.events
    query = (
        select(
            ev.c.id,
            ev.c.type,
            ev.c.date,
            ev.c.location_id,
            schema.evidence.c.document_id,
            schema.evidence.c.start,
            schema.evidence.c.end,
            schema.documents.c.outlet,
            schema.documents.c.published,
            schema.documents.c.title,
        )
        .join(schema.evidence, schema.evidence.c.id == ev.c.evidence_id)
        .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
        .where(ev.c.location_id.is_not(None), ev.c.review != "rejected")
        .order_by(ev.c.date.desc(), ev.c.id.desc())
    )
    if family:
        query = query.where(
            ev.c.id.in_(
                select(schema.event_participants.c.event_id).where(
                    schema.event_participants.c.entity_id.in_(family)
                )
            )
        )
    if types:
        query = query.where(ev.c.type.in_(list(types)))
    if since:
        query = query.where(ev.c.date >= since)
    if until:
        query = query.where(ev.c.date <= until_bound(until))
    rows = conn.execute(query).all()
    resolver.load(row.location_id for row in rows)
    for row in rows:
        place = _place(conn, resolver, places, resolver(row.location_id) or row.location_id)
        if place is None:
            continue
        place.event_count += 1
        if len(place.events) < EVENTS_PER_PLACE:
            place.events.append(
                PlaceEvent(
                    row.id,
                    row.type,
                    row.date,
                    row.document_id,
                    row.start,
                    row.end,
                    row.outlet,
                    row.published,
                    row.title,
                )
            )
