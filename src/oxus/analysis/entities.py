"""An entity as an analyst inspects it: names with their sources, mentions by document."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from oxus.errors import NotFound, StoreError
from oxus.model import Entity
from oxus.store import Store, schema
from oxus.store.reader import merge_map


@dataclass
class AliasRecord:
    alias: str
    entity_id: str
    document_id: str | None
    source: str | None


@dataclass
class MentionCount:
    document_id: str
    title: str | None
    published: str | None
    surfaces: list[str]
    count: int


@dataclass
class EntityDetail:
    entity: Entity
    merged_into: str | None
    absorbed: list[str] = field(default_factory=list)
    aliases: list[AliasRecord] = field(default_factory=list)
    mentions: list[MentionCount] = field(default_factory=list)


def resolve_entity(store: Store, name_or_id: str) -> str:
    """The id of the entity an analyst means by a name, alias or id; error when unknown."""
    if store.entity(name_or_id) is not None:
        return name_or_id
    found, merges = _named(store, name_or_id)
    return merges.get(found[0], found[0])


def resolve_merged_entity(store: Store, name_or_id: str) -> str:
    """The id of the merged-away entity an analyst names, to undo its merge.

    ``resolve_entity`` follows merges to the survivor; undoing one needs the entity
    that was absorbed, which is the one bearing the name (or, when the name is the
    survivor's, the one entity merged into it).
    """
    if store.entity(name_or_id) is not None:
        return name_or_id
    found, merges = _named(store, name_or_id)
    merged = [i for i in found if merges.get(i, i) != i]
    if merged:
        return merged[0]
    absorbed = sorted(i for i, into in merges.items() if into in found and i != into)
    if len(absorbed) == 1:
        return absorbed[0]
    if absorbed:
        raise StoreError(
            f"several entities are merged into {name_or_id!r} ({', '.join(absorbed)}): "
            "name the one to unmerge"
        )
    return found[0]


def _named(store: Store, name: str) -> tuple[list[str], dict[str, str]]:
    """The entities bearing ``name`` (an error when none) and the store's merges."""
    found = store.find_entities(name)
    if not found:
        raise NotFound(f"no entity named {name!r}")
    with store.engine.connect() as conn:
        return found, merge_map(conn)


def entity_detail(store: Store, entity_id: str) -> EntityDetail:
    """Everything known about one entity and the entities merged into it."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id!r}")
    with store.engine.connect() as conn:
        merges = merge_map(conn)
        absorbed = sorted(source for source, target in merges.items() if target == entity_id)
        ids = [entity_id, *absorbed]
        row = conn.execute(
            select(schema.entities.c.merged_into).where(schema.entities.c.id == entity_id)
        ).scalar_one_or_none()
        aliases = [
            AliasRecord(a.alias, a.entity_id, a.document_id, a.source)
            for a in conn.execute(
                select(schema.aliases)
                .where(schema.aliases.c.entity_id.in_(ids))
                .order_by(schema.aliases.c.alias, schema.aliases.c.document_id)
            )
        ]
        rows = conn.execute(
            select(
                schema.mentions.c.document_id,
                schema.documents.c.title,
                schema.documents.c.published,
                schema.mentions.c.text,
                func.count().label("n"),
            )
            .join(schema.documents, schema.documents.c.id == schema.mentions.c.document_id)
            .where(schema.mentions.c.entity_id.in_(ids))
            .group_by(
                schema.mentions.c.document_id,
                schema.documents.c.title,
                schema.documents.c.published,
                schema.mentions.c.text,
            )
            .order_by(schema.mentions.c.document_id)
        ).all()
    by_doc: dict[str, MentionCount] = {}
    for r in rows:
        record = by_doc.setdefault(
            r.document_id, MentionCount(r.document_id, r.title, r.published, [], 0)
        )
        record.surfaces.append(r.text)
        record.count += r.n
    return EntityDetail(
        entity=entity,
        merged_into=row,
        absorbed=absorbed,
        aliases=aliases,
        mentions=sorted(by_doc.values(), key=lambda m: (m.published or "", m.document_id)),
    )
