"""Everything a graph-shaped export needs, read from the store once.

The exporters (STIX, GraphML/GEXF, GeoJSON, CSV) share one view of the store:
canonical entities (merges resolved) that some document mentions or some fact refers
to, the claims aggregated across documents, and each document's metadata and the
entities it mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from oxus.analysis.claims import (
    EstimatePoint,
    EstimateSeries,
    EventClaim,
    RelationClaim,
    all_estimate_series,
    all_event_claims,
    all_relation_claims,
)
from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.dating.periods import Period, relation_periods
from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.views import Incident, build_incidents
from oxus.analysis.refs import Resolver
from oxus.analysis.sources import SourceBook
from oxus.model import Document, Entity
from oxus.store import Store, schema
from oxus.store.reader import load_entities, merge_map


@dataclass
class Snapshot:
    entities: dict[str, Entity]
    documents: dict[str, Document]
    """Document metadata (``text`` left empty), duplicates excluded."""
    mentioned: dict[str, set[str]]
    """{document id: canonical ids of the entities it mentions}."""
    relations: list[RelationClaim]
    events: list[EventClaim]
    estimates: list[EstimateSeries]
    merges: dict[str, str] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)
    """Every incident (oldest first), each with the events that report it."""
    periods: dict[tuple[str, str, str], Period] = field(default_factory=dict)
    """When each relation (subject, predicate, object) was seen to hold."""

    def incident_of(self) -> dict[int, str]:
        """{event id: the id of the incident it reports}."""
        return {r.fact_id: i.id for i in self.incidents for r in i.reports}

    sources: SourceBook = field(default_factory=lambda: SourceBook([]))
    """The source registry in force: who published each document, speakers' grades."""

    def support(self) -> dict[str, Support]:
        """{document id: what it supports}, built in one pass over the claims."""
        out: dict[str, Support] = {
            i: Support(set(self.mentioned.get(i, ()))) for i in self.documents
        }

        def at(document_id: str) -> Support:
            return out.setdefault(document_id, Support(set()))

        for claim in self.relations:
            for ev in claim.evidence:
                item = at(ev.document_id)
                if not item.relations or item.relations[-1] is not claim:
                    item.relations.append(claim)
                item.entities.update((claim.subject.id, claim.object.id))
                if ev.asserted_by:
                    item.entities.add(ev.asserted_by.id)
        for event in self.events:
            item = at(event.evidence.document_id)
            item.events.append(event)
            item.entities.update(r.id for r in (*event.agents, *event.targets))
            item.entities.update(r.id for r in (event.location, event.evidence.asserted_by) if r)
        for series in self.estimates:
            for point in series.points:
                item = at(point.evidence.document_id)
                item.estimates.append((series, point))
                item.entities.add(series.subject.id)
                if point.evidence.asserted_by:
                    item.entities.add(point.evidence.asserted_by.id)
        for item in out.values():
            item.entities &= set(self.entities)
        return out


@dataclass
class Support:
    """What one document supports: the entities it names and the claims it states."""

    entities: set[str]
    relations: list[RelationClaim] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    estimates: list[tuple[EstimateSeries, EstimatePoint]] = field(default_factory=list)


def load_snapshot(store: Store) -> Snapshot:
    """Read the store into a :class:`Snapshot` (a few queries, no per-row round trips)."""
    relations = all_relation_claims(store)
    events = all_event_claims(store)
    estimates = all_estimate_series(store)
    ensure_incidents(store)
    ensure_dated(store)
    with store.engine.connect() as conn:
        merges = merge_map(conn)
        resolver = Resolver(conn)
        i = schema.incidents
        incident_ids = list(conn.execute(select(i.c.id).order_by(i.c.sort_date, i.c.id)).scalars())
        incidents = build_incidents(conn, resolver, incident_ids, reports=None)
        periods = relation_periods(conn, resolver)
        d = schema.documents
        documents = {
            row.id: Document(
                id=row.id,
                text="",
                title=row.title,
                url=row.url,
                outlet=row.outlet,
                published=row.published,
                source=row.source,
                media_type=row.media_type,
                content_hash=row.content_hash,
                language=row.language,
            )
            for row in conn.execute(
                select(
                    d.c.id,
                    d.c.title,
                    d.c.url,
                    d.c.outlet,
                    d.c.published,
                    d.c.source,
                    d.c.media_type,
                    d.c.content_hash,
                    d.c.language,
                )
                .where(d.c.duplicate_of.is_(None))
                .order_by(d.c.id)
            )
        }
        mentioned: dict[str, set[str]] = defaultdict(set)
        m = schema.mentions
        for row in conn.execute(select(m.c.document_id, m.c.entity_id).distinct()):
            mentioned[row.document_id].add(merges.get(row.entity_id, row.entity_id))
        ids = {i for group in mentioned.values() for i in group}
        for claim in relations:
            ids.update((claim.subject.id, claim.object.id))
            ids.update(e.asserted_by.id for e in claim.evidence if e.asserted_by)
        for event in events:
            ids.update(r.id for r in (*event.agents, *event.targets))
            ids.update(r.id for r in (event.location, event.evidence.asserted_by) if r)
        for series in estimates:
            ids.add(series.subject.id)
            ids.update(p.evidence.asserted_by.id for p in series.points if p.evidence.asserted_by)
        entities = load_entities(conn, ids, merges)
        sources = SourceBook.load(conn, merges)
    return Snapshot(
        entities=dict(sorted(entities.items())),
        documents=documents,
        mentioned=dict(mentioned),
        relations=relations,
        events=events,
        estimates=estimates,
        merges=merges,
        incidents=incidents,
        periods=periods,
        sources=sources,
    )
