"""Markers of derived data: what incidents and relation dates were last computed from.

Derived tables are recomputed only when their marker no longer matches the facts; each
marker is one named row of ``derived_state``.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from oxus.store import schema


def read_state(conn: Connection, name: str) -> str | None:
    """The marker stored under ``name``, or None when nothing was derived yet."""
    s = schema.derived_state
    return conn.execute(select(s.c.value).where(s.c.name == name)).scalar_one_or_none()


def write_state(conn: Connection, name: str, value: str) -> None:
    """Replace the marker stored under ``name``."""
    s = schema.derived_state
    conn.execute(delete(s).where(s.c.name == name))
    conn.execute(s.insert().values(name=name, value=value))
