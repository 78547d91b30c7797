"""Editing watch lists: add and remove what a list watches, each change audited.

A list is created by its first item and removed with its last; its alerts go with it.
List names appear in feed URLs (``/watch/{name}.atom``), so they are short and plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select

from oxus.errors import StoreError
from oxus.store import schema
from oxus.store.curation import record_audit
from oxus.store.repository import Store, now
from oxus.store.watch import ITEM_KINDS

LIST_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class WatchTarget:
    """One thing to watch: ``kind`` (entity, country, event_type), its value and label."""

    kind: str
    value: str
    label: str


def check_list_name(name: str) -> str:
    name = name.strip()
    if not LIST_NAME.match(name) or name.endswith(".atom"):
        raise StoreError(
            f"bad watch list name {name!r}: use letters, digits, '-', '_' or '.' (at most 64)"
        )
    return name


def _list_id(conn: Connection, name: str) -> int | None:
    table = schema.watch_lists
    return conn.execute(select(table.c.id).where(table.c.name == name)).scalar_one_or_none()


def add_watch_items(
    store: Store, name: str, targets: list[WatchTarget], *, actor: str = "cli"
) -> list[WatchTarget]:
    """Watch ``targets`` on list ``name`` (created if new); return those not watched before."""
    name = check_list_name(name)
    for target in targets:
        if target.kind not in ITEM_KINDS:
            raise StoreError(f"unknown watch item kind {target.kind!r}")
    added = []
    with store.engine.begin() as conn:
        list_id = _list_id(conn, name)
        if list_id is None:
            conn.execute(schema.watch_lists.insert().values(name=name, created_at=now()))
            list_id = _list_id(conn, name)
        items = schema.watch_items
        for target in targets:
            exists = conn.execute(
                select(items.c.id).where(
                    items.c.list_id == list_id,
                    items.c.kind == target.kind,
                    items.c.value == target.value,
                )
            ).first()
            if exists is None:
                conn.execute(
                    items.insert().values(
                        list_id=list_id,
                        kind=target.kind,
                        value=target.value,
                        label=target.label,
                        created_at=now(),
                    )
                )
                added.append(target)
        if added:
            record_audit(
                conn,
                actor,
                "watch-add",
                f"watch:{name}",
                items=[f"{t.kind}:{t.value}" for t in added],
            )
    return added


def remove_watch_items(
    store: Store, name: str, targets: list[WatchTarget] | None = None, *, actor: str = "cli"
) -> int:
    """Stop watching ``targets`` (all of the list when None); return how many went.

    A list left empty is removed with its alerts.
    """
    name = check_list_name(name)
    items = schema.watch_items
    with store.engine.begin() as conn:
        list_id = _list_id(conn, name)
        if list_id is None:
            raise StoreError(f"no watch list {name!r}")
        query = select(items.c.id, items.c.kind, items.c.value).where(items.c.list_id == list_id)
        rows = conn.execute(query).all()
        wanted = {(t.kind, t.value) for t in targets} if targets is not None else None
        gone = [r for r in rows if wanted is None or (r.kind, r.value) in wanted]
        if targets is not None and len(gone) < len(wanted or ()):
            missing = sorted(wanted - {(r.kind, r.value) for r in gone})  # type: ignore[operator]
            raise StoreError(f"{name!r} does not watch {', '.join(v for _, v in missing)}")
        ids = [r.id for r in gone]
        conn.execute(delete(schema.alerts).where(schema.alerts.c.item_id.in_(ids)))
        conn.execute(delete(items).where(items.c.id.in_(ids)))
        if len(gone) == len(rows):
            conn.execute(delete(schema.alerts).where(schema.alerts.c.list_id == list_id))
            conn.execute(delete(schema.watch_lists).where(schema.watch_lists.c.id == list_id))
        record_audit(
            conn,
            actor,
            "watch-remove",
            f"watch:{name}",
            items=[f"{r.kind}:{r.value}" for r in gone],
        )
    return len(gone)
