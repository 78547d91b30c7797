"""When each stored relation statement speaks of: its start, its end, whether it ended.

A statement holds from its ``since`` (or the date its sentence speaks of: the date of an
event in the same sentence, else the document's publication date) to its ``until`` (or
that same date). It *ends* the relation when it has an ``until`` or an ending cue sits
beside the subject's name ("former leader", "until his death in 2021") with no other name
of the same kind (person, group...) in between. Rows are
derived once per statement and kept in ``relation_times``; deleting a document deletes
them with its relations.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, delete, func, select

from oxus.analysis.dating.cues import EndingCues, ending_cues
from oxus.store import Store, schema
from oxus.store.chunks import chunks
from oxus.store.derived import read_state, write_state
from oxus.store.engine import write_transaction

CHUNK = 500
"""Documents dated per transaction."""


def _pending_documents(conn: Connection) -> list[str]:
    r, t = schema.relations, schema.relation_times
    return list(
        conn.execute(
            select(r.c.document_id)
            .outerjoin(t, t.c.relation_id == r.c.id)
            .where(t.c.relation_id.is_(None))
            .distinct()
            .order_by(r.c.document_id)
        ).scalars()
    )


STATE_KEY = "relation-dates"


def _cues_digest() -> str:
    return hashlib.sha1(repr(ending_cues()).encode("utf-8")).hexdigest()[:12]


def _dated_with(conn: Connection) -> str | None:
    """The cue lists' digest the store was dated with (before any "|")."""
    value = read_state(conn, STATE_KEY)
    return value.split("|")[0] if value else None


def _relations_now(conn: Connection) -> str:
    """How many relation statements there are and the newest id: changes with any save."""
    r = schema.relations
    count, newest = conn.execute(select(func.count(), func.max(r.c.id))).one()
    return f"{count}:{newest}"


def needs_dating(store: Store) -> bool:
    """Whether statements were stored since the last dating, or other cue lists apply."""
    with store.engine.connect() as conn:
        return read_state(conn, STATE_KEY) != f"{_cues_digest()}|{_relations_now(conn)}"


def _rows(conn: Connection, documents: list[str], cues: EndingCues) -> list[dict[str, Any]]:
    r, t, v, d = schema.relations, schema.relation_times, schema.evidence, schema.documents
    relations = conn.execute(
        select(
            r.c.id,
            r.c.subject_id,
            r.c.since,
            r.c.until,
            r.c.evidence_id,
            r.c.document_id,
            v.c.start,
            v.c.end,
            v.c.text,
            d.c.published,
        )
        .join(v, v.c.id == r.c.evidence_id)
        .join(d, d.c.id == r.c.document_id)
        .outerjoin(t, t.c.relation_id == r.c.id)
        .where(r.c.document_id.in_(documents), t.c.relation_id.is_(None))
    ).all()
    ev = schema.events
    spoken = dict(
        conn.execute(
            select(ev.c.evidence_id, func.min(ev.c.date))
            .where(ev.c.document_id.in_(documents), ev.c.date.is_not(None))
            .group_by(ev.c.evidence_id)
        ).all()
    )
    m, e = schema.mentions, schema.entities
    names: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for mention in conn.execute(
        select(m.c.document_id, m.c.entity_id, e.c.type, m.c.start, m.c.end)
        .join(e, e.c.id == m.c.entity_id)
        .where(m.c.document_id.in_(documents))
    ):
        names[mention.document_id].append(
            (mention.entity_id, mention.type, mention.start, mention.end)
        )
    out = []
    for row in relations:
        inside = [
            (entity, kind, start - row.start, end - row.start)
            for entity, kind, start, end in names[row.document_id]
            if row.start <= start and end <= row.end
        ]
        kinds = {kind for entity, kind, _, _ in inside if entity == row.subject_id}
        spans = [(s, e) for entity, _, s, e in inside if entity == row.subject_id]
        # Another name of the same kind stops the window: the cue is about that one.
        others = [
            (s, e) for entity, kind, s, e in inside if entity != row.subject_id and kind in kinds
        ]
        cue = cues.find(row.text, spans, others)
        date = spoken.get(row.evidence_id) or row.published
        ends = row.until is not None or cue is not None
        out.append(
            {
                "relation_id": row.id,
                "start": row.since or (None if ends else date),
                "end": row.until or date,
                "ends": ends,
                "cue": cue if cue else ("until" if row.until else None),
            }
        )
    return out


def date_relations(store: Store) -> int:
    """Date every relation statement not dated yet; return how many were dated.

    When the cue lists changed since the store was dated, every statement is dated again.
    """
    cues = ending_cues()
    digest = _cues_digest()
    # Every step reads and writes holding the write lock: two ingests that finish
    # together must not both date the same statement.
    with write_transaction(store.engine, exclusive=True) as conn:
        if _dated_with(conn) != digest:
            conn.execute(delete(schema.relation_times))
            write_state(conn, STATE_KEY, digest)
    with store.engine.connect() as conn:
        pending = _pending_documents(conn)
    written = 0
    for chunk in chunks(pending, CHUNK):
        with write_transaction(store.engine, exclusive=True) as conn:
            rows = _rows(conn, chunk, cues)
            if rows:
                conn.execute(schema.relation_times.insert(), rows)
            written += len(rows)
    with write_transaction(store.engine, exclusive=True) as conn:
        write_state(conn, STATE_KEY, f"{digest}|{_relations_now(conn)}")
    return written


def ensure_dated(store: Store) -> int:
    """Date relations stored since the last call (none is a cheap check)."""
    return date_relations(store) if needs_dating(store) else 0
