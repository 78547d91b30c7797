"""Build a brief on an entity or a country from the store's claims.

Sections follow the order analysts use: overview, leadership, strength estimates,
activity timeline (one line per incident, however many reports describe it, with the
figures reports disagree on side by side), relations, conflicting claims, sources. Only
evidence from documents published on or after ``since`` is used when a date is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select

from oxus.analysis.claims import (
    ClaimEvidence,
    ConflictSide,
    EntityClaims,
    EstimatePoint,
    EstimateSeries,
    EventClaim,
    RelationClaim,
    conflicts_for,
    entity_claims,
)
from oxus.analysis.incidents.views import Incident
from oxus.analysis.refs import EntityRef
from oxus.brief.incidents import incident_lines, incidents_since
from oxus.brief.model import Brief, Citations, Line, Section, Table
from oxus.brief.phrases import according_to, figure, graded, relation_sentence
from oxus.errors import StoreError
from oxus.store import Store, schema

OVERVIEW = ("based_in", "part_of", "splinter_of", "pledged_allegiance_to", "designated_by")
LEADERSHIP = ("leader_of",)
STRENGTH = ("fighters", "members")


def _recent(evidence: list[ClaimEvidence], since: str | None) -> list[ClaimEvidence]:
    if since is None:
        return evidence
    return [ev for ev in evidence if (ev.published or "") >= since]


def _filter(claims: EntityClaims, since: str | None) -> EntityClaims:
    relations = []
    for claim in claims.relations:
        kept = _recent(claim.evidence, since)
        if kept:
            relations.append(replace(claim, evidence=kept))
    events = [e for e in claims.events if _recent([e.evidence], since)]
    series = []
    for item in claims.estimates:
        points = [p for p in item.points if _recent([p.evidence], since)]
        if points:
            series.append(replace(item, points=points))
    return EntityClaims(claims.entity, relations, events, series, conflicts_for(relations, series))


def _relation_line(claim: RelationClaim, cite: Citations) -> Line:
    affirmed = claim.affirmed
    if not affirmed:
        who = according_to(claim.denied, verb="by")
        text = (
            f"A claim that {claim.subject.name} {claim.predicate.replace('_', ' ')} "
            f"{claim.object.name} was denied{who}"
        )
        denial = ConflictSide("denied", claim.denied).credence
        return Line(graded(text, denial) + ".", cite.cite(claim.denied))
    text = relation_sentence(claim.subject.name, claim.predicate, claim.object.name, claim.roles)
    return Line(graded(text + according_to(affirmed), claim.credence) + ".", cite.cite(affirmed))


def _estimates_table(series: list[EstimateSeries], cite: Citations) -> Table:
    table = Table(["subject", "measure", "figure", "as of", "according to", "grade", "source"])
    rows = [(item, p) for item in series for p in item.points]
    rows.sort(key=lambda r: (r[0].measure not in STRENGTH, r[1].date or "", r[0].measure))
    for item, point in rows:
        ev = point.evidence
        table.rows.append(
            [
                item.subject.name,
                item.measure,
                figure(point),
                point.date or "",
                ev.asserted_by.name if ev.asserted_by else "",
                point.credence.code,
                ev.grading.source if ev.grading else (ev.outlet or ev.document_id),
            ]
        )
        table.refs.append(cite.cite([ev]))
    return table


def _conflict_lines(claims: EntityClaims, cite: Citations) -> list[Line]:
    lines = []
    for conflict in claims.conflicts:
        if conflict.kind == "denial":
            obj = conflict.object.name if conflict.object else ""
            about = relation_sentence(conflict.subject.name, conflict.topic, obj, [])
            text = graded(
                f"Sources disagree: {about}{according_to(conflict.a.evidence)}", conflict.a.credence
            )
            text += "; " + graded(
                f"this is denied{according_to(conflict.b.evidence, verb='by')}",
                conflict.b.credence,
            )
            text += "."
            lines.append(Line(text, cite.cite(conflict.a.evidence + conflict.b.evidence)))
        else:
            figures = [
                graded(figure(p), side.credence)
                for side in (conflict.a, conflict.b)
                for p in _points(claims, conflict.subject.id, conflict.topic, side.evidence)[:1]
            ]
            text = (
                f"Figures for {conflict.subject.name} {conflict.topic} in {conflict.period} "
                f"do not agree: {' versus '.join(figures)}."
            )
            lines.append(Line(text, cite.cite(conflict.a.evidence + conflict.b.evidence)))
    return lines


def _points(
    claims: EntityClaims, subject: str, measure: str, evidence: list[ClaimEvidence]
) -> list[EstimatePoint]:
    ids = {ev.fact_id for ev in evidence}
    return [
        p
        for item in claims.estimates
        if item.subject.id == subject and item.measure == measure
        for p in item.points
        if p.fact_id in ids
    ]


def _sections(
    claims: EntityClaims,
    cite: Citations,
    *,
    overview: list[RelationClaim],
    leaders: list[RelationClaim],
    incidents: list[Incident],
) -> list[Section]:
    used = {id(c) for c in overview + leaders}
    rest = [c for c in claims.relations if id(c) not in used]
    return [
        Section("Overview", [_relation_line(c, cite) for c in overview]),
        Section("Leadership", [_relation_line(c, cite) for c in leaders]),
        Section("Strength estimates", table=_estimates_table(claims.estimates, cite)),
        Section("Activity timeline", incident_lines(incidents, cite)),
        Section("Relations", [_relation_line(c, cite) for c in rest]),
        Section("Conflicting claims", _conflict_lines(claims, cite)),
    ]


def _urls(
    store: Store,
    claims: EntityClaims,
    incidents: Sequence[Incident] = (),
) -> dict[str, str | None]:
    ids = {ev.document_id for c in claims.relations for ev in c.evidence}
    ids |= {e.evidence.document_id for e in claims.events}
    ids |= {r.evidence.document_id for i in incidents for r in i.reports}
    ids |= {p.evidence.document_id for s in claims.estimates for p in s.points}
    with store.engine.connect() as conn:
        d = schema.documents
        return {
            row.id: row.url for row in conn.execute(select(d.c.id, d.c.url).where(d.c.id.in_(ids)))
        }


def _subtitle(kind: str, since: str | None) -> str:
    scope = f"reporting published since {since}" if since else "all stored reporting"
    return f"{kind} assessment from {scope}; every statement cites the documents that make it."


def entity_brief(store: Store, entity_id: str, *, since: str | None = None) -> Brief:
    """A brief on one entity (group, person, organisation...)."""
    claims = _filter(entity_claims(store, entity_id), since)
    incidents = incidents_since(store, since, entity=claims.entity.id)
    cite = Citations(_urls(store, claims, incidents))
    me = claims.entity.id
    overview = [c for c in claims.relations if c.predicate in OVERVIEW and c.subject.id == me]
    leaders = [c for c in claims.relations if c.predicate in LEADERSHIP]
    sections = _sections(claims, cite, overview=overview, leaders=leaders, incidents=incidents)
    return Brief(
        claims.entity.name,
        _subtitle(claims.entity.type.capitalize(), since),
        sections,
        cite.sources,
    )


def country_brief(store: Store, country_id: str, *, since: str | None = None) -> Brief:
    """A brief on a country: groups based there, events there, their leaders and sizes."""
    country = entity_claims(store, country_id)
    if country.entity.type != "state":
        raise StoreError(f"{country.entity.name!r} is a {country.entity.type}, not a country")
    with store.engine.connect() as conn:
        e = schema.entities
        code = conn.execute(select(e.c.country).where(e.c.id == country.entity.id)).scalar()
        places = (
            set(
                conn.execute(
                    select(e.c.id).where(e.c.country == code, e.c.merged_into.is_(None))
                ).scalars()
            )
            if code
            else set()
        )
    places.add(country.entity.id)
    relations: dict[tuple[str, str, str], RelationClaim] = {}
    events: dict[int, EventClaim] = {}
    groups: dict[str, EntityRef] = {}
    for place in sorted(places):
        part = entity_claims(store, place)
        for claim in part.relations:
            relations.setdefault(claim.key, claim)
            based = claim.predicate == "based_in" and claim.object.id == place
            if based and claim.affirmed and claim.subject.type == "group":
                groups[claim.subject.id] = claim.subject
        for event in part.events:
            if event.location and event.location.id in places:
                events[event.fact_id] = event
    series: list[EstimateSeries] = []
    leaders: dict[tuple[str, str, str], RelationClaim] = {}
    for group_id in sorted(groups):
        part = entity_claims(store, group_id)
        series += [s for s in part.estimates if s.subject.id == group_id]
        for claim in part.relations:
            if claim.predicate == "leader_of" and claim.object.id == group_id:
                leaders.setdefault(claim.key, claim)
    merged = EntityClaims(
        country.entity,
        list(relations.values()),
        sorted(events.values(), key=lambda e: (e.sort_date, e.fact_id)),
        series,
        [],
    )
    claims = _filter(merged, since)
    leader_claims = [
        c for c in _filter(replace(merged, relations=list(leaders.values())), since).relations
    ]
    incidents = incidents_since(store, since, country=code) if code else []
    cite = Citations(
        _urls(store, claims, incidents) | _urls(store, replace(claims, relations=leader_claims))
    )
    overview = [
        c
        for c in claims.relations
        if c.predicate == "based_in" and c.object.id in places and c.subject.id in groups
    ]
    sections = _sections(
        claims, cite, overview=overview, leaders=leader_claims, incidents=incidents
    )
    return Brief(country.entity.name, _subtitle("Country", since), sections, cite.sources)
