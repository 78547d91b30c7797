"""Ingestion: turning files (text, Markdown, HTML, PDF, RSS/Atom) into Documents.

Every reader returns Documents whose ``text`` is normalised (see ``normalize_text``):
the string all character offsets in oxus refer to. A source that cannot be read raises
``oxus.errors.ReadError`` with a one-line reason and a code; callers reading many files
catch it per file and go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from oxus.ingest.base import RawSource
from oxus.ingest.dates import normalize_date
from oxus.ingest.discover import Found, discover, find_sources
from oxus.ingest.files import DEFAULT_MAX_BYTES, read_file
from oxus.ingest.language import detect_language
from oxus.ingest.normalize import normalize_text
from oxus.ingest.registry import SUPPORTED_SUFFIXES, read_raw
from oxus.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Found",
    "SourceRead",
    "detect_language",
    "discover",
    "find_sources",
    "normalize_date",
    "normalize_text",
    "read_bytes",
    "read_path",
    "read_source",
]


@dataclass
class SourceRead:
    """The documents one source gave, and what was worked around to read it."""

    documents: list[Document]
    warnings: list[str] = field(default_factory=list)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceRead:
    """Read one file into its Documents (a feed gives one per entry) and its warnings."""
    path = Path(path)
    raw = RawSource(data=read_file(path, max_bytes=max_bytes), source=str(path), name=path.name)
    documents = read_raw(raw)
    return SourceRead(documents, raw.warnings)


def read_source(path: str | Path) -> list[Document]:
    """Read one file into one or more Documents (a feed gives one per entry)."""
    return read_path(path).documents


def read_bytes(data: bytes, *, name: str, source: str | None = None) -> list[Document]:
    """Read content already in memory (an upload, a fetched page) as if it were file ``name``."""
    return read_raw(RawSource(data=data, source=source or name, name=name))
