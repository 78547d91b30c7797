"""Writing one document's entities and facts inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping
from typing import NamedTuple

from sqlalchemy import Connection, Table, bindparam, delete, select, text, update

from oxus.errors import StoreError
from oxus.model import DocumentFacts, Entity, Evidence, fact_entity_ids
from oxus.store import schema
from oxus.store.candidates import NameHolder
from oxus.store.chunks import chunks
from oxus.textnorm import fold

_e, _a = schema.entities, schema.aliases
_STORED_ENTITIES = select(_e.c.id, _e.c.status, _e.c.type, _e.c.merged_into).where(
    _e.c.id.in_(bindparam("ids", expanding=True))
)
_NAME_HOLDERS = (
    select(_a.c.norm, _a.c.entity_id, _e.c.type, _e.c.merged_into)
    .join(_e, _e.c.id == _a.c.entity_id)
    .where(_a.c.norm.in_(bindparam("norms", expanding=True)))
)

_ev = schema.evidence
_EVIDENCE_IDS = select(_ev.c.id, _ev.c.start, _ev.c.end).where(
    _ev.c.document_id == bindparam("doc")
)
_EVENT_IDS = (
    select(schema.events.c.id)
    .where(schema.events.c.document_id == bindparam("doc"))
    .order_by(schema.events.c.id)
)


class WrittenNames(NamedTuple):
    """What :func:`write_entities` learned about the names it recorded."""

    holders: list[NameHolder]
    """Live entities known by a name read here (every provisional entity's names among
    them), for :func:`oxus.store.candidates.record_shared_names`."""
    pairs: set[tuple[str, str]]
    """Every (entity id, folded name) now stored."""


def write_entities(
    conn: Connection,
    facts: DocumentFacts,
    at: str,
    *,
    alias_source: str = "document",
    recorded: Container[tuple[str, str]] = frozenset(),
) -> WrittenNames:
    """Insert entities the store lacks, promote provisional ones the pack now knows, add aliases.

    A name is recorded once per entity, with where it was first learned: the pack, or
    the document that taught it (so an analyst can see where a spelling came from and
    judge a merge on evidence). Mentions, not aliases, record every later sighting.
    ``recorded`` holds (entity id, folded name) pairs known to be stored and never
    removed (the pack's names): they are not read again.
    """
    ids = list(facts.entities)
    if not ids:
        return WrittenNames([], set())
    stored = {row.id: row for row in conn.execute(_STORED_ENTITIES, {"ids": ids})}
    types = {entity_id: row.type for entity_id, row in stored.items()}
    new_rows = []
    for entity in facts.entities.values():
        if entity.id not in stored:
            new_rows.append(
                {"id": entity.id, "created_at": at, "merged_into": None, **_entity_values(entity)}
            )
            types[entity.id] = entity.type.value
        elif stored[entity.id].status == "provisional" and entity.status == "pack":
            types[entity.id] = entity.type.value
            conn.execute(
                update(schema.entities)
                .where(schema.entities.c.id == entity.id)
                .values(**_entity_values(entity))
            )
    if new_rows:
        conn.execute(schema.entities.insert(), new_rows)
    document_id = facts.document.id or None
    wanted: dict[tuple[str, str], str] = {}
    for entity in facts.entities.values():
        for alias in _names_to_record(entity, from_pack=document_id is None):
            if norm := fold(alias):
                wanted.setdefault((entity.id, norm), alias)
    if not wanted:
        return WrittenNames([], set())
    holders: dict[tuple[str, str], NameHolder | None] = {}
    norms = sorted({norm for entity_id, norm in wanted if (entity_id, norm) not in recorded})
    if norms:
        for row in conn.execute(_NAME_HOLDERS, {"norms": norms}):
            live = row.merged_into is None
            holder = (row.norm, row.entity_id, row.type) if live else None
            holders[(row.entity_id, row.norm)] = holder
    alias_rows = []
    for (entity_id, norm), alias in wanted.items():
        if (entity_id, norm) in holders or (entity_id, norm) in recorded:
            continue
        entity = facts.entities[entity_id]
        merged = entity_id in stored and stored[entity_id].merged_into is not None
        holders[(entity_id, norm)] = None if merged else (norm, entity_id, types[entity_id])
        source = alias_source
        if document_id is None and entity.sources:
            source = entity.sources[0]
        alias_rows.append(
            {
                "entity_id": entity_id,
                "alias": alias,
                "norm": norm,
                "document_id": document_id,
                "source": source,
            }
        )
    if alias_rows:
        conn.execute(schema.aliases.insert(), alias_rows)
    return WrittenNames(
        sorted(holder for holder in holders.values() if holder is not None), set(wanted)
    )


def _entity_values(entity: Entity) -> dict[str, object]:
    """An entity's stored columns, its id and bookkeeping aside."""
    return {
        "type": entity.type.value,
        "name": entity.name,
        "status": entity.status,
        "country": entity.country,
        "parent": entity.parent,
        "lat": entity.lat,
        "lon": entity.lon,
        "description": entity.description,
        "sources": json.dumps(entity.sources),
    }


def _names_to_record(entity: Entity, *, from_pack: bool) -> list[str]:
    """A pack sync records every name; a document adds the names it taught us.

    A pack entity's canonical name and pack aliases come from the pack, so a document
    only contributes aliases captured in its text; a provisional entity's name itself
    was learned from the document.
    """
    if from_pack or entity.status != "pack":
        return [entity.name, *entity.aliases]
    return list(entity.aliases)


INSERT_CHUNK = 5000
"""Rows per statement: a very long document's rows are never all built at once."""


def insert_rows(conn: Connection, table: Table, rows: Iterable[Mapping[str, object]]) -> None:
    """Insert ``rows`` in order, ``INSERT_CHUNK`` at a time."""
    for chunk in chunks(rows, INSERT_CHUNK):
        conn.execute(table.insert(), chunk)


def write_facts(conn: Connection, facts: DocumentFacts) -> None:
    """Insert mentions, evidence and facts of one document (entities already written)."""
    doc_id = facts.document.id
    referenced = fact_entity_ids(facts.relations, facts.events, facts.estimates)
    missing = (referenced | {m.entity_id for m in facts.mentions}) - set(facts.entities)
    if missing:
        raise StoreError(f"document {doc_id!r} refers to unknown entities {sorted(missing)}")
    if facts.mentions:
        insert_rows(
            conn,
            schema.mentions,
            (
                {
                    "document_id": doc_id,
                    "entity_id": m.entity_id,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "sentence_index": m.sentence_index,
                    "method": m.method,
                    "score": m.score,
                }
                for m in facts.mentions
            ),
        )
    evidence_ids = _write_evidence(conn, facts)

    def evidence_id(ev: Evidence) -> int:
        return evidence_ids[(ev.start, ev.end)]

    if facts.relations:
        insert_rows(
            conn,
            schema.relations,
            (
                {
                    "document_id": doc_id,
                    "evidence_id": evidence_id(r.evidence),
                    "subject_id": r.subject,
                    "predicate": r.predicate.value,
                    "object_id": r.object,
                    "role": r.role,
                    "since": r.since,
                    "until": r.until,
                    "asserted_by": r.asserted_by,
                    "polarity": r.polarity.value,
                    "hedged": r.hedged,
                    "confidence": r.confidence,
                    "review": "machine",
                }
                for r in facts.relations
            ),
        )
    if facts.events:
        insert_rows(
            conn,
            schema.events,
            (
                {
                    "document_id": doc_id,
                    "evidence_id": evidence_id(event.evidence),
                    "type": event.type.value,
                    "date": event.date,
                    "location_id": event.location,
                    "counts": json.dumps(event.counts, sort_keys=True),
                    "asserted_by": event.asserted_by,
                    "polarity": event.polarity.value,
                    "hedged": event.hedged,
                    "confidence": event.confidence,
                    "review": "machine",
                }
                for event in facts.events
            ),
        )
        # Ids grow in insertion order within the transaction (SQLite's rowid under the
        # write lock, PostgreSQL's sequence row by row), so the document's events read
        # back by id are the rows just written, in order; one read instead of a
        # statement per event (SQLite cannot return ordered ids from a batch).
        event_ids = conn.execute(_EVENT_IDS, {"doc": doc_id}).scalars().all()
        participants = (
            {
                "event_id": event_id,
                "entity_id": entity,
                "role": role,
                "position": position,
                "date": event.date,
            }
            for event, event_id in zip(facts.events, event_ids, strict=True)
            for role, ids in (("agent", event.agents), ("target", event.targets))
            for position, entity in enumerate(dict.fromkeys(ids))
        )
        insert_rows(conn, schema.event_participants, participants)
    if facts.estimates:
        insert_rows(
            conn,
            schema.estimates,
            (
                {
                    "document_id": doc_id,
                    "evidence_id": evidence_id(s.evidence),
                    "subject_id": s.subject,
                    "measure": s.measure.value,
                    "qualifier": s.qualifier.value,
                    "low": s.low,
                    "high": s.high,
                    "as_of": s.as_of,
                    "asserted_by": s.asserted_by,
                    "hedged": s.hedged,
                    "confidence": s.confidence,
                    "review": "machine",
                }
                for s in facts.estimates
            ),
        )


def _write_evidence(conn: Connection, facts: DocumentFacts) -> dict[tuple[int, int], int]:
    """Store each sentence the facts cite once; their ids by (start, end).

    One insert and one read: a document's sentences are unique by span.
    """
    sentences: dict[tuple[int, int], Evidence] = {}
    cited = [f.evidence for f in facts.relations]
    cited += [f.evidence for f in facts.events] + [f.evidence for f in facts.estimates]
    for ev in cited:
        sentences.setdefault((ev.start, ev.end), ev)
    if not sentences:
        return {}
    insert_rows(
        conn,
        schema.evidence,
        (
            {
                "document_id": facts.document.id,
                "sentence_index": ev.sentence_index,
                "start": ev.start,
                "end": ev.end,
                "text": ev.text,
            }
            for ev in sentences.values()
        ),
    )
    return {
        (row.start, row.end): row.id
        for row in conn.execute(_EVIDENCE_IDS, {"doc": facts.document.id})
    }


def delete_document(conn: Connection, doc_id: str) -> None:
    """Remove a document and everything extracted from it, children first."""
    event_ids = select(schema.events.c.id).where(schema.events.c.document_id == doc_id)
    conn.execute(
        delete(schema.event_participants).where(schema.event_participants.c.event_id.in_(event_ids))
    )
    for table in (
        schema.events,
        schema.relations,
        schema.estimates,
        schema.mentions,
        schema.aliases,
        schema.evidence,
    ):
        conn.execute(delete(table).where(table.c.document_id == doc_id))
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM documents_fts WHERE id = :id"), {"id": doc_id})
    conn.execute(delete(schema.documents).where(schema.documents.c.id == doc_id))
