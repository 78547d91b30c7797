"""Document ids: a file's stem when that names one source, the stem and a tag otherwise.

A document is its source, not its name: ``2022/report.txt`` and ``2023/report.txt``,
or ``x.txt`` and ``x.html``, are two documents. The first source to claim a stem (in
the store, then in the order files are read) keeps the bare stem, so a corpus of
distinct names keeps ids equal to its file names, which gold files and citations use.
Any other source with that stem gets ``<stem>-<8 hex digits>`` from a hash of its real
path: readable, and the same on every run. Feed entries keep their own ids (their guid).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePath

from oxus.model import Document


def source_key(source: str | os.PathLike[str]) -> str:
    """The real path of a source: links and relative spellings resolved."""
    return os.path.realpath(source)


def tagged_id(stem: str, key: str, digits: int = 8) -> str:
    """``stem`` with a short hash of the source's real path: ``report-1a2b3c4d``."""
    return f"{stem}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:digits]}"


class DocumentIds:
    """Gives each document read from a file its id, consistent with the store's."""

    def __init__(self, stored_sources: Mapping[str, str | None]) -> None:
        self._owner: dict[str, str | None] = {
            doc_id: source_key(source) if source else None
            for doc_id, source in stored_sources.items()
        }
        """Document id -> real path of the source that holds it (None: not a file)."""

    def assign(self, document: Document, path: Path) -> Document:
        """``document`` (read from ``path``) with its id and its source as an absolute path."""
        key = source_key(path)
        located = replace(document, source=os.path.abspath(path))
        stem = PurePath(path.name).stem or "document"
        if document.id != stem:
            return located  # a feed entry: its id is its own
        doc_id = self._claim(stem, key)
        return replace(located, id=doc_id) if doc_id != document.id else located

    def _claim(self, stem: str, key: str) -> str:
        for candidate in (stem, tagged_id(stem, key), tagged_id(stem, key, 16)):
            owner = self._owner.get(candidate, key)
            if owner == key:
                self._owner[candidate] = key
                return candidate
        return tagged_id(stem, key, 64)
