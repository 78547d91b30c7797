"""Where the texts of gold documents come from: the store, or a folder of reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from oxus.errors import OxusError
from oxus.ingest import read_source
from oxus.ingest.discover import discover
from oxus.model import Document
from oxus.store import Store


def from_store(store: Store, ids: Iterable[str]) -> tuple[list[Document], list[str]]:
    """The stored documents with these ids, and the ids the store does not hold."""
    found, missing = [], []
    for doc_id in sorted(set(ids)):
        document = store.document(doc_id)
        if document is None:
            missing.append(doc_id)
        else:
            found.append(document)
    return found, missing


def from_folder(folder: Path, ids: Iterable[str]) -> tuple[list[Document], list[str]]:
    """The documents with these ids read from the files under ``folder``."""
    wanted = set(ids)
    found: dict[str, Document] = {}
    for path in discover([str(folder)]):
        try:
            documents = read_source(path)
        except OxusError:
            continue
        for document in documents:
            if document.id in wanted and document.id not in found:
                found[document.id] = document
    return [found[i] for i in sorted(found)], sorted(wanted - found.keys())
