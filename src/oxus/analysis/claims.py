"""Cross-document claims: what several reports say about an entity, aggregated, with evidence.

A *claim* is one statement (a relation, an event, an estimate) together with every
sentence that makes it. The same (subject, predicate, object) reported by five outlets
is one claim with five pieces of evidence; symmetric predicates are one claim whichever
end comes first. Entity ids are resolved through merges, so a claim stored under an
absorbed id counts for its survivor. A *conflict* is two sides that cannot both be true:
an assertion and a denial of one relation, or size estimates for the same year whose
ranges do not overlap.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, literal, select, text

from oxus.analysis.claim_conflicts import (
    conflicts_for,
    denial_conflicts,
    estimate_conflicts,
)
from oxus.analysis.claim_records import (
    ClaimEvidence,
    Conflict,
    ConflictSide,
    EntityClaims,
    EstimatePoint,
    EstimateSeries,
    EventClaim,
    RelationClaim,
)
from oxus.analysis.refs import EntityRef, Resolver
from oxus.errors import NotFound
from oxus.model import Predicate
from oxus.store import Store, schema
from oxus.store.chunks import chunks

__all__ = [
    "ClaimEvidence",
    "Conflict",
    "ConflictSide",
    "EntityClaims",
    "EstimatePoint",
    "EstimateSeries",
    "EventClaim",
    "RelationClaim",
    "all_estimate_series",
    "all_event_claims",
    "all_relation_claims",
    "conflicts_for",
    "denial_conflicts",
    "entity_claims",
    "estimate_conflicts",
    "estimate_series",
    "event_claims",
    "relation_claims",
]


# -- shared pieces ---------------------------------------------------------------------


def _evidence_columns() -> list[Any]:
    d = schema.documents
    return [
        schema.evidence.c.document_id.label("ev_doc"),
        d.c.title.label("ev_title"),
        d.c.outlet.label("ev_outlet"),
        d.c.url.label("ev_url"),
        d.c.published.label("ev_published"),
        schema.evidence.c.start.label("ev_start"),
        schema.evidence.c.end.label("ev_end"),
        schema.evidence.c.text.label("ev_text"),
    ]


def _evidence(row: Any, resolver: Resolver, **extra: Any) -> ClaimEvidence:
    return ClaimEvidence(
        fact_id=row.id,
        document_id=row.ev_doc,
        title=row.ev_title,
        outlet=row.ev_outlet,
        published=row.ev_published,
        text=row.ev_text,
        start=row.ev_start,
        end=row.ev_end,
        asserted_by=resolver.ref(row.asserted_by),
        hedged=bool(row.hedged),
        confidence=float(row.confidence),
        review=row.review,
        grading=resolver.grading(row, row.asserted_by),
        **extra,
    )


def _with_evidence(table: Any, *columns: Any) -> Any:
    return (
        select(*columns, *_evidence_columns())
        .join(schema.evidence, schema.evidence.c.id == table.c.evidence_id)
        .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
        .where(table.c.review != "rejected")
    )


def _sort_evidence(items: list[ClaimEvidence]) -> list[ClaimEvidence]:
    return sorted(items, key=lambda e: (e.published or "", e.document_id, e.start, e.fact_id))


# -- relations -------------------------------------------------------------------------


def _relation_rows(
    conn: Connection, parts: Sequence[ColumnElement[bool]] | None, evidence_limit: int | None
) -> list[Any]:
    """Relation rows with evidence; with a limit, the last few stored per statement and polarity.

    ``parts`` are disjoint conditions read one by one, so each can use its own index
    (an OR of an entity's subject and object sides scans far more). Each row carries
    ``n``, how many rows its (subject, predicate, object, polarity) has in all, so a busy
    entity's profile reads a bounded number of sentences.
    """
    r = schema.relations
    key = (r.c.subject_id, r.c.predicate, r.c.object_id, r.c.polarity)
    rows: list[Any] = []
    for where in parts if parts is not None else [None]:
        if evidence_limit is None:
            query = _with_evidence(r, r, literal(1).label("n"))
            if where is not None:
                query = query.where(where)
            rows += conn.execute(query).all()
            continue
        counts = select(*key, func.count().label("n")).where(r.c.review != "rejected")
        if where is not None:
            counts = counts.where(where)
        statements = conn.execute(counts.group_by(*key)).all()
        totals = {tuple(statement[:4]): statement.n for statement in statements}
        for batch in chunks(statements, STATEMENTS_PER_QUERY):
            ids = _newest_ids(conn, batch, evidence_limit)
            for row in conn.execute(_with_evidence(r, r).where(r.c.id.in_(ids))).all():
                statement = (row.subject_id, row.predicate, row.object_id, row.polarity)
                rows.append(_WithTotal(row, totals[statement]))
    return sorted(rows, key=lambda row: row.id)


STATEMENTS_PER_QUERY = 100
"""Statements whose newest evidence is read in one round trip to the database."""


class _WithTotal:
    """A relation row, plus ``n``: how many rows its statement has in all."""

    def __init__(self, row: Any, n: int) -> None:
        self._row = row
        self.n = n

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


_NEWEST_OF_STATEMENT = (
    "SELECT id FROM (SELECT id FROM relations WHERE review != 'rejected'"
    " AND subject_id = :s{i} AND predicate = :p{i} AND object_id = :o{i}"
    " AND polarity = :q{i} ORDER BY id DESC LIMIT :limit) AS newest_{i}"
)


def _newest_ids(conn: Connection, statements: Sequence[Any], limit: int) -> list[int]:
    """Ids of the newest ``limit`` rows of each statement, in one query (index order).

    Written as SQL text: built with SQLAlchemy's constructs, a union of a hundred
    subqueries costs more to assemble than the database needs to answer it.
    """
    if not statements:
        return []
    params: dict[str, Any] = {"limit": limit}
    parts = []
    for i, statement in enumerate(statements):
        parts.append(_NEWEST_OF_STATEMENT.format(i=i))
        subject, predicate, object_, polarity = statement[:4]
        params.update({f"s{i}": subject, f"p{i}": predicate, f"o{i}": object_, f"q{i}": polarity})
    query = text(" UNION ALL ".join(parts))
    return list(conn.execute(query, params).scalars())


def _relation_claims(
    conn: Connection,
    resolver: Resolver,
    parts: Sequence[ColumnElement[bool]] | None,
    *,
    evidence_limit: int | None = None,
) -> list[RelationClaim]:
    rows = _relation_rows(conn, parts, evidence_limit)
    resolver.load(i for row in rows for i in (row.subject_id, row.object_id, row.asserted_by))
    claims: dict[tuple[str, str, str], RelationClaim] = {}
    for row in rows:
        subject, obj = resolver(row.subject_id) or "", resolver(row.object_id) or ""
        if subject == obj:
            continue
        if Predicate(row.predicate).symmetric and obj < subject:
            subject, obj = obj, subject
        key = (subject, row.predicate, obj)
        claim = claims.get(key)
        if claim is None:
            claim = claims[key] = RelationClaim(
                resolver.ref(subject),  # type: ignore[arg-type]
                row.predicate,
                resolver.ref(obj),  # type: ignore[arg-type]
            )
        claim.evidence.append(
            _evidence(
                row,
                resolver,
                polarity=row.polarity,
                role=row.role,
                since=row.since,
                until=row.until,
            )
        )
        if evidence_limit is not None:
            claim.counted.setdefault(f"{row.subject_id} {row.object_id} {row.polarity}", int(row.n))
    result = list(claims.values())
    for claim in result:
        claim.evidence = _sort_evidence(claim.evidence)
    return sorted(
        result,
        key=lambda c: (
            -(c.evidence_count if evidence_limit else len(c.documents)),
            c.predicate,
            c.subject.name,
            c.object.name,
        ),
    )


def relation_claims(
    store: Store, entity_id: str, *, evidence_limit: int | None = None
) -> list[RelationClaim]:
    """Relations with the entity at either end, one claim per (subject, predicate, object).

    ``evidence_limit`` keeps only the newest sentences of each statement (per polarity);
    ``RelationClaim.evidence_count`` still counts them all.
    """
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        family = resolver.family(resolver(entity_id) or entity_id)
        r = schema.relations
        return _relation_claims(
            conn,
            resolver,
            [
                r.c.subject_id.in_(family),
                and_(r.c.object_id.in_(family), r.c.subject_id.not_in(family)),
            ],
            evidence_limit=evidence_limit,
        )


def all_relation_claims(store: Store) -> list[RelationClaim]:
    """Every relation in the store, aggregated across documents (for graphs and exports)."""
    with store.engine.connect() as conn:
        return _relation_claims(conn, Resolver(conn), None)


# -- events ----------------------------------------------------------------------------


def _event_claims(
    conn: Connection, resolver: Resolver, event_ids: Iterable[int]
) -> list[EventClaim]:
    ids = sorted(set(event_ids))
    if not ids:
        return []
    e, p = schema.events, schema.event_participants
    rows: list[Any] = []
    for chunk in chunks(ids):
        rows += conn.execute(_with_evidence(e, e).where(e.c.id.in_(chunk))).all()
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chunk in chunks(ids):
        for part in conn.execute(select(p).where(p.c.event_id.in_(chunk)).order_by(p.c.position)):
            roles[part.event_id][part.role].append(part.entity_id)
    resolver.load(
        i
        for row in rows
        for i in (
            row.location_id,
            row.asserted_by,
            *roles[row.id]["agent"],
            *roles[row.id]["target"],
        )
    )

    def refs(entity_ids: list[str]) -> list[EntityRef]:
        resolved = dict.fromkeys(resolver(i) for i in entity_ids)
        return [ref for i in resolved if i and (ref := resolver.ref(i)) is not None]

    claims = [
        EventClaim(
            fact_id=row.id,
            type=row.type,
            date=row.date,
            location=resolver.ref(row.location_id),
            agents=refs(roles[row.id]["agent"]),
            targets=refs(roles[row.id]["target"]),
            counts=json.loads(row.counts or "{}"),
            evidence=_evidence(row, resolver, polarity=row.polarity),
        )
        for row in rows
    ]
    return sorted(claims, key=lambda c: (c.sort_date, c.evidence.document_id, c.fact_id))


def event_claims(store: Store, entity_id: str) -> list[EventClaim]:
    """Events with the entity as agent, target or location, by date (undated by publication)."""
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        family = resolver.family(resolver(entity_id) or entity_id)
        e, p = schema.events, schema.event_participants
        ids = set(conn.execute(select(p.c.event_id).where(p.c.entity_id.in_(family))).scalars())
        ids |= set(conn.execute(select(e.c.id).where(e.c.location_id.in_(family))).scalars())
        return _event_claims(conn, resolver, ids)


def all_event_claims(store: Store) -> list[EventClaim]:
    with store.engine.connect() as conn:
        ids = conn.execute(select(schema.events.c.id)).scalars().all()
        return _event_claims(conn, Resolver(conn), ids)


# -- estimates -------------------------------------------------------------------------


def _estimate_series(
    conn: Connection,
    resolver: Resolver,
    where: ColumnElement[bool] | None,
    *,
    limit: int | None = None,
) -> list[EstimateSeries]:
    s = schema.estimates
    query = _with_evidence(s, s)
    if where is not None:
        query = query.where(where)
    if limit is not None:
        query = query.order_by(s.c.id.desc()).limit(limit)
    rows = sorted(conn.execute(query).all(), key=lambda row: row.id)
    resolver.load(i for row in rows for i in (row.subject_id, row.asserted_by))
    series: dict[tuple[str, str], EstimateSeries] = {}
    for row in rows:
        subject = resolver(row.subject_id) or ""
        key = (subject, row.measure)
        if key not in series:
            series[key] = EstimateSeries(resolver.ref(subject), row.measure)  # type: ignore[arg-type]
        series[key].points.append(
            EstimatePoint(
                fact_id=row.id,
                qualifier=row.qualifier,
                low=row.low,
                high=row.high,
                as_of=row.as_of,
                evidence=_evidence(row, resolver),
            )
        )
    for item in series.values():
        item.points.sort(key=lambda p: (p.date or "", p.evidence.document_id, p.fact_id))
    return sorted(series.values(), key=lambda x: (x.subject.name, x.measure))


def estimate_series(
    store: Store, entity_id: str, *, limit: int | None = None
) -> list[EstimateSeries]:
    """Figures about the entity, one time series per measure (``limit``: the last stored)."""
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        family = resolver.family(resolver(entity_id) or entity_id)
        return _estimate_series(
            conn, resolver, schema.estimates.c.subject_id.in_(family), limit=limit
        )


def all_estimate_series(store: Store) -> list[EstimateSeries]:
    with store.engine.connect() as conn:
        return _estimate_series(conn, Resolver(conn), None)


# -- everything about one entity -------------------------------------------------------


def entity_claims(store: Store, entity_id: str) -> EntityClaims:
    """Relations, events, estimates and conflicts of one entity (merged ids included)."""
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        canonical = resolver(entity_id) or entity_id
        resolver.load([canonical])
        ref = resolver.ref(canonical)
        if ref is None or ref.type == "unknown":
            raise NotFound(f"no entity {entity_id!r}")
    relations = relation_claims(store, canonical)
    series = estimate_series(store, canonical)
    return EntityClaims(
        entity=ref,
        relations=relations,
        events=event_claims(store, canonical),
        estimates=series,
        conflicts=conflicts_for(relations, series),
    )
