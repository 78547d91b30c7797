"""Events in time order, filtered by group, country, type and period.

Events are selected with indexed lookups (participants, location, type, date) and then
loaded with their participants and evidence in two more queries, whatever their number.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Select, func, select, union

from oxus.analysis.grading import Credence, Grading, credence
from oxus.analysis.refs import (
    EntityRef,
    EvidenceRef,
    Resolver,
    evidence_columns,
    evidence_from,
    until_bound,
)
from oxus.store import Store, schema

DEFAULT_LIMIT = 200


@dataclass
class TimelineEvent:
    """One event with its participants named and the sentence it was read from."""

    fact_id: int
    type: str
    date: str | None
    location: EntityRef | None
    agents: list[EntityRef] = field(default_factory=list)
    targets: list[EntityRef] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    asserted_by: EntityRef | None = None
    polarity: str = "affirmed"
    hedged: bool = False
    confidence: float = 0.5
    evidence: EvidenceRef | None = None
    grading: Grading | None = None
    """Its outlet's and speaker's grades and what the sentence is worth."""

    @property
    def credence(self) -> Credence:
        return credence([self])


@dataclass
class Timeline:
    events: list[TimelineEvent]
    total: int
    types: list[str]


def timeline(
    store: Store,
    *,
    group: str | None = None,
    country: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Timeline:
    """Events newest first; ``group`` is an entity id (agent or target), ``country`` ISO-2."""
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        ev = schema.events
        query = select(ev.c.id).where(ev.c.review != "rejected")
        if group:
            family = resolver.family(resolver(group) or group)
            query = query.where(
                ev.c.id.in_(
                    select(schema.event_participants.c.event_id).where(
                        schema.event_participants.c.entity_id.in_(family)
                    )
                )
            )
        if country:
            query = query.where(ev.c.location_id.in_(_country_places(conn, country)))
        if types:
            query = query.where(ev.c.type.in_(list(types)))
        query = _period(query, since, until)
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        page = list(
            conn.execute(
                query.order_by(ev.c.date.desc(), ev.c.id.desc()).limit(limit).offset(offset)
            ).scalars()
        )
        events = load_events(conn, resolver, page)
    return Timeline(events=events, total=total, types=sorted({e.type for e in events}))


def _period(query: Select, since: str | None, until: str | None) -> Select:
    if since:
        query = query.where(schema.events.c.date >= since)
    if until:
        query = query.where(schema.events.c.date <= until_bound(until))
    return query


def _country_places(conn: Connection, country: str) -> Select:
    """Ids of the state with this ISO code and of every place in it."""
    return select(schema.entities.c.id).where(schema.entities.c.country == country.upper())


def events_by_ids(
    conn: Connection, resolver: Resolver, family: list[str], *, limit: int
) -> list[TimelineEvent]:
    """Events an entity (and what was merged into it) took part in or that happened there."""
    ev, p = schema.events, schema.event_participants
    # The newest few of each side in index order, then the page from those alone:
    # a busy entity takes part in thousands of events.
    took_part = (
        select(p.c.event_id.label("id"))
        .where(p.c.entity_id.in_(family))
        .order_by(p.c.date.desc(), p.c.event_id.desc())
        .limit(limit * 2)
        .subquery()
    )
    happened_there = (
        select(ev.c.id)
        .where(ev.c.location_id.in_(family))
        .order_by(ev.c.date.desc(), ev.c.id.desc())
        .limit(limit * 2)
        .subquery()
    )
    candidates = union(select(took_part.c.id), select(happened_there.c.id)).subquery()
    ids = list(
        conn.execute(
            select(ev.c.id)
            .join(candidates, candidates.c.id == ev.c.id)
            .where(ev.c.review != "rejected")
            .order_by(ev.c.date.desc(), ev.c.id.desc())
            .limit(limit)
        ).scalars()
    )
    return load_events(conn, resolver, ids)


def load_events(conn: Connection, resolver: Resolver, ids: list[int]) -> list[TimelineEvent]:
    """The events with these ids, in this order, with participants and evidence."""
    if not ids:
        return []
    ev = schema.events
    rows = {
        row.id: row
        for row in conn.execute(
            select(
                ev.c.id,
                ev.c.type,
                ev.c.date,
                ev.c.location_id,
                ev.c.counts,
                ev.c.asserted_by,
                ev.c.polarity,
                ev.c.hedged,
                ev.c.confidence,
                *evidence_columns(),
            )
            .join(schema.evidence, schema.evidence.c.id == ev.c.evidence_id)
            .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
            .where(ev.c.id.in_(ids))
        )
    }
    participants: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for p in conn.execute(
        select(schema.event_participants)
        .where(schema.event_participants.c.event_id.in_(ids))
        .order_by(schema.event_participants.c.position)
    ):
        participants[p.event_id][p.role].append(p.entity_id)
    resolver.load(
        [
            *(i for row in rows.values() for i in (row.location_id, row.asserted_by)),
            *(i for roles in participants.values() for group in roles.values() for i in group),
        ]
    )
    events = []
    for event_id in ids:
        row = rows.get(event_id)
        if row is None:
            continue
        roles = participants[event_id]
        events.append(
            TimelineEvent(
                fact_id=row.id,
                type=row.type,
                date=row.date,
                location=resolver.ref(row.location_id),
                agents=_unique(resolver.ref(i) for i in roles["agent"]),
                targets=_unique(resolver.ref(i) for i in roles["target"]),
                counts=json.loads(row.counts or "{}"),
                asserted_by=resolver.ref(row.asserted_by),
                polarity=row.polarity,
                hedged=row.hedged,
                confidence=row.confidence,
                evidence=evidence_from(row),
                grading=resolver.grading(row, row.asserted_by),
            )
        )
    return events


def _unique(refs: object) -> list[EntityRef]:
    seen: dict[str, EntityRef] = {}
    for ref in refs:  # type: ignore[attr-defined]
        if ref is not None:
            seen.setdefault(ref.id, ref)
    return list(seen.values())
