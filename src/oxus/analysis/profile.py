"""An entity's profile: who leads it, where it is, how big it is, what it did, and why we think so.

Relations, estimates and conflicts come aggregated across documents from
``oxus.analysis.claims``: each statement keeps every sentence it was read from, with who
asserted it, so an analyst can weigh sources and see where reports disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, case, func, select

from oxus.analysis.claims import (
    Conflict,
    EstimateSeries,
    RelationClaim,
    conflicts_for,
    estimate_series,
    relation_claims,
)
from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.dating.periods import Period, entity_periods
from oxus.analysis.entities import resolve_entity
from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.queries import entity_incidents
from oxus.analysis.incidents.views import Incident
from oxus.analysis.refs import EntityRef, Resolver
from oxus.errors import NotFound
from oxus.model import Entity
from oxus.store import Store, schema

# (predicate, direction) -> (section key, title). "out": the entity is the subject.
SECTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("leader_of", "in"): ("leaders", "Leaders"),
    ("leader_of", "out"): ("leads", "Leads"),
    ("member_of", "in"): ("members", "Members"),
    ("member_of", "out"): ("member_of", "Member of"),
    ("part_of", "out"): ("parents", "Part of"),
    ("part_of", "in"): ("units", "Units and factions"),
    ("pledged_allegiance_to", "out"): ("pledged", "Pledged allegiance to"),
    ("pledged_allegiance_to", "in"): ("pledges", "Allegiance pledged by"),
    ("splinter_of", "out"): ("splintered_from", "Splintered from"),
    ("splinter_of", "in"): ("splinters", "Splinters"),
    ("allied_with", "out"): ("allies", "Allies"),
    ("allied_with", "in"): ("allies", "Allies"),
    ("rival_of", "out"): ("rivals", "Rivals"),
    ("rival_of", "in"): ("rivals", "Rivals"),
    ("based_in", "out"): ("bases", "Bases"),
    ("based_in", "in"): ("based_here", "Based here"),
    ("designated_by", "out"): ("designated_by", "Designated by"),
    ("designated_by", "in"): ("designated", "Designated"),
    ("supports", "out"): ("supports", "Supports"),
    ("supports", "in"): ("supported_by", "Supported by"),
    ("citizen_of", "out"): ("citizen_of", "Citizen of"),
    ("citizen_of", "in"): ("citizens", "Citizens"),
}
SECTION_ORDER = list(dict.fromkeys(key for key, _ in SECTIONS.values()))
DATED_SECTIONS = ("leaders", "leads", "bases", "based_here", "member_of", "parents")
"""Sections whose relations the profile draws on a timeline (leadership, bases)."""
STRENGTH_MEASURES = ("fighters", "members")
DOCUMENT_LIMIT = 50
EVIDENCE_LIMIT = 5
"""Sentences shown per statement and polarity; the count shows how many there are."""
INCIDENT_LIMIT = 100
ESTIMATE_LIMIT = 200


@dataclass
class Link:
    """The entity's relation to one other entity (every sentence stating it in ``claim``)."""

    other: EntityRef
    claim: RelationClaim
    lat: float | None = None
    lon: float | None = None
    dates: Period | None = None
    """When statements say it held (every statement, not only those shown)."""

    @property
    def period(self) -> str:
        """When reports say it held: "2021-09 – 2023-11-30, ended by 2024 (former)"."""
        return self.dates.describe() if self.dates else ""

    @property
    def contested(self) -> bool:
        return bool(self.claim.affirmed) and bool(self.claim.denied)


@dataclass
class Section:
    key: str
    title: str
    links: list[Link] = field(default_factory=list)


@dataclass
class NameRecord:
    """One name of the entity and where it comes from: the pack, an analyst, documents."""

    alias: str
    entity_id: str
    """The id it is recorded under (an absorbed entity's, after a merge)."""
    source: str | None
    """Where a curated name comes from (a URL, ``pack`` or ``analyst``), else None."""
    first_document: str | None
    documents: int


@dataclass
class DocumentMention:
    document_id: str
    title: str | None
    published: str | None
    count: int


@dataclass
class Profile:
    entity: Entity
    merged_into: str | None
    absorbed: list[str]
    aliases: list[NameRecord]
    sections: list[Section]
    estimates: list[EstimateSeries]
    incidents: list[Incident]
    documents: list[DocumentMention]
    documents_total: int
    conflicts: list[Conflict]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def dated(self) -> list[Section]:
        """Leadership, bases and memberships, for the profile's timeline."""
        return [s for s in self.sections if s.key in DATED_SECTIONS]

    @property
    def bases(self) -> list[Link]:
        section = self.section("bases")
        return [link for link in section.links if link.lat is not None] if section else []

    @property
    def strength(self) -> list[EstimateSeries]:
        """The size series (fighters, members) worth charting."""
        return [s for s in self.estimates if s.measure in STRENGTH_MEASURES and s.points]


