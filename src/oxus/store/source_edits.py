"""Writing an analyst's source registry entries: each change one transaction and one audit row.

The store keeps whole entries (not single fields) so that an edited entry reads the same
whatever later releases do to the shipped seed; removing the stored entry falls back to
the seed's, which is how a regrade is undone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from oxus.store import schema
from oxus.store.curation import record_audit
from oxus.store.repository import Store, now


def save_source(
    store: Store,
    row: dict[str, Any],
    *,
    actor: str,
    action: str,
    before: dict[str, Any] | None = None,
) -> None:
    """Insert or replace the stored entry ``row['id']`` and audit what changed."""
    table = schema.sources
    values = {**row, "updated_at": now(), "updated_by": actor}
    with store.engine.begin() as conn:
        exists = conn.execute(select(table.c.id).where(table.c.id == row["id"])).first()
        if exists is not None:
            conn.execute(table.update().where(table.c.id == row["id"]).values(**values))
        else:
            conn.execute(table.insert().values(**values))
        changed = {
            key: value
            for key, value in row.items()
            if key != "id" and (before is None or before.get(key) != value)
        }
        record_audit(
            conn,
            actor,
            action,
            f"source:{row['id']}",
            before={k: before.get(k) for k in changed} if before else None,
            after=changed,
        )


def forget_source(store: Store, source_id: str, *, actor: str, before: dict[str, Any]) -> bool:
    """Drop the stored entry (the shipped one, if any, applies again); audited."""
    with store.engine.begin() as conn:
        done = conn.execute(delete(schema.sources).where(schema.sources.c.id == source_id))
        if done.rowcount:
            record_audit(conn, actor, "source-reset", f"source:{source_id}", before=before)
        return bool(done.rowcount)
