"""Analysts' review decisions as training examples for the extraction model.

Accepting or rejecting a fact in the review queue records what was decided about which
fact, in which document and sentence, apart from the fact row itself: re-ingesting the
document replaces its facts, but the decision stays, and ``oxus train --with-reviews``
finds the same candidate again by document, sentence and the fact's key fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, select

from oxus.store import schema
from oxus.store.repository import now

LABELS = {"accepted": 1, "rejected": 0}


@dataclass(frozen=True)
class ReviewExample:
    """One decision: the fact's kind and key fields, its sentence's offsets, the label."""

    document_id: str
    kind: str
    fact: dict[str, Any]
    start: int
    end: int
    label: int


def fact_key(kind: str, row: Any) -> dict[str, Any]:
    """The fields that identify a fact of this kind within its sentence."""
    if kind == "relation":
        return {"subject": row.subject_id, "predicate": row.predicate, "object": row.object_id}
    if kind == "event":
        return {"type": row.type}
    return {"subject": row.subject_id, "measure": row.measure, "low": row.low, "high": row.high}


def record_example(
    conn: Connection, kind: str, table: Table, fact_id: int, status: str, actor: str
) -> None:
    """Keep (or, for ``machine``, forget) the decision on one fact as an example."""
    row = conn.execute(
        select(table, schema.evidence.c.start, schema.evidence.c.end)
        .join(schema.evidence, schema.evidence.c.id == table.c.evidence_id)
        .where(table.c.id == fact_id)
    ).first()
    if row is None:
        return
    key = json.dumps(fact_key(kind, row), sort_keys=True)
    examples = schema.review_examples
    conn.execute(
        delete(examples).where(
            examples.c.document_id == row.document_id,
            examples.c.kind == kind,
            examples.c.fact == key,
            examples.c.start == row.start,
        )
    )
    if status not in LABELS:
        return
    conn.execute(
        examples.insert().values(
            document_id=row.document_id,
            kind=kind,
            fact=key,
            start=row.start,
            end=row.end,
            label=LABELS[status],
            actor=actor,
            decided_at=now(),
        )
    )


def review_examples(conn: Connection) -> list[ReviewExample]:
    """Every recorded decision, by document."""
    e = schema.review_examples
    return [
        ReviewExample(
            row.document_id, row.kind, json.loads(row.fact), row.start, row.end, row.label
        )
        for row in conn.execute(select(e).order_by(e.c.document_id, e.c.id))
    ]
