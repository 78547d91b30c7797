"""Names a bundle gives an entity that the store already holds for that entity.

An export lists under each entity every name it is known by, those of entities merged
into it included. Importing that bundle back must not copy a merged entity's names onto
the one it was merged into: unmerging would then leave them behind. So a name the store
already records for the entity, or for any entity merged into it, is not added again.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import bindparam, select

from oxus.model import Entity
from oxus.store import Store, schema
from oxus.store.chunks import chunks
from oxus.store.reader import merge_map
from oxus.textnorm import fold

_HOLDERS = select(schema.aliases.c.entity_id, schema.aliases.c.norm).where(
    schema.aliases.c.norm.in_(bindparam("norms", expanding=True))
)
_STORED = select(schema.entities.c.id).where(
    schema.entities.c.id.in_(bindparam("ids", expanding=True))
)


def stored_ids(store: Store, ids: list[str]) -> set[str]:
    """Which of ``ids`` the store already has an entity row for."""
    found: set[str] = set()
    with store.engine.connect() as conn:
        for chunk in chunks(ids):
            found.update(conn.execute(_STORED, {"ids": chunk}).scalars())
    return found


def without_known_names(
    store: Store, entities: dict[str, Entity], stored: set[str]
) -> dict[str, Entity]:
    """``entities`` with the aliases the store already resolves to the same entity dropped.

    ``stored``: the ids among them the store already holds (``stored_ids``).
    """
    if not stored:
        return entities
    with store.engine.connect() as conn:
        merges = merge_map(conn)
        norms = sorted({fold(a) for i in stored for a in entities[i].aliases} - {""})
        held: set[tuple[str, str]] = set()
        for chunk in chunks(norms):
            for row in conn.execute(_HOLDERS, {"norms": chunk}):
                held.add((merges.get(row.entity_id, row.entity_id), row.norm))
    return {
        entity_id: replace(
            entity, aliases=[a for a in entity.aliases if (entity_id, fold(a)) not in held]
        )
        if entity_id in stored
        else entity
        for entity_id, entity in entities.items()
    }
