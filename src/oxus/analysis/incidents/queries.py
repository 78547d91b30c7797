"""Questions about incidents: which happened, where, when, involving whom.

Every question first makes sure incidents are current (linking again if the facts
changed since), then selects incident ids with indexed lookups and builds one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Select, func, or_, select

from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.views import REPORTS_SHOWN, Incident, build_incidents
from oxus.analysis.refs import Resolver, until_bound
from oxus.errors import NotFound
from oxus.store import Store, schema

DEFAULT_LIMIT = 100


@dataclass
class IncidentPage:
    incidents: list[Incident]
    total: int
    types: list[str]


def involving(family: Sequence[str]) -> Select:
    """Ids of incidents with a report naming one of these entities (participant or place)."""
    ie, p, ev = schema.incident_events, schema.event_participants, schema.events
    took_part = select(p.c.event_id).where(p.c.entity_id.in_(list(family)))
    located = select(ev.c.id).where(ev.c.location_id.in_(list(family)))
    return select(ie.c.incident_id).where(
        or_(ie.c.event_id.in_(took_part), ie.c.event_id.in_(located))
    )


def in_country(country: str) -> Select:
    """Ids of the state with this ISO code and of every place in it."""
    e = schema.entities
    return select(e.c.id).where(e.c.country == country.upper())


def filtered(
    query: Select,
    *,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> Select:
    i = schema.incidents
    if types:
        query = query.where(i.c.type.in_(list(types)))
    if since:
        query = query.where(i.c.date >= since)
    if until:
        query = query.where(i.c.date <= until_bound(until))
    return query


def list_incidents(
    store: Store,
    *,
    entity: str | None = None,
    country: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    multi_report: bool = False,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    reports: int | None = REPORTS_SHOWN,
) -> IncidentPage:
    """Incidents newest first; ``entity`` is an id (any report naming it or placed there)."""
    ensure_incidents(store)
    i = schema.incidents
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        query = filtered(select(i.c.id), types=types, since=since, until=until)
        if entity:
            query = query.where(i.c.id.in_(involving(resolver.family(resolver(entity) or entity))))
        if country:
            query = query.where(i.c.location_id.in_(in_country(country)))
        if multi_report:
            query = query.where(i.c.documents > 1)
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        ids = list(
            conn.execute(
                query.order_by(i.c.sort_date.desc(), i.c.id.desc()).limit(limit).offset(offset)
            ).scalars()
        )
        found = build_incidents(conn, resolver, ids, reports=reports)
    return IncidentPage(found, total, sorted({x.type for x in found}))


def get_incident(store: Store, incident_id: str) -> Incident:
    """One incident with all its reports; a clear error when there is none by that id."""
    ensure_incidents(store)
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        found = build_incidents(conn, resolver, [incident_id], reports=None)
    if not found:
        raise NotFound(f"no incident {incident_id!r}")
    return found[0]


def incident_count(store: Store) -> int:
    ensure_incidents(store)
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.incidents)).scalar_one()


def entity_incidents(
    conn: Connection, resolver: Resolver, family: Sequence[str], *, limit: int
) -> list[Incident]:
    """The newest incidents with a report naming the entity (or placed there)."""
    i = schema.incidents
    ids = list(
        conn.execute(
            select(i.c.id)
            .where(i.c.id.in_(involving(family)))
            .order_by(i.c.sort_date.desc(), i.c.id.desc())
            .limit(limit)
        ).scalars()
    )
    return build_incidents(conn, resolver, ids)
