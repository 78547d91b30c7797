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

from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.incidents.persist import LinkReport, ensure_incidents
from oxus.errors import ReadError
from oxus.ingest import discover, read_source
from oxus.kb.pack import shared_pack
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
    linking: LinkReport | None = None
    """Incidents linked again after new facts were stored (None when nothing changed)."""

    @property
    def failed(self) -> bool:
        return bool(self.failures)


class _Tally:
    """Records each file's failure or document's outcome in the report and tells progress."""

    def __init__(self, report: IngestReport, progress: ProgressCallback | None) -> None:
        self.report = report
        self._progress = progress

    def failed(self, error: ReadError, path: Path) -> None:
        self.report.failures.append(error)
        if self._progress:
            self._progress(str(path), "failed")

    def outcome(self, doc_id: str, outcome: SaveResult, facts: DocumentFacts | None) -> None:
        self.report.outcomes[outcome.value] += 1
        if facts is not None and outcome is not SaveResult.DUPLICATE:
            _count(self.report, facts)
        if self._progress:
            self._progress(doc_id, outcome.value)


def read_documents(files: Iterable[Path], tally: _Tally) -> Iterator[Document]:
    for path in files:
        try:
            yield from read_source(path)
        except ReadError as e:
            tally.failed(e, path)


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
    dask: str | None = None,
    batch_size: int = 16,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, extract and store everything under ``paths``; never stops at a bad file.

    ``workers`` > 1 runs the pipeline in a local process pool; ``dask`` (``local`` or a
    scheduler address) runs it on a Dask cluster. The store is written from this process,
    one document per transaction.
    """
    report = IngestReport()
    tally = _Tally(report, progress)
    files = discover(paths)
    _store_documents(
        read_documents(files, tally),
        store,
        tally,
        pack_dir=pack_dir,
        workers=workers,
        dask=dask,
        batch_size=batch_size,
    )
    return report


def ingest_documents(
    documents: Iterable[Document],
    store: Store,
    *,
    pack_dir: str | None = None,
    batch_size: int = 16,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Extract and store documents already read (from a feed, an upload), as ``ingest_paths``."""
    report = IngestReport()
    _store_documents(
        iter(documents), store, _Tally(report, progress), pack_dir=pack_dir, batch_size=batch_size
    )
    return report


def _store_documents(
    documents: Iterator[Document],
    store: Store,
    tally: _Tally,
    *,
    pack_dir: str | None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = 16,
) -> None:
    """Skip documents stored with the same content, extract the others, save each."""
    pack = shared_pack(pack_dir)
    store.sync_pack(pack.entities())
    stored = store.content_hashes()

    def fresh_documents() -> Iterator[Document]:
        for document in documents:
            if stored.get(document.id) == document.content_hash:
                tally.outcome(document.id, SaveResult.UNCHANGED, None)
            else:
                yield document

    pending = fresh_documents()
    first = next(pending, None)
    if first is None:
        return
    stream = itertools.chain([first], pending)
    extracted = extract_documents(
        stream, pack_dir=pack_dir, workers=workers, dask=dask, batch_size=batch_size
    )
    for facts in extracted:
        tally.outcome(facts.document.id, store.save(facts), facts)
    derive(store, tally.report)


def derive(store: Store, report: IngestReport) -> None:
    """After new facts: link incidents again and date the new relation statements."""
    if report.outcomes.get("added", 0) + report.outcomes.get("replaced", 0):
        ensure_dated(store)
        report.linking = ensure_incidents(store)


def extract_documents(
    documents: Iterable[Document],
    *,
    pack_dir: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = 16,
) -> Iterator[DocumentFacts]:
    """Facts for each document, in order: in this process, a local pool or on Dask."""
    if dask:
        from oxus.scale.dask import extract_on_dask

        return extract_on_dask(documents, address=dask, workers=workers, pack_dir=pack_dir)
    if workers > 1:
        from oxus.scale.pool import extract_parallel

        return extract_parallel(documents, workers=workers, pack_dir=pack_dir)
    return extract(documents, nlp=shared_pipeline(pack_dir), batch_size=batch_size)


def count_files(paths: Iterable[str | Path]) -> int:
    """How many files ``paths`` expands to (for a progress bar's total)."""
    return len(discover(paths))
