"""Ingestion end to end: sources -> documents -> pipeline -> store, a few documents a commit.

Failures are per document: a path that is refused, a file that cannot be read, a
document the pipeline fails on or that runs over its time or memory budget, a document
the store rejects: each is reported with its reason and the others go on. Documents
already stored with the same content skip the pipeline.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.incidents.persist import LinkReport, ensure_incidents
from oxus.errors import ReadError, StoreError
from oxus.ingest import DEFAULT_MAX_BYTES, Found, find_sources, read_path
from oxus.ingest.identity import DocumentIds
from oxus.kb.pack import shared_pack
from oxus.limits import Limits, enforced
from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import BATCH_SIZE, ExtractionFailure, OnFailure, extract
from oxus.nlp.pipeline import shared_pipeline
from oxus.store import SaveResult, Store
from oxus.store.repository import StoredSource

ProgressCallback = Callable[[str, str], None]
"""Called with (document or file id, outcome) after each document or failed file."""


@dataclass(frozen=True)
class ReadWarning:
    """A problem worked around while reading a source (replaced bytes)."""

    source: str
    message: str


@dataclass
class IngestReport:
    """What an ingestion run did, for the summary table and the exit code."""

    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    """Relations, events, estimates and mentions in the documents added or replaced."""
    entities: set[str] = field(default_factory=set)
    """Distinct entities those documents mention or refer to."""
    provisional: set[str] = field(default_factory=set)
    """Of those, the ones the pack does not know."""
    pack_entities: int = 0
    """Pack entities that were new to the store (loaded by this run)."""
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

    def failed(self, error: ReadError) -> None:
        self.report.failures.append(error)
        if self._progress:
            self._progress(error.source, "failed")

    def extraction_failed(self, failure: ExtractionFailure) -> None:
        self.failed(ReadError(failure.source, failure.reason, code=failure.code))

    def outcome(self, doc_id: str, outcome: SaveResult, facts: DocumentFacts | None) -> None:
        self.report.outcomes[outcome.value] += 1
        if facts is not None and outcome in (SaveResult.ADDED, SaveResult.REPLACED):
            _count(self.report, facts)
        if self._progress:
            self._progress(doc_id, outcome.value)


def read_documents(
    files: Iterable[Path], tally: _Tally, *, limits: Limits, max_bytes: int
) -> Iterator[tuple[Path, Document]]:
    """Each file's documents; a file that fails in any way is reported and skipped."""
    for path in files:
        try:
            budget = limits.for_file(_size(path), f"reading {path}")
            with enforced(budget):
                result = read_path(path, max_bytes=max_bytes)
        except ReadError as e:
            tally.failed(e)
            continue
        except Exception as e:  # a reader's own bug must not end the run: name the file
            first = (str(e).strip().splitlines() or [""])[0][:300]
            tally.failed(ReadError(str(path), f"cannot be read: {type(e).__name__}: {first}"))
            continue
        for message in result.warnings:
            tally.report.warnings.append(ReadWarning(str(path), message))
        for document in result.documents:
            yield path, document


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _count(report: IngestReport, facts: DocumentFacts) -> None:
    report.facts["mentions"] += len(facts.mentions)
    report.facts["relations"] += len(facts.relations)
    report.facts["events"] += len(facts.events)
    report.facts["estimates"] += len(facts.estimates)
    report.entities.update(facts.entities)
    report.provisional.update(i for i, e in facts.entities.items() if e.status != "pack")


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    pack_dir: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: ProgressCallback | None = None,
    limits: Limits | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Read, extract and store everything under ``paths``; never stops at a bad file."""
    return ingest_found(
        find_sources(paths),
        store,
        pack_dir=pack_dir,
        workers=workers,
        dask=dask,
        batch_size=batch_size,
        progress=progress,
        limits=limits,
        max_bytes=max_bytes,
    )


def ingest_found(
    found: Found,
    store: Store,
    *,
    pack_dir: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: ProgressCallback | None = None,
    limits: Limits | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Ingest the files ``find_sources`` found and report the paths it refused.

    ``workers`` > 1 runs the pipeline in a local process pool; ``dask`` (``local`` or a
    scheduler address) runs it on a Dask cluster. The store is written from this process,
    a few documents per transaction (``Store.save_stream``). ``limits`` bounds each
    document's time and memory.
    """
    limits = limits or Limits.from_env()
    report = IngestReport()
    tally = _Tally(report, progress)
    for refusal in found.refused:
        tally.failed(refusal)
    if not found.files:
        return report
    report.pack_entities = store.sync_pack(shared_pack(pack_dir).entities())
    stored = store.document_index()
    ids = DocumentIds({doc_id: entry.source for doc_id, entry in stored.items()})
    reading = read_documents(found.files, tally, limits=limits, max_bytes=max_bytes)
    _store_documents(
        (ids.assign(document, path) for path, document in reading),
        store,
        tally,
        stored,
        pack_dir=pack_dir,
        workers=workers,
        dask=dask,
        batch_size=batch_size,
        limits=limits,
    )
    return report


