"""Merge candidates found while saving: entities that share a name are flagged, never merged.

A provisional entity whose name or alias is also a name of another entity of the same
type may be the same thing under a spelling the pack lacks, or a namesake. Only an
analyst can tell, so the pair goes to the review queue with its reason.
"""

from __future__ import annotations

from sqlalchemy import Connection, or_, select

from oxus.model import DocumentFacts
from oxus.store import schema
from oxus.textnorm import fold


def record_shared_names(conn: Connection, facts: DocumentFacts, at: str) -> int:
    """Add a candidate for each provisional entity sharing a name with another; return how many."""
    names: dict[str, set[str]] = {}
    for entity in facts.entities.values():
        if entity.status == "provisional":
            for name in (entity.name, *entity.aliases):
                if norm := fold(name):
                    names.setdefault(norm, set()).add(entity.id)
    if not names:
        return 0
    a, e = schema.aliases, schema.entities
    rows = conn.execute(
        select(a.c.norm, a.c.entity_id, e.c.type)
        .join(e, e.c.id == a.c.entity_id)
        .where(a.c.norm.in_(list(names)), e.c.merged_into.is_(None))
        .distinct()
    ).all()
    provisional_ids = {i for ids in names.values() for i in ids}
    mc = schema.merge_candidates
    existing = {
        (row.entity_a, row.entity_b)
        for row in conn.execute(
            select(mc.c.entity_a, mc.c.entity_b).where(
                or_(mc.c.entity_a.in_(provisional_ids), mc.c.entity_b.in_(provisional_ids))
            )
        )
    }
    added = 0
    for row in rows:
        for provisional in names[row.norm]:
            if row.entity_id == provisional:
                continue
            if facts.entities[provisional].type.value != row.type:
                continue
            pair = tuple(sorted((provisional, row.entity_id)))
            if pair in existing:
                continue
            existing.add(pair)
            conn.execute(
                schema.merge_candidates.insert().values(
                    entity_a=pair[0],
                    entity_b=pair[1],
                    score=1.0,
                    reason=f"share the name {row.norm!r} (document {facts.document.id})",
                    status="open",
                    created_at=at,
                )
            )
            added += 1
    return added
