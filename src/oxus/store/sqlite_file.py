"""What a SQLite path holds, found out before oxus writes a byte to it.

An oxus store carries ``PRAGMA application_id`` = ``APPLICATION_ID`` and its schema
version in ``PRAGMA user_version``. Stores written before the stamp are recognised by
their tables (and stamped when next opened writable). Any other SQLite file, or a file
that is not SQLite at all, is refused untouched: the header is read from the file
itself, and tables only through a read-only connection. A store whose file or folder
cannot be written is opened read-only, for the commands that only read.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from oxus.errors import StoreError

APPLICATION_ID = 0x4F585553
"""``OXUS`` in ASCII: the application id every oxus SQLite store carries."""
_MAGIC = b"SQLite format 3\x00"
_OXUS_TABLES = frozenset({"schema_version", "documents", "entities", "mentions"})


@dataclass(frozen=True)
class SqliteFile:
    """A SQLite store's path and whether it exists and can be written."""

    path: Path
    exists: bool
    writable: bool

    def uri(self) -> str:
        """The URL to open it read-only (immutable when not even a lock file can be made)."""
        query = "mode=ro"
        folder_writable = os.access(self.path.parent, os.W_OK)
        if not folder_writable and not Path(f"{self.path}-wal").exists():
            query += "&immutable=1"
        return f"sqlite:///file:{self.path}?{query}&uri=true"


def sqlite_path(url: str) -> Path | None:
    """The file a ``sqlite:///`` URL names, or None for memory and other databases."""
    if not url.startswith("sqlite:///") or url in ("sqlite://", "sqlite:///:memory:"):
        return None
    rest = url[len("sqlite:///") :]
    if rest.startswith("file:"):
        return None
    return Path(rest)


def examine(path: Path) -> SqliteFile:
    """Check that ``path`` is an oxus store, a new one, or a store to adopt; else refuse."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store (give a file path)")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create a store at {path}: folder {path.parent} does not exist")
    writable = os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if not path.exists() or path.stat().st_size == 0:
        return SqliteFile(path, exists=path.exists(), writable=writable)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as e:
        raise StoreError(f"cannot read store {path}: {e.strerror or e}") from e
    if not header.startswith(_MAGIC) or len(header) < 100:
        raise StoreError(f"{path} is not an oxus store (not a SQLite database); left untouched")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        return SqliteFile(path, exists=True, writable=writable)
    if application_id != 0:
        raise StoreError(
            f"{path} is a database of another application "
            f"(application id {application_id:#x}), not an oxus store; left untouched"
        )
    tables = _tables(path)
    if tables and not tables >= _OXUS_TABLES:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is a SQLite database of another application (tables: {shown}), "
            "not an oxus store; left untouched"
        )
    return SqliteFile(path, exists=True, writable=writable)


def _tables(path: Path) -> set[str]:
    """Table names, read through a read-only connection (which changes nothing)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path} is not an oxus store ({e}); left untouched") from e
    return {row[0] for row in rows}