def ingest_documents(
    documents: Iterable[Document],
    store: Store,
    *,
    pack_dir: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: ProgressCallback | None = None,
    limits: Limits | None = None,
) -> IngestReport:
    """Extract and store documents already read (from a feed, an upload), as ``ingest_paths``."""
    report = IngestReport()
    report.pack_entities = store.sync_pack(shared_pack(pack_dir).entities())
    _store_documents(
        iter(documents),
        store,
        _Tally(report, progress),
        store.document_index(),
        pack_dir=pack_dir,
        batch_size=batch_size,
        limits=limits or Limits.from_env(),
    )
    return report


def _store_documents(
    documents: Iterator[Document],
    store: Store,
    tally: _Tally,
    stored: dict[str, StoredSource],
    *,
    pack_dir: str | None,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = BATCH_SIZE,
    limits: Limits,
) -> None:
    """Skip documents stored with the same content, extract the others, save each."""

    def fresh_documents() -> Iterator[Document]:
        for document in documents:
            known = stored.get(document.id)
            if known is not None and known.content_hash == document.content_hash:
                tally.outcome(document.id, SaveResult.UNCHANGED, None)
            else:
                yield document

    extracted = extract_documents(
        fresh_documents(),
        pack_dir=pack_dir,
        workers=workers,
        dask=dask,
        batch_size=batch_size,
        limits=limits,
        on_failure=tally.extraction_failed,
    )
    for facts, outcome in store.save_stream(extracted):
        if isinstance(outcome, StoreError):
            document = facts.document
            reason = f"not stored: {outcome.message}"
            tally.failed(ReadError(document.source or document.id, reason))
        else:
            tally.outcome(facts.document.id, outcome, facts)
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
    batch_size: int = BATCH_SIZE,
    limits: Limits | None = None,
    on_failure: OnFailure | None = None,
) -> Iterator[DocumentFacts]:
    """Facts for each document, in order: in this process, a local pool or on Dask.

    A document that cannot be extracted goes to ``on_failure`` (without it, the error
    is raised).
    """
    if dask:
        from oxus.scale.dask import extract_on_dask

        outcomes = extract_on_dask(
            documents, address=dask, workers=workers, pack_dir=pack_dir, limits=limits
        )
        return _facts_only(outcomes, on_failure)
    if workers > 1:
        from oxus.scale.pool import extract_parallel

        outcomes = extract_parallel(documents, workers=workers, pack_dir=pack_dir, limits=limits)
        return _facts_only(outcomes, on_failure)
    return extract(
        documents,
        nlp=shared_pipeline(pack_dir),
        batch_size=batch_size,
        limits=limits,
        on_failure=on_failure,
    )


def _facts_only(
    outcomes: Iterable[DocumentFacts | ExtractionFailure], on_failure: OnFailure | None
) -> Iterator[DocumentFacts]:
    for outcome in outcomes:
        if isinstance(outcome, DocumentFacts):
            yield outcome
        elif on_failure is not None:
            on_failure(outcome)
        else:
            raise ReadError(outcome.source, outcome.reason, code=outcome.code)
