"""Open a database by URL, with the settings each backend needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from oxus.errors import StoreError

SQLITE_CACHE_KIB = 64 * 1024
SQLITE_MMAP_BYTES = 256 * 1024 * 1024
SQLITE_BUSY_SECONDS = 60
"""How long a writer waits for another process's write (a first run's schema, a save)."""
PG_WRITE_LOCK = 0x4F585553
"""Advisory lock key that serialises schema creation and pack loading on PostgreSQL."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    _read_pragmas(cursor)


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    _read_pragmas(cursor)


def _read_pragmas(cursor: Any) -> None:
    # A large store is read in many small index lookups: keep its hot pages in memory.
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """A SQLAlchemy engine for a SQLite file, in-memory SQLite or PostgreSQL URL.

    ``read_only`` (SQLite) leaves out the settings that write to the file.
    """
    try:
        if url.startswith("sqlite"):
            connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS}
            kwargs: dict[str, Any] = {"connect_args": connect_args}
            if url in ("sqlite://", "sqlite:///:memory:"):
                kwargs["poolclass"] = StaticPool
            engine = create_engine(url, **kwargs)
            pragmas = _sqlite_read_pragmas if read_only else _sqlite_pragmas
            event.listen(engine, "connect", pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as e:
        raise StoreError(f"cannot open store {url!r}: {e}") from e


@contextmanager
def write_transaction(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A transaction that holds the write lock from its first statement.

    SQLite: ``BEGIN IMMEDIATE``, so what the transaction reads cannot change before it
    writes, and a second process waits its turn instead of failing. PostgreSQL: with
    ``exclusive``, an advisory lock held to the end, for work that must not run twice
    at once (creating the schema, loading the pack).
    """
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            if exclusive:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield conn
        return
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        level = dbapi.isolation_level  # type: ignore[union-attr]
        dbapi.isolation_level = None  # type: ignore[union-attr]
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if dbapi.in_transaction:  # type: ignore[union-attr]
                    conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        finally:
            conn.rollback()
            dbapi.isolation_level = level  # type: ignore[union-attr]
