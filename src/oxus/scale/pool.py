"""Parallel extraction on one machine: a process pool fed with batches of documents.

Workers send back ``DocumentFacts`` (small) rather than spaCy ``Doc`` objects (large),
and the parent process writes them to the store, so a SQLite file has one writer.
Where the platform can fork, workers are forked from a parent that has the pipeline
loaded; elsewhere they are spawned and load it themselves. Batches are handed out from
the calling thread a few at a time, so reading stays in step with extraction. A worker
that dies (killed for memory, a crash in native code) takes only the document that
killed it: the pool is restarted and the batch it was on is run again one document at
a time.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from oxus.errors import EXTRACTION_FAILED
from oxus.limits import Limits
from oxus.model import Document
from oxus.nlp.extract import ExtractionFailure
from oxus.nlp.pipeline import shared_pipeline
from oxus.scale.worker import Outcome, extract_batch, init_worker


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class ExtractionPool:
    """``workers`` processes with the pipeline loaded, reused for several runs."""

    def __init__(
        self, workers: int, *, pack_dir: str | None = None, limits: Limits | None = None
    ) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            # Load the pipeline here once: forked workers start with it in memory
            # (shared until written) instead of each spending seconds loading it.
            shared_pipeline(pack_dir)
        self._context = multiprocessing.get_context(method)
        self._workers = workers
        self._initargs = (pack_dir, limits)
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self._workers,
            mp_context=self._context,
            initializer=init_worker,
            initargs=self._initargs,
        )

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def extract(self, documents: Iterable[Document], *, batch_size: int = 2) -> Iterator[Outcome]:
        """Facts (or a failure) for each document, in input order."""
        batches = batched(documents, batch_size)
        pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()

        def submit(batch: list[Document]) -> None:
            pending.append((batch, self._executor.submit(extract_batch, batch)))

        for batch in itertools.islice(batches, self._workers * 2):
            submit(batch)
        while pending:
            batch, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = self._rescue(batch, pending)
            yield from outcomes
            if (following := next(batches, None)) is not None:
                submit(following)

    def _rescue(
        self, batch: list[Document], pending: deque[tuple[list[Document], Future[list[Outcome]]]]
    ) -> list[Outcome]:
        """After a worker died: restart, resubmit the rest, run ``batch`` one by one."""
        self._restart_with(pending)
        outcomes: list[Outcome] = []
        for document in batch:
            try:
                outcomes.extend(self._executor.submit(extract_batch, [document]).result())
            except BrokenProcessPool:
                outcomes.append(
                    ExtractionFailure(
                        document.id,
                        document.source or document.id,
                        "extraction failed: the worker process died (out of memory, or a "
                        "crash in native code)",
                        EXTRACTION_FAILED,
                    )
                )
                self._restart_with(pending)
        return outcomes

    def _restart_with(self, pending: deque[tuple[list[Document], Future[list[Outcome]]]]) -> None:
        """A fresh pool, handed the batches still due (their futures died with the old one)."""
        self._restart()
        waiting = [batch for batch, _ in pending]
        pending.clear()
        for batch in waiting:
            pending.append((batch, self._executor.submit(extract_batch, batch)))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def extract_parallel(
    documents: Iterable[Document],
    *,
    workers: int,
    pack_dir: str | None = None,
    batch_size: int = 2,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Facts (or a failure) for each document, in input order, from ``workers`` processes."""
    with ExtractionPool(workers, pack_dir=pack_dir, limits=limits) as pool:
        yield from pool.extract(documents, batch_size=batch_size)
