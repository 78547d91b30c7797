"""The facts-jsonl export: one JSON object per document, exactly as ``facts.md`` says."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from oxus.model import DocumentFacts, Entity, Estimate, Event, Relation

Namer = Callable[[str | None], str | None]
"""Turns an entity id into the name the record shows."""


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _entity_record(entity: Entity, mentions: list[str]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type.value,
        "name": entity.name,
        "aliases": [a for a in entity.aliases if a != entity.name],
        "mentions": mentions,
    }


def _relation_key(relation: Relation) -> tuple[str, ...]:
    ends = (relation.subject, relation.object)
    if relation.predicate.symmetric:
        ends = tuple(sorted(ends))  # type: ignore[assignment]
    return (relation.predicate.value, *ends)


def facts_record(facts: DocumentFacts) -> dict[str, Any]:
    """The facts-format object for one document (entity ids become canonical names)."""
    entities = facts.entities

    def name(entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = entities.get(entity_id)
        return entity.name if entity else entity_id

    surfaces: dict[str, list[str]] = {entity_id: [] for entity_id in entities}
    for mention in facts.mentions:
        seen = surfaces.setdefault(mention.entity_id, [])
        if mention.text not in seen:
            seen.append(mention.text)
    doc = facts.document
    relations, seen_keys = [], set()
    for r in facts.relations:
        key = _relation_key(r)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        relations.append(relation_record(r, name))
    return {
        "doc": {
            "id": doc.id,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "published": doc.published,
        },
        "entities": [
            _entity_record(entity, surfaces.get(entity.id, []))
            for entity in sorted(entities.values(), key=lambda e: (e.type.value, e.name))
        ],
        "relations": relations,
        "events": [event_record(e, name) for e in facts.events],
        "estimates": [estimate_record(s, name) for s in facts.estimates],
    }


def relation_record(r: Relation, name: Namer) -> dict[str, Any]:
    return {
        "subject": name(r.subject),
        "predicate": r.predicate.value,
        "object": name(r.object),
        "role": r.role,
        "since": r.since,
        "until": r.until,
        "asserted_by": name(r.asserted_by),
        "polarity": r.polarity.value,
        "hedged": r.hedged,
        "evidence": r.evidence.text,
        "confidence": round(r.confidence, 3),
    }


def event_record(e: Event, name: Namer) -> dict[str, Any]:
    return {
        "type": e.type.value,
        "date": e.date,
        "location": name(e.location),
        "agents": [name(a) for a in e.agents],
        "targets": [name(t) for t in e.targets],
        "counts": dict(e.counts),
        "asserted_by": name(e.asserted_by),
        "polarity": e.polarity.value,
        "hedged": e.hedged,
        "evidence": e.evidence.text,
        "confidence": round(e.confidence, 3),
    }


def estimate_record(s: Estimate, name: Namer) -> dict[str, Any]:
    return {
        "subject": name(s.subject),
        "measure": s.measure.value,
        "low": _number(s.low),
        "high": _number(s.high),
        "qualifier": s.qualifier.value,
        "as_of": s.as_of,
        "asserted_by": name(s.asserted_by),
        "hedged": s.hedged,
        "evidence": s.evidence.text,
        "confidence": round(s.confidence, 3),
    }


def facts_records(all_facts: Iterable[DocumentFacts]) -> Iterator[dict[str, Any]]:
    for facts in all_facts:
        yield facts_record(facts)


def write_facts_jsonl(all_facts: Iterable[DocumentFacts], out: IO[str]) -> int:
    """Write one line per document; return how many lines were written."""
    count = 0
    for record in facts_records(all_facts):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count
