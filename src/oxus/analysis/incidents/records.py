"""Events as the linker sees them: one row per stored event, ids resolved through merges."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from oxus.analysis.refs import Resolver
from oxus.store import schema
from oxus.store.chunks import chunks

CHUNK = 2000


@dataclass
class EventRecord:
    """One event of one report, with what linking compares."""

    id: int
    key: str
    """Stable across re-linking and re-ingesting the same text: document, sentence span,
    type (and a number when one sentence holds two events of a type)."""
    document_id: str
    published: str | None
    type: str
    date: str | None
    location: str | None
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    counts: dict[str, int]
    text: str
    sentence: tuple[int, int] = (0, 0)
    """The evidence sentence's span in its document."""
    hedged: bool = False
    polarity: str = "affirmed"
    asserted_by: str | None = None
    """Whom the report quotes for it ("according to the FSB"), for its grading."""
    confidence: float = 0.5
    vector: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def participants(self) -> set[str]:
        return {*self.agents, *self.targets}


def event_key(document_id: str, start: int, end: int, type_: str, number: int) -> str:
    key = f"{document_id}:{start}-{end}:{type_}"
    return key if number == 0 else f"{key}#{number}"


def load_event_records(
    conn: Connection,
    resolver: Resolver,
    ids: Sequence[int] | None = None,
    *,
    keyed: bool = True,
) -> list[EventRecord]:
    """Events not rejected in review (all, or these ids), with participants and evidence.

    In id order. Keys number events that share a sentence and type in the order they
    were stored, so with ``keyed`` the events of whole documents are read; without it
    (for display) only these, and their keys are left empty.
    """
    ev, d, v = schema.events, schema.documents, schema.evidence
    query = (
        select(
            ev.c.id,
            ev.c.type,
            ev.c.date,
            ev.c.location_id,
            ev.c.counts,
            ev.c.hedged,
            ev.c.polarity,
            ev.c.asserted_by,
            ev.c.confidence,
            v.c.document_id,
            v.c.start,
            v.c.end,
            v.c.text,
            d.c.published,
        )
        .join(v, v.c.id == ev.c.evidence_id)
        .join(d, d.c.id == v.c.document_id)
        .where(ev.c.review != "rejected")
        .order_by(ev.c.id)
    )
    if ids is None:
        rows = conn.execute(query).all()
    elif not keyed:
        unique = sorted(set(ids))
        rows = []
        for chunk in chunks(unique, CHUNK):
            rows += conn.execute(query.where(ev.c.id.in_(chunk))).all()
        rows.sort(key=lambda row: row.id)
    else:
        documents = _documents_of(conn, ids)
        rows = []
        for docs in chunks(documents, CHUNK):
            rows += conn.execute(query.where(ev.c.document_id.in_(docs))).all()
        rows.sort(key=lambda row: row.id)
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    p = schema.event_participants
    row_ids = [row.id for row in rows]
    for wanted in chunks(row_ids, CHUNK):
        for part in conn.execute(
            select(p.c.event_id, p.c.entity_id, p.c.role)
            .where(p.c.event_id.in_(wanted))
            .order_by(p.c.event_id, p.c.position)
        ):
            roles[part.event_id][part.role].append(resolver(part.entity_id) or part.entity_id)
    seen: dict[str, int] = defaultdict(int)
    records = []
    for row in rows:
        base = f"{row.document_id}:{row.start}-{row.end}:{row.type}"
        number = seen[base]
        seen[base] += 1
        key = event_key(row.document_id, row.start, row.end, row.type, number) if keyed else ""
        records.append(
            EventRecord(
                id=row.id,
                key=key,
                document_id=row.document_id,
                published=row.published,
                type=row.type,
                date=row.date,
                location=resolver(row.location_id),
                agents=tuple(dict.fromkeys(roles[row.id]["agent"])),
                targets=tuple(dict.fromkeys(roles[row.id]["target"])),
                counts=json.loads(row.counts or "{}"),
                text=row.text,
                sentence=(row.start, row.end),
                hedged=bool(row.hedged),
                polarity=row.polarity,
                asserted_by=resolver(row.asserted_by),
                confidence=float(row.confidence),
            )
        )
    if ids is not None:
        keep = set(ids)
        records = [r for r in records if r.id in keep]
    return records


def _documents_of(conn: Connection, ids: Sequence[int]) -> list[str]:
    ev = schema.events
    found: set[str] = set()
    unique = sorted(set(ids))
    for chunk in chunks(unique, CHUNK):
        found.update(conn.execute(select(ev.c.document_id).where(ev.c.id.in_(chunk))).scalars())
    return sorted(found)