def entity_profile(store: Store, name_or_id: str) -> Profile:
    """The profile of an entity named by id, name or alias (merged ids lead to the survivor)."""
    entity_id = resolve_entity(store, name_or_id)
    relations = relation_claims(store, entity_id, evidence_limit=EVIDENCE_LIMIT)
    series = estimate_series(store, entity_id, limit=ESTIMATE_LIMIT)
    ensure_incidents(store)
    ensure_dated(store)
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        entity_id = resolver(entity_id) or entity_id
        entity = store.entity(entity_id)
        if entity is None:
            raise NotFound(f"no entity {entity_id!r}")
        family = resolver.family(entity_id)
        incidents = entity_incidents(conn, resolver, family, limit=INCIDENT_LIMIT)
        documents, total = _documents(conn, family)
        aliases = _names(conn, family)
        merged_into = conn.execute(
            select(schema.entities.c.merged_into).where(schema.entities.c.id == entity_id)
        ).scalar_one_or_none()
        sections = _sections(conn, entity_id, relations)
        periods = entity_periods(conn, resolver, family)
    for section in sections:
        for link in section.links:
            link.dates = periods.get(link.claim.key)
    entity.aliases = sorted({a.alias for a in aliases} - {entity.name})
    return Profile(
        entity=entity,
        merged_into=merged_into,
        absorbed=family[1:],
        aliases=aliases,
        sections=sections,
        estimates=series,
        incidents=incidents,
        documents=documents,
        documents_total=total,
        conflicts=conflicts_for(relations, series),
    )


def _sections(conn: Connection, entity_id: str, claims: list[RelationClaim]) -> list[Section]:
    grouped: dict[str, Section] = {}
    for claim in claims:
        direction = "out" if claim.subject.id == entity_id else "in"
        other = claim.object if direction == "out" else claim.subject
        key, title = SECTIONS[(claim.predicate, direction)]
        grouped.setdefault(key, Section(key, title)).links.append(Link(other, claim))
    if "bases" in grouped:
        _place_coordinates(conn, grouped["bases"].links)
    for section in grouped.values():
        section.links.sort(key=lambda link: (-len(link.claim.evidence), link.other.name))
    return [grouped[key] for key in SECTION_ORDER if key in grouped]


def _place_coordinates(conn: Connection, links: list[Link]) -> None:
    """Coordinates of base places, falling back to the enclosing place or state."""
    ids = {link.other.id for link in links}
    rows: dict[str, Any] = {
        row.id: row
        for row in conn.execute(
            select(
                schema.entities.c.id,
                schema.entities.c.lat,
                schema.entities.c.lon,
                schema.entities.c.parent,
            ).where(schema.entities.c.id.in_(ids))
        )
    }
    parents = {row.parent for row in rows.values() if row.lat is None and row.parent}
    if parents:
        for row in conn.execute(
            select(
                schema.entities.c.id,
                schema.entities.c.lat,
                schema.entities.c.lon,
                schema.entities.c.parent,
            ).where(schema.entities.c.id.in_(parents))
        ):
            rows.setdefault(row.id, row)
    for link in links:
        place = rows.get(link.other.id)
        if place is not None and place.lat is None and place.parent:
            place = rows.get(place.parent, place)
        if place is not None and place.lat is not None:
            link.lat, link.lon = place.lat, place.lon


def _names(conn: Connection, family: list[str]) -> list[NameRecord]:
    """Names grouped in SQL: a name seen in thousands of documents is still one row."""
    a = schema.aliases
    rows = conn.execute(
        select(
            a.c.alias,
            a.c.entity_id,
            func.max(case((a.c.document_id.is_(None), a.c.source))).label("source"),
            func.min(a.c.document_id).label("first"),
            func.count(a.c.document_id).label("n"),
        )
        .where(a.c.entity_id.in_(family))
        .group_by(a.c.alias, a.c.entity_id)
        .order_by(a.c.alias)
    ).all()
    return [NameRecord(r.alias, r.entity_id, r.source, r.first, r.n) for r in rows]


def _documents(conn: Connection, family: list[str]) -> tuple[list[DocumentMention], int]:
    """The newest documents mentioning the entity, read newest-first until the page is full."""
    m, d = schema.mentions, schema.documents
    distinct = select(m.c.document_id).where(m.c.entity_id.in_(family)).distinct().subquery()
    total = conn.execute(select(func.count()).select_from(distinct)).scalar_one()
    mentioning = (
        select(m.c.document_id).where(m.c.entity_id.in_(family), m.c.document_id == d.c.id).exists()
    )
    newest = conn.execute(
        select(d.c.id, d.c.title, d.c.published)
        .where(mentioning)
        .order_by(d.c.published.desc(), d.c.id.desc())
        .limit(DOCUMENT_LIMIT)
    ).all()
    counts: dict[str, int] = dict(
        conn.execute(
            select(m.c.document_id, func.count())
            .where(m.c.entity_id.in_(family), m.c.document_id.in_([r.id for r in newest]))
            .group_by(m.c.document_id)
        ).all()
    )
    mentions = [DocumentMention(r.id, r.title, r.published, counts.get(r.id, 0)) for r in newest]
    return mentions, total
