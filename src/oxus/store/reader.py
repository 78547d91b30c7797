"""Reading one document's facts back, with entity ids resolved through merges."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, select

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Evidence,
    Measure,
    Mention,
    Polarity,
    Predicate,
    Qualifier,
    Relation,
    fact_entity_ids,
)
from oxus.store import schema


def merge_map(conn: Connection) -> dict[str, str]:
    """{merged entity id: the id it now resolves to}, following chains of merges."""
    direct = {
        row.id: row.merged_into
        for row in conn.execute(
            select(schema.entities.c.id, schema.entities.c.merged_into).where(
                schema.entities.c.merged_into.is_not(None)
            )
        )
    }
    resolved = {}
    for start in direct:
        target, seen = direct[start], {start}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        resolved[start] = target
    return resolved


def load_entities(conn: Connection, ids: set[str], merges: dict[str, str]) -> dict[str, Entity]:
    """Canonical entities for these ids, each with the aliases of everything merged into it."""
    canonical = {merges.get(i, i) for i in ids}
    absorbed = defaultdict(set)
    for source, target in merges.items():
        if target in canonical:
            absorbed[target].add(source)
    wanted = canonical | {s for group in absorbed.values() for s in group}
    rows = {
        row.id: row
        for row in conn.execute(select(schema.entities).where(schema.entities.c.id.in_(wanted)))
    }
    names: dict[str, set[str]] = defaultdict(set)
    for alias_row in conn.execute(
        select(schema.aliases.c.entity_id, schema.aliases.c.alias).where(
            schema.aliases.c.entity_id.in_(wanted)
        )
    ):
        names[merges.get(alias_row.entity_id, alias_row.entity_id)].add(alias_row.alias)
    for source in wanted - canonical:
        if source in rows:
            names[merges[source]].add(rows[source].name)
    entities = {}
    for entity_id in canonical:
        row = rows.get(entity_id)
        if row is None:
            continue
        entities[entity_id] = Entity(
            id=row.id,
            type=EntityType(row.type),
            name=row.name,
            aliases=sorted(names[entity_id] - {row.name}),
            status=row.status,
            country=row.country,
            parent=row.parent,
            lat=row.lat,
            lon=row.lon,
            description=row.description,
            sources=json.loads(row.sources or "[]"),
        )
    return entities


def read_document_facts(conn: Connection, doc_id: str) -> DocumentFacts | None:
    row = conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).first()
    if row is None:
        return None
    document = Document(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        source=row.source,
        media_type=row.media_type,
        content_hash=row.content_hash,
        language=row.language,
    )
    source_id = row.duplicate_of or doc_id
    merges = merge_map(conn)

    def r(entity_id: str | None) -> str | None:
        return merges.get(entity_id, entity_id) if entity_id else None

    evidence = {
        ev.id: Evidence(text=ev.text, start=ev.start, end=ev.end, sentence_index=ev.sentence_index)
        for ev in conn.execute(
            select(schema.evidence).where(schema.evidence.c.document_id == source_id)
        )
    }
    mentions = [
        Mention(
            entity_id=r(m.entity_id) or m.entity_id,
            text=m.text,
            start=m.start,
            end=m.end,
            sentence_index=m.sentence_index,
            method=m.method,
            score=m.score,
        )
        for m in conn.execute(
            select(schema.mentions)
            .where(schema.mentions.c.document_id == source_id)
            .order_by(schema.mentions.c.start)
        )
    ]
    relations = [
        Relation(
            subject=r(x.subject_id) or "",
            predicate=Predicate(x.predicate),
            object=r(x.object_id) or "",
            evidence=evidence[x.evidence_id],
            role=x.role,
            since=x.since,
            until=x.until,
            asserted_by=r(x.asserted_by),
            polarity=Polarity(x.polarity),
            hedged=x.hedged,
            confidence=x.confidence,
        )
        for x in conn.execute(
            select(schema.relations)
            .where(
                schema.relations.c.document_id == source_id, schema.relations.c.review != "rejected"
            )
            .order_by(schema.relations.c.id)
        )
    ]
    participants: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    event_rows = conn.execute(
        select(schema.events)
        .where(schema.events.c.document_id == source_id, schema.events.c.review != "rejected")
        .order_by(schema.events.c.id)
    ).all()
    for p in conn.execute(
        select(schema.event_participants)
        .where(schema.event_participants.c.event_id.in_([e.id for e in event_rows]))
        .order_by(schema.event_participants.c.position)
    ):
        participants[p.event_id][p.role].append(r(p.entity_id) or p.entity_id)
    events = [
        Event(
            type=EventType(x.type),
            evidence=evidence[x.evidence_id],
            date=x.date,
            location=r(x.location_id),
            agents=participants[x.id]["agent"],
            targets=participants[x.id]["target"],
            counts=json.loads(x.counts or "{}"),
            asserted_by=r(x.asserted_by),
            polarity=Polarity(x.polarity),
            hedged=x.hedged,
            confidence=x.confidence,
        )
        for x in event_rows
    ]
    estimates = [
        Estimate(
            subject=r(x.subject_id) or "",
            measure=Measure(x.measure),
            qualifier=Qualifier(x.qualifier),
            evidence=evidence[x.evidence_id],
            low=x.low,
            high=x.high,
            as_of=x.as_of,
            asserted_by=r(x.asserted_by),
            hedged=x.hedged,
            confidence=x.confidence,
        )
        for x in conn.execute(
            select(schema.estimates)
            .where(
                schema.estimates.c.document_id == source_id, schema.estimates.c.review != "rejected"
            )
            .order_by(schema.estimates.c.id)
        )
    ]
    ids = {m.entity_id for m in mentions} | fact_entity_ids(relations, events, estimates)
    return DocumentFacts(
        document=document,
        entities=load_entities(conn, ids, merges),
        mentions=mentions,
        relations=relations,
        events=events,
        estimates=estimates,
    )
