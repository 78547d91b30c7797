"""Ingestion end to end: sources -> documents -> pipeline -> store, one document at a time.

Failures are per file: a file that cannot be read is reported with its reason and the
others go on. Documents already stored with the same content skip the pipeline.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from oxus.errors import ReadError
from oxus.ingest import discover, read_source
from oxus.kb.pack import default_pack, load_pack
from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import shared_pipeline
from oxus.store import SaveResult, Store

ProgressCallback = Callable[[str, str], None]
"""Called with (document or file id, outcome) after each document or failed file."""


@dataclass
class IngestReport:
    """What an ingestion run did, for the summary table and the exit code."""

    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[ReadError] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def read_documents(files: Iterable[Path], report: IngestReport, progress: ProgressCallback | None) -> Iterator[Document]:
    for path in files:
        try:
            yield from read_source(path)
        except ReadError as e:
            report.failures.append(e)
            if progress:
                progress(str(path), "failed")


def _count(report: IngestReport, facts: DocumentFacts) -> None:
    report.facts["entities"] += len(facts.entities)
    report.facts["relations"] += len(facts.relations)
    report.facts["events"] += len(facts.events)
    report.facts["estimates"] += len(facts.estimates)


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    pack_dir: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, extract and store everything under ``paths``; never stops at a bad file."""
    report = IngestReport()
    files = discover(paths)
    pack = load_pack(pack_dir) if pack_dir else default_pack()
    store.sync_pack(pack.entities())
    def fresh_documents() -> Iterator[Document]:
        for document in read_documents(files, report, progress):
            if store.has_document(document.id, document.content_hash):
                report.outcomes[SaveResult.UNCHANGED.value] += 1
                if progress:
                    progress(document.id, SaveResult.UNCHANGED.value)
            else:
                yield document

    pending = fresh_documents()
    first = next(pending, None)
    if first is None:
        return report
    nlp = shared_pipeline(pack_dir)
    stream = itertools.chain([first], pending)
    for facts in extract(stream, nlp=nlp, batch_size=batch_size, n_process=workers):
        outcome = store.save(facts)
        report.outcomes[outcome.value] += 1
        if outcome is not SaveResult.DUPLICATE:
            _count(report, facts)
        if progress:
            progress(facts.document.id, outcome.value)
    return report


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files ``paths`` expands to (for a progress bar's total)."""
    return len(discover(paths))
