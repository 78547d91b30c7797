"""The review queue: what the pipeline was unsure of, for an analyst to confirm or correct.

Three kinds of work: provisional entities (names the pack does not know), merge
candidates (two entities that may be one), and the facts the extraction model was least
sure of: those whose confidence is nearest the cut it keeps facts at, so that each
decision teaches the model the most (decisions are kept as training examples for
``oxus train --with-reviews``). Decisions go through ``oxus.store.curation`` so each
leaves an audit record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, select

from oxus.analysis.refs import EntityRef, EvidenceRef, Resolver, evidence_columns, evidence_from
from oxus.store import Store, schema

UNCERTAIN_WINDOW = 0.35
"""Facts further than this above their family's cut are not queued."""
DEFAULT_LIMIT = 50
FAMILY_OF_KIND = {"relation": "relations", "event": "events", "estimate": "estimates"}


@dataclass
class ProvisionalEntity:
    entity: EntityRef
    mentions: int
    documents: int


@dataclass
class MergeCandidate:
    id: int
    a: EntityRef
    b: EntityRef
    score: float
    reason: str


@dataclass
class ReviewFact:
    kind: str
    fact_id: int
    summary: str
    confidence: float
    evidence: EvidenceRef


@dataclass
class AuditEntry:
    at: str
    actor: str
    action: str
    target: str
    detail: dict[str, Any]


@dataclass
class ReviewQueue:
    provisional: list[ProvisionalEntity]
    provisional_total: int
    candidates: list[MergeCandidate]
    facts: list[ReviewFact]
    merged: list[tuple[EntityRef, EntityRef]]
    audit: list[AuditEntry] = field(default_factory=list)


def model_cuts() -> dict[str, float]:
    """The extraction model's keep threshold per fact kind (0.5 where it has none)."""
    from oxus.nlp.scoring.bundle import load_model

    model = load_model()
    cuts = {}
    for kind, family in FAMILY_OF_KIND.items():
        scorer = model.scorer(family)
        cuts[kind] = scorer.threshold if scorer is not None else 0.5
    return cuts


def review_queue(
    store: Store,
    *,
    limit: int = DEFAULT_LIMIT,
    cuts: Mapping[str, float] | None = None,
    window: float = UNCERTAIN_WINDOW,
) -> ReviewQueue:
    """The queue; ``cuts`` are the keep thresholds per fact kind (default: the model's)."""
    cuts = dict(cuts) if cuts is not None else model_cuts()
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        provisional, total = _provisional(conn, limit)
        candidates = _candidates(conn, resolver, limit)
        facts = _facts(conn, resolver, limit, cuts, window)
        resolver.load([*resolver.merges, *resolver.merges.values()])
        merged = []
        for source in sorted(resolver.merges):
            row = conn.execute(
                select(schema.entities.c.id, schema.entities.c.name, schema.entities.c.type).where(
                    schema.entities.c.id == source
                )
            ).first()
            if row is not None:
                merged.append(
                    (EntityRef(row.id, row.name, row.type), resolver.ref(resolver.merges[source]))
                )
        audit = audit_log(conn, limit=20)
    return ReviewQueue(provisional, total, candidates, facts, merged, audit)  # type: ignore[arg-type]


def _provisional(conn: Connection, limit: int) -> tuple[list[ProvisionalEntity], int]:
    e, m = schema.entities, schema.mentions
    where = (e.c.status == "provisional", e.c.merged_into.is_(None))
    total = conn.execute(select(func.count()).select_from(e).where(*where)).scalar_one()
    rows = conn.execute(
        select(
            e.c.id,
            e.c.name,
            e.c.type,
            func.count(m.c.id).label("n"),
            func.count(func.distinct(m.c.document_id)).label("docs"),
        )
        .outerjoin(m, m.c.entity_id == e.c.id)
        .where(*where)
        .group_by(e.c.id, e.c.name, e.c.type)
        .order_by(func.count(m.c.id).desc(), e.c.name)
        .limit(limit)
    ).all()
    items = [
        ProvisionalEntity(EntityRef(r.id, r.name, r.type, "provisional"), r.n, r.docs) for r in rows
    ]
    return items, total


def _candidates(conn: Connection, resolver: Resolver, limit: int) -> list[MergeCandidate]:
    mc = schema.merge_candidates
    rows = conn.execute(
        select(mc).where(mc.c.status == "open").order_by(mc.c.score.desc()).limit(limit)
    ).all()
    resolver.load(i for r in rows for i in (r.entity_a, r.entity_b))
    return [
        MergeCandidate(r.id, resolver.ref(r.entity_a), resolver.ref(r.entity_b), r.score, r.reason)  # type: ignore[arg-type]
        for r in rows
        if resolver(r.entity_a) != resolver(r.entity_b)
    ]


def _facts(
    conn: Connection, resolver: Resolver, limit: int, cuts: Mapping[str, float], window: float
) -> list[ReviewFact]:
    """Unreviewed facts nearest their kind's cut first (the model's least certain)."""
    found: list[tuple[str, Any]] = []
    tables: dict[str, Table] = {
        "relation": schema.relations,
        "event": schema.events,
        "estimate": schema.estimates,
    }
    for kind, table in tables.items():
        rows = conn.execute(
            select(table, *evidence_columns())
            .join(schema.evidence, schema.evidence.c.id == table.c.evidence_id)
            .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
            .where(table.c.review == "machine", table.c.confidence <= cuts[kind] + window)
            .order_by(func.abs(table.c.confidence - cuts[kind]), table.c.id)
            .limit(limit)
        ).all()
        found.extend((kind, row) for row in rows)
    found.sort(key=lambda item: (abs(item[1].confidence - cuts[item[0]]), item[0], item[1].id))
    found = found[:limit]
    ids: list[str | None] = []
    for kind, row in found:
        if kind == "relation":
            ids += [row.subject_id, row.object_id]
        elif kind == "estimate":
            ids.append(row.subject_id)
        else:
            ids.append(row.location_id)
    resolver.load(ids)
    return [
        ReviewFact(kind, row.id, _summary(kind, row, resolver), row.confidence, evidence_from(row))
        for kind, row in found
    ]


def _summary(kind: str, row: Any, resolver: Resolver) -> str:
    def name(entity_id: str | None) -> str:
        ref = resolver.ref(entity_id)
        return ref.name if ref else "?"

    if kind == "relation":
        return f"{name(row.subject_id)} {row.predicate.replace('_', ' ')} {name(row.object_id)}"
    if kind == "estimate":
        low = _number(row.low)
        high = _number(row.high)
        span = low if low == high else f"{low or '?'}–{high or '?'}"
        return f"{name(row.subject_id)}: {span} {row.measure} ({row.qualifier})"
    where = f" in {name(row.location_id)}" if row.location_id else ""
    return f"{row.type.replace('_', ' ')}{where}, {row.date or 'undated'}"


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def audit_log(conn: Connection, *, limit: int = 50) -> list[AuditEntry]:
    a = schema.audit
    return [
        AuditEntry(r.at, r.actor, r.action, r.target, json.loads(r.detail or "{}"))
        for r in conn.execute(select(a).order_by(a.c.id.desc()).limit(limit))
    ]
