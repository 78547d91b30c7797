"""Places on the map: where groups are based and where incidents happened.

A place without coordinates is drawn at its enclosing place or state, so a district the
pack does not locate still appears near where it belongs. An incident is drawn once, at
its best-supported place, however many reports describe it. With an "as of" date the
map shows the bases that held on that date and the incidents up to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from oxus.analysis.dating.asof import relations_as_of
from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.queries import filtered, involving
from oxus.analysis.incidents.summary import load_summary
from oxus.analysis.refs import EntityRef, Resolver, until_bound
from oxus.store import Store, schema
from oxus.store.chunks import chunks

INCIDENTS_PER_PLACE = 20


@dataclass
class PlaceBase:
    group: EntityRef
    claims: int
    latest: str | None = None
    """When the newest report saying so was published."""
    sources: list[str] = field(default_factory=list)
    """The outlets saying so, newest first."""


@dataclass
class PlaceIncident:
    """An incident at a place: enough for a popup line and a link to the incident."""

    id: str
    type: str
    date: str | None
    reports: int
    documents: int
    sources: list[str] = field(default_factory=list)
    """The outlets of its first reports (up to three), for the popup."""
    first_reported: str | None = None
    """When its earliest report was published."""


@dataclass
class MapPlace:
    place: EntityRef
    lat: float
    lon: float
    approximate: bool
    """Drawn at the enclosing place or state because the place itself has no coordinates."""
    bases: list[PlaceBase] = field(default_factory=list)
    incidents: list[PlaceIncident] = field(default_factory=list)
    incident_count: int = 0


def map_places(
    store: Store,
    *,
    group: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    as_of: str | None = None,
) -> list[MapPlace]:
    """Places with the groups based there and the incidents placed there."""
    ensure_incidents(store)
    if as_of:
        ensure_dated(store)
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        family = resolver.family(resolver(group) or group) if group else None
        places: dict[str, MapPlace | None] = {}
        show_bases = not types
        if show_bases and as_of:
            _bases_as_of(conn, resolver, places, family, as_of)
        elif show_bases:
            _bases(conn, resolver, places, family, since, until)
        last = min(filter(None, (until, as_of)), default=None)
        _incidents(conn, resolver, places, family, types, since, last)
    located = [p for p in places.values() if p is not None]
    return sorted(located, key=lambda p: (-(p.incident_count + len(p.bases)), p.place.name))


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


def _bases_as_of(
    conn: Connection,
    resolver: Resolver,
    places: dict,
    family: list[str] | None,
    as_of: str,
) -> None:
    """Bases that held on ``as_of`` by the statements dated up to it."""
    r = schema.relations
    where = [r.c.predicate == "based_in"]
    if family:
        where.append(r.c.subject_id.in_(family))
    held = relations_as_of(conn, resolver, as_of, where)
    resolver.load(i for h in held for i in (h.subject, h.object))
    for item in held:
        place = _place(conn, resolver, places, item.object)
        group = resolver.ref(item.subject)
        if place is not None and group is not None:
            place.bases.append(PlaceBase(group, item.sentences))


def _incidents(
    conn: Connection,
    resolver: Resolver,
    places: dict,
    family: list[str] | None,
    types: Sequence[str],
    since: str | None,
    until: str | None,
) -> None:
    i = schema.incidents
    query = (
        select(i.c.id, i.c.type, i.c.date, i.c.location_id, i.c.reports, i.c.documents, i.c.summary)
        .where(i.c.location_id.is_not(None))
        .order_by(i.c.sort_date.desc(), i.c.id.desc())
    )
    if family:
        query = query.where(i.c.id.in_(involving(family)))
    rows = conn.execute(filtered(query, types=types, since=since, until=until)).all()
    resolver.load(row.location_id for row in rows)
    shown: list[tuple[PlaceIncident, list[str]]] = []
    for row in rows:
        place = _place(conn, resolver, places, resolver(row.location_id) or row.location_id)
        if place is None:
            continue
        place.incident_count += 1
        if len(place.incidents) < INCIDENTS_PER_PLACE:
            summary, documents = load_summary(row.summary)
            item = PlaceIncident(
                row.id,
                row.type,
                row.date,
                row.reports,
                row.documents,
                first_reported=summary.first_reported,
            )
            place.incidents.append(item)
            shown.append((item, documents[:SOURCES_SHOWN]))
    _name_sources(conn, shown)


SOURCES_SHOWN = 3


def _name_sources(conn: Connection, shown: list[tuple[PlaceIncident, list[str]]]) -> None:
    """Each shown incident's first outlets (else document titles), in one query."""
    d = schema.documents
    wanted = sorted({doc for _, documents in shown for doc in documents})
    names: dict[str, str] = {}
    for chunk in chunks(wanted):
        for row in conn.execute(select(d.c.id, d.c.outlet, d.c.title).where(d.c.id.in_(chunk))):
            names[row.id] = row.outlet or row.title or row.id
    for item, documents in shown:
        item.sources = list(dict.fromkeys(names.get(doc, doc) for doc in documents))
