"""Merge candidates found while saving: entities that share a name are flagged, never merged.

A provisional entity whose name or alias is also a name of another entity of the same
type may be the same thing under a spelling the pack lacks, or a namesake. Only an
analyst can tell, so the pair goes to the review queue with its reason. A name written
in the other script counts as shared: "Махди Арсалон" from a Russian report and
"Mahdi Arsalon" from an English one (:mod:`oxus.kb.translit`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, or_, select

from oxus.kb.translit import other_script
from oxus.model import DocumentFacts
from oxus.store import schema
from oxus.textnorm import fold

NameHolder = tuple[str, str, str]
"""(folded name, entity id, entity type) of one live entity known by that name."""

_mc, _e, _a = schema.merge_candidates, schema.entities, schema.aliases
_HOLDERS = (
    select(_a.c.norm, _a.c.entity_id, _e.c.type, _e.c.merged_into)
    .join(_e, _e.c.id == _a.c.entity_id)
    .where(_a.c.norm.in_(bindparam("norms", expanding=True)))
)
"""Holders of names, merged ones included: filtering ``merged_into IS NULL`` in SQL leads
SQLite to scan every entity through that column's index instead of looking the names up."""
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


def transliterated_names(facts: DocumentFacts) -> dict[str, set[str]]:
    """The folded other-script spellings of the document's provisional entities' names
    ("Mahdi Arsalon" -> "махди арсалон"), with the ids of the entities they spell."""
    names: dict[str, set[str]] = {}
    for entity in facts.entities.values():
        if entity.status == "provisional":
            for name in (entity.name, *entity.aliases):
                for spelling in other_script(name):
                    if norm := fold(spelling):
                        names.setdefault(norm, set()).add(entity.id)
    return names


def record_shared_names(
    conn: Connection, facts: DocumentFacts, holders: Iterable[NameHolder], at: str
) -> int:
    """Add a candidate for each provisional entity sharing a name with another; return how many.

    ``holders`` are the live entities known by any of the document's names once its own
    names are stored (the writer reads them with the aliases it checks anyway).
    """
    pairs: dict[tuple[str, str], str] = {}
    _pair(pairs, facts, holders, provisional_names(facts), "share the name {!r}")
    spellings = transliterated_names(facts)
    if spellings:
        found = [
            (row.norm, row.entity_id, row.type)
            for row in conn.execute(_HOLDERS, {"norms": sorted(spellings)})
            if row.merged_into is None
        ]
        _pair(pairs, facts, found, spellings, "share the name {!r} in another script")
    if not pairs:
        return 0
    ids = sorted({i for pair in pairs for i in pair})
    existing = {tuple(row) for row in conn.execute(_EXISTING_PAIRS, {"ids": ids})}
    rows = [
        {
            "entity_a": a,
            "entity_b": b,
            "score": 1.0,
            "reason": f"{reason} (document {facts.document.id})",
            "status": "open",
            "created_at": at,
        }
        for (a, b), reason in pairs.items()
        if (a, b) not in existing
    ]
    if rows:
        conn.execute(_mc.insert(), rows)
    return len(rows)


def _pair(
    pairs: dict[tuple[str, str], str],
    facts: DocumentFacts,
    holders: Iterable[NameHolder],
    names: dict[str, set[str]],
    reason: str,
) -> None:
    """Add (entity, provisional entity) pairs of one type known by the same folded name."""
    for norm, entity_id, entity_type in holders:
        for provisional in names.get(norm, ()):
            if entity_id == provisional or facts.entities[provisional].type.value != entity_type:
                continue
            pair = (min(provisional, entity_id), max(provisional, entity_id))
            pairs.setdefault(pair, reason.format(norm))
