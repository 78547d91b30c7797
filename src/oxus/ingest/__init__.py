"""Ingestion: turning files (text, Markdown, HTML, PDF, RSS/Atom) into Documents.

Every reader returns Documents whose ``text`` is normalised (see ``normalize_text``):
the string all character offsets in oxus refer to. A source that cannot be read raises
``oxus.errors.ReadError`` with a one-line reason and a code; callers reading many files
catch it per file and go on.
"""

from __future__ import annotations

from pathlib import Path

from oxus.errors import NOT_FOUND, UNSUPPORTED, ReadError
from oxus.ingest.base import RawSource
from oxus.ingest.dates import normalize_date
from oxus.ingest.discover import discover
from oxus.ingest.language import detect_language
from oxus.ingest.normalize import normalize_text
from oxus.ingest.registry import SUPPORTED_SUFFIXES, read_raw
from oxus.model import Document

__all__ = [
    "SUPPORTED_SUFFIXES",
    "detect_language",
    "discover",
    "normalize_date",
    "normalize_text",
    "read_bytes",
    "read_source",
]


def read_source(path: str | Path) -> list[Document]:
    """Read one file into one or more Documents (a feed gives one per entry)."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise ReadError(source, "not found", code=NOT_FOUND)
    if path.is_dir():
        raise ReadError(source, "is a folder, not a file", code=UNSUPPORTED)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(source, f"cannot be read: {e.strerror or e}", code=NOT_FOUND) from e
    return read_raw(RawSource(data=data, source=source, name=path.name))


def read_bytes(data: bytes, *, name: str, source: str | None = None) -> list[Document]:
    """Read content already in memory (an upload, a fetched page) as if it were file ``name``."""
    return read_raw(RawSource(data=data, source=source or name, name=name))
