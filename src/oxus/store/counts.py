"""What a store holds, counted the way exports count it.

``entities`` are the canonical entities (merges resolved) that some document mentions
or some fact refers to: the entities an export contains. Pack entities no document
has mentioned are in the store too, ready for matching; they are counted apart
(``pack entities``), as are entities the pipeline found (``provisional entities``).
Facts an analyst rejected are left out, as exports leave them out.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select, union

from oxus.store import schema
from oxus.store.reader import merge_map


def store_counts(conn: Connection) -> dict[str, int]:
    """Documents, entities in documents, pack and provisional entities, mentions, facts."""
    r, e, x = schema.relations, schema.events, schema.estimates
    p, m, ent = schema.event_participants, schema.mentions, schema.entities
    kept_relations = r.c.review != "rejected"
    kept_events = e.c.review != "rejected"
    kept_estimates = x.c.review != "rejected"
    referred = union(
        select(m.c.entity_id.label("id")),
        select(r.c.subject_id).where(kept_relations),
        select(r.c.object_id).where(kept_relations),
        select(r.c.asserted_by).where(kept_relations),
        select(p.c.entity_id).join(e, e.c.id == p.c.event_id).where(kept_events),
        select(e.c.location_id).where(kept_events),
        select(e.c.asserted_by).where(kept_events),
        select(x.c.subject_id).where(kept_estimates),
        select(x.c.asserted_by).where(kept_estimates),
    )
    merges = merge_map(conn)
    ids = {merges.get(i, i) for i in conn.execute(referred).scalars() if i is not None}

    def count(table: object, *where: object) -> int:
        query = select(func.count()).select_from(table)  # type: ignore[arg-type]
        return int(conn.execute(query.where(*where) if where else query).scalar_one())  # type: ignore[arg-type]

    return {
        "documents": count(schema.documents),
        "entities": len(ids),
        "pack entities": count(ent, ent.c.status == "pack"),
        "provisional entities": count(ent, ent.c.status == "provisional"),
        "mentions": count(m),
        "relations": count(r, kept_relations),
        "events": count(e, kept_events),
        "estimates": count(x, kept_estimates),
    }
