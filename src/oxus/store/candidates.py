"""Merge candidates found while saving: entities that share a name are flagged, never merged.

A provisional entity whose name or alias is also a name of another entity of the same
type may be the same thing under a spelling the pack lacks, or a namesake. Only an
analyst can tell, so the pair goes to the review queue with its reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, or_, select

from oxus.model import DocumentFacts
from oxus.store import schema
from oxus.textnorm import fold

NameHolder = tuple[str, str, str]
"""(folded name, entity id, entity type) of one live entity known by that name."""

_mc = schema.merge_candidates
_EXISTING_PAIRS = select(_mc.c.entity_a, _mc.c.entity_b).where(
    or_(
        _mc.c.entity_a.in_(bindparam("ids", expanding=True)),
        _mc.c.entity_b.in_(bindparam("ids", expanding=True)),
    )
)


def provisional_names(facts: DocumentFacts) -> dict[str, set[str]]:
    """The folded names and aliases of the document's provisional entities, with their ids."""
    names: dict[str, set[str]] = {}
    for entity in facts.entities.values():
        if entity.status == "provisional":
            for name in (entity.name, *entity.aliases):
                if norm := fold(name):
                    names.setdefault(norm, set()).add(entity.id)
    return names


def record_shared_names(
    conn: Connection, facts: DocumentFacts, holders: Iterable[NameHolder], at: str
) -> int:
    """Add a candidate for each provisional entity sharing a name with another; return how many.

    ``holders`` are the live entities known by any of the document's names once its own
    names are stored (the writer reads them with the aliases it checks anyway).
    """
    names = provisional_names(facts)
    pairs: dict[tuple[str, str], str] = {}
    for norm, entity_id, entity_type in holders:
        for provisional in names.get(norm, ()):
            if entity_id == provisional or facts.entities[provisional].type.value != entity_type:
                continue
            pair = (min(provisional, entity_id), max(provisional, entity_id))
            pairs.setdefault(pair, norm)
    if not pairs:
        return 0
    ids = sorted({i for ids in names.values() for i in ids})
    existing = {tuple(row) for row in conn.execute(_EXISTING_PAIRS, {"ids": ids})}
    rows = [
        {
            "entity_a": a,
            "entity_b": b,
            "score": 1.0,
            "reason": f"share the name {norm!r} (document {facts.document.id})",
            "status": "open",
            "created_at": at,
        }
        for (a, b), norm in pairs.items()
        if (a, b) not in existing
    ]
    if rows:
        conn.execute(_mc.insert(), rows)
    return len(rows)
