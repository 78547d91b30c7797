"""Analyst corrections: merging and unmerging entities, merge candidates, review, audit.

Merges never rewrite facts: the absorbed entity points at the survivor
(``merged_into``) and readers resolve through it, so ``unmerge`` restores the exact
state before the merge. Every change leaves an audit row (who, when, what).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, or_, select, update

from oxus.errors import NotFound, StoreError
from oxus.store import schema
from oxus.store.reader import merge_map
from oxus.store.repository import Store, now
from oxus.store.review_examples import record_example


def record_audit(conn: Connection, actor: str, action: str, target: str, **detail: Any) -> None:
    conn.execute(
        schema.audit.insert().values(
            at=now(),
            actor=actor,
            action=action,
            target=target,
            detail=json.dumps(detail, sort_keys=True, default=str),
        )
    )


def _require_entity(conn: Connection, entity_id: str) -> Any:
    row = conn.execute(select(schema.entities).where(schema.entities.c.id == entity_id)).first()
    if row is None:
        raise NotFound(f"no entity {entity_id!r}")
    return row


def merge_entities(store: Store, absorbed: str, survivor: str, *, actor: str = "cli") -> None:
    """Make ``absorbed`` resolve to ``survivor`` everywhere (profiles, exports, graph)."""
    if absorbed == survivor:
        raise StoreError("cannot merge an entity into itself")
    with store.engine.begin() as conn:
        a = _require_entity(conn, absorbed)
        b = _require_entity(conn, survivor)
        if a.type != b.type:
            raise StoreError(f"cannot merge a {a.type} into a {b.type}")
        if merge_map(conn).get(survivor) == absorbed:
            raise StoreError(f"{survivor!r} is already merged into {absorbed!r}")
        if a.merged_into is not None:
            raise StoreError(f"{absorbed!r} is already merged into {a.merged_into!r}")
        conn.execute(
            update(schema.entities)
            .where(schema.entities.c.id == absorbed)
            .values(merged_into=survivor)
        )
        conn.execute(
            update(schema.merge_candidates)
            .where(
                or_(
                    (schema.merge_candidates.c.entity_a == absorbed)
                    & (schema.merge_candidates.c.entity_b == survivor),
                    (schema.merge_candidates.c.entity_a == survivor)
                    & (schema.merge_candidates.c.entity_b == absorbed),
                )
            )
            .values(status="merged")
        )
        record_audit(conn, actor, "merge", absorbed, into=survivor)


def unmerge_entity(store: Store, absorbed: str, *, actor: str = "cli") -> str:
    """Undo the merge of ``absorbed``; return the id it had been merged into."""
    with store.engine.begin() as conn:
        row = _require_entity(conn, absorbed)
        if row.merged_into is None:
            raise StoreError(f"{absorbed!r} is not merged into anything")
        conn.execute(
            update(schema.entities).where(schema.entities.c.id == absorbed).values(merged_into=None)
        )
        record_audit(conn, actor, "unmerge", absorbed, was_merged_into=row.merged_into)
        return str(row.merged_into)


def propose_merge(store: Store, a: str, b: str, score: float, reason: str) -> None:
    """Record that two entities may be one, for an analyst to decide (never merged silently)."""
    first, second = sorted((a, b))
    with store.engine.begin() as conn:
        exists = conn.execute(
            select(schema.merge_candidates.c.id).where(
                schema.merge_candidates.c.entity_a == first,
                schema.merge_candidates.c.entity_b == second,
            )
        ).first()
        if exists is None:
            conn.execute(
                schema.merge_candidates.insert().values(
                    entity_a=first,
                    entity_b=second,
                    score=score,
                    reason=reason,
                    status="open",
                    created_at=now(),
                )
            )


def set_review(store: Store, kind: str, fact_id: int, status: str, *, actor: str = "cli") -> None:
    """Accept or reject one machine-extracted fact (relation, event or estimate)."""
    tables = {"relation": schema.relations, "event": schema.events, "estimate": schema.estimates}
    if kind not in tables:
        raise StoreError(f"unknown fact kind {kind!r}; expected one of {sorted(tables)}")
    if status not in ("accepted", "rejected", "machine"):
        raise StoreError(f"unknown review status {status!r}")
    table = tables[kind]
    with store.engine.begin() as conn:
        done = conn.execute(update(table).where(table.c.id == fact_id).values(review=status))
        if done.rowcount == 0:
            raise StoreError(f"no {kind} {fact_id}")
        record_example(conn, kind, table, fact_id, status, actor)
        record_audit(conn, actor, f"review-{status}", f"{kind}:{fact_id}")


ENTITY_STATUSES = ("pack", "provisional", "curated", "rejected")


def set_entity_status(store: Store, entity_id: str, status: str, *, actor: str = "cli") -> None:
    """Accept a provisional entity (``curated``) or reject it as not an entity (``rejected``)."""
    if status not in ENTITY_STATUSES:
        raise StoreError(f"unknown entity status {status!r}; expected one of {ENTITY_STATUSES}")
    with store.engine.begin() as conn:
        row = _require_entity(conn, entity_id)
        conn.execute(
            update(schema.entities).where(schema.entities.c.id == entity_id).values(status=status)
        )
        record_audit(conn, actor, f"entity-{status}", entity_id, was=row.status)


def edit_entity(
    store: Store,
    entity_id: str,
    *,
    name: str | None = None,
    type_: str | None = None,
    description: str | None = None,
    alias: str | None = None,
    actor: str = "cli",
) -> None:
    """Correct an entity's name, type or description, or teach it an alias.

    A new name keeps the old one as an alias, so search and matching still find it.
    """
    from oxus.model import EntityType
    from oxus.textnorm import fold

    with store.engine.begin() as conn:
        row = _require_entity(conn, entity_id)
        values: dict[str, Any] = {}
        if name and name.strip() and name.strip() != row.name:
            values["name"] = name.strip()
        if type_ and type_ != row.type:
            try:
                values["type"] = EntityType(type_).value
            except ValueError as e:
                raise StoreError(f"unknown entity type {type_!r}") from e
        if description is not None and description.strip() != (row.description or ""):
            values["description"] = description.strip() or None
        if values:
            conn.execute(
                update(schema.entities).where(schema.entities.c.id == entity_id).values(**values)
            )
        new_names = [n for n in (values.get("name"), row.name if "name" in values else None, alias)]
        for label in filter(None, new_names):
            norm = fold(label)
            exists = conn.execute(
                select(schema.aliases.c.id).where(
                    schema.aliases.c.entity_id == entity_id,
                    schema.aliases.c.norm == norm,
                )
            ).first()
            if norm and exists is None:
                conn.execute(
                    schema.aliases.insert().values(
                        entity_id=entity_id, alias=label.strip(), norm=norm, source="analyst"
                    )
                )
        before = {key: getattr(row, key) for key in values}
        record_audit(
            conn, actor, "entity-edit", entity_id, before=before, after=values, alias=alias
        )


def close_merge_candidate(
    store: Store, candidate_id: int, *, status: str = "rejected", actor: str = "cli"
) -> None:
    """Record an analyst's decision that a merge candidate is not the same entity."""
    if status not in ("rejected", "open"):
        raise StoreError(f"unknown merge candidate status {status!r}")
    with store.engine.begin() as conn:
        done = conn.execute(
            update(schema.merge_candidates)
            .where(schema.merge_candidates.c.id == candidate_id)
            .values(status=status)
        )
        if done.rowcount == 0:
            raise StoreError(f"no merge candidate {candidate_id}")
        record_audit(conn, actor, f"candidate-{status}", f"candidate:{candidate_id}")
