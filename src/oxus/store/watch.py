"""Watch lists and their alerts: what an analyst watches, and the new facts about it.

A watch list holds items: an entity (by id, so merges into it count), a country (ISO
3166-1 alpha-2: events and places there, and the state itself) or an event type. When a
document is stored, each of its facts that concerns an item becomes an alert, in the
same transaction, so an alert exists exactly when its fact does. Storing the same
content again stores nothing new and so alerts nothing; a changed document keeps the
alerts (and their times) of the statements it still makes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, select

from oxus.store import schema
from oxus.store.reader import merge_map

ITEM_KINDS = ("entity", "country", "event_type")
_r, _ev, _es, _p = schema.relations, schema.events, schema.estimates, schema.event_participants
_text = schema.evidence.c.text


def alert_times(conn: Connection, doc_id: str) -> dict[str, str]:
    """{fingerprint: when first alerted} of a document's alerts (read before it is replaced)."""
    a = schema.alerts
    rows = conn.execute(select(a.c.fingerprint, a.c.created_at).where(a.c.document_id == doc_id))
    return {row.fingerprint: row.created_at for row in rows}


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]


def _facts(conn: Connection, doc_id: str) -> list[tuple[str, int, str, set[str], str | None]]:
    """(kind, id, statement key, entity ids it concerns, event type) of a document's facts."""
    facts: list[tuple[str, int, str, set[str], str | None]] = []
    for row in conn.execute(
        select(_r.c.id, _r.c.subject_id, _r.c.predicate, _r.c.object_id, _r.c.polarity, _text)
        .join(schema.evidence, schema.evidence.c.id == _r.c.evidence_id)
        .where(_r.c.document_id == doc_id)
    ):
        key = f"{row.subject_id} {row.predicate} {row.object_id} {row.polarity} {row.text}"
        facts.append(("relation", row.id, key, {row.subject_id, row.object_id}, None))
    participants: dict[int, set[str]] = defaultdict(set)
    for part in conn.execute(
        select(_p.c.event_id, _p.c.entity_id)
        .join(_ev, _ev.c.id == _p.c.event_id)
        .where(_ev.c.document_id == doc_id)
    ):
        participants[part.event_id].add(part.entity_id)
    for event in conn.execute(
        select(_ev.c.id, _ev.c.type, _ev.c.date, _ev.c.location_id, _text)
        .join(schema.evidence, schema.evidence.c.id == _ev.c.evidence_id)
        .where(_ev.c.document_id == doc_id)
    ):
        ids = participants[event.id] | ({event.location_id} if event.location_id else set())
        key = f"{event.type} {event.date} {event.location_id} {sorted(ids)} {event.text}"
        facts.append(("event", event.id, key, ids, event.type))
    for figure in conn.execute(
        select(_es.c.id, _es.c.subject_id, _es.c.measure, _es.c.low, _es.c.high, _text)
        .join(schema.evidence, schema.evidence.c.id == _es.c.evidence_id)
        .where(_es.c.document_id == doc_id)
    ):
        key = f"{figure.subject_id} {figure.measure} {figure.low} {figure.high} {figure.text}"
        facts.append(("estimate", figure.id, key, {figure.subject_id}, None))
    return facts


def _countries(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """{entity id: ISO country code} of the places and states among ``ids``."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    e = schema.entities
    rows = conn.execute(
        select(e.c.id, e.c.country).where(
            e.c.id.in_(bindparam("ids", expanding=True)), e.c.country.is_not(None)
        ),
        {"ids": wanted},
    )
    return {row.id: row.country for row in rows}


def record_alerts(
    conn: Connection, doc_id: str, at: str, previous: dict[str, str] | None = None
) -> int:
    """Alert every watch item that a fact of this stored document concerns; return how many.

    ``previous`` holds the alert times of the document's earlier version: a statement
    it makes again keeps the time it was first alerted.
    """
    items = conn.execute(select(schema.watch_items)).all()
    if not items:
        return 0
    facts = _facts(conn, doc_id)
    if not facts:
        return 0
    merges = merge_map(conn)
    entity_ids = {i for _, _, _, ids, _ in facts for i in ids}
    resolved = {i: merges.get(i, i) for i in entity_ids}
    countries = _countries(conn, list(entity_ids) + list(resolved.values()))
    rows: list[dict[str, Any]] = []
    for item in items:
        for kind, fact_id, key, ids, event_type in facts:
            if not _concerns(item, ids, event_type, resolved, countries):
                continue
            fingerprint = _fingerprint(item.id, kind, key)
            rows.append(
                {
                    "list_id": item.list_id,
                    "item_id": item.id,
                    "fact_kind": kind,
                    "fact_id": fact_id,
                    "document_id": doc_id,
                    "fingerprint": fingerprint,
                    "created_at": (previous or {}).get(fingerprint, at),
                }
            )
    if rows:
        conn.execute(schema.alerts.insert(), rows)
    return len(rows)


def _concerns(
    item: Any,
    ids: set[str],
    event_type: str | None,
    resolved: dict[str, str],
    countries: dict[str, str],
) -> bool:
    if item.kind == "event_type":
        return event_type == item.value
    if item.kind == "entity":
        return any(resolved.get(i, i) == item.value for i in ids)
    return any(
        countries.get(i) == item.value or countries.get(resolved.get(i, i)) == item.value
        for i in ids
    )
