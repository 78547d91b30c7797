"""Parallel extraction on one machine: a process pool fed with batches of documents.

Workers send back ``DocumentFacts`` (small) rather than spaCy ``Doc`` objects (large),
and the parent process writes them to the store, so a SQLite file has one writer.
Where the platform can fork, workers are forked from a parent that has the pipeline
loaded; elsewhere they are spawned and load it themselves.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from oxus.model import Document, DocumentFacts
from oxus.nlp.pipeline import shared_pipeline
from oxus.scale.worker import extract_batch, init_worker


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class ExtractionPool:
    """``workers`` processes with the pipeline loaded, reused for several runs."""

    def __init__(self, workers: int, *, pack_dir: str | None = None) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            # Load the pipeline here once: forked workers start with it in memory
            # (shared until written) instead of each spending seconds loading it.
            shared_pipeline(pack_dir)
        context = multiprocessing.get_context(method)
        self._pool = context.Pool(workers, initializer=init_worker, initargs=(pack_dir,))

    def extract(
        self, documents: Iterable[Document], *, batch_size: int = 2
    ) -> Iterator[DocumentFacts]:
        """Facts for each document, in input order."""
        for facts_batch in self._pool.imap(extract_batch, batched(documents, batch_size)):
            yield from facts_batch

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

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
) -> Iterator[DocumentFacts]:
    """Facts for each document, in input order, computed by ``workers`` processes."""
    with ExtractionPool(workers, pack_dir=pack_dir) as pool:
        yield from pool.extract(documents, batch_size=batch_size)
