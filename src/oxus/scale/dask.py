"""Extraction on a ``dask.distributed`` cluster: a local one, or a scheduler by address.

Each Dask worker process loads the pipeline once (``shared_pipeline`` is cached per
process) and turns batches of documents into ``DocumentFacts``; the client writes them
to the store as they complete, in input order, so the result equals a local run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from oxus.model import Document, DocumentFacts
from oxus.scale.pool import batched
from oxus.scale.worker import extract_batch


@contextmanager
def dask_client(address: str, *, workers: int = 2) -> Iterator[Any]:
    """A client for ``local`` (a LocalCluster of ``workers`` processes) or ``tcp://...``."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    else:
        with Client(address) as client:
            yield client


def extract_on_dask(
    documents: Iterable[Document],
    *,
    address: str,
    workers: int = 2,
    pack_dir: str | None = None,
    batch_size: int = 8,
) -> Iterator[DocumentFacts]:
    """Facts for each document, computed on the cluster, yielded in input order."""
    with dask_client(address, workers=workers) as client:
        futures = [
            client.submit(extract_batch, batch, pack_dir, pure=False)
            for batch in batched(documents, batch_size)
        ]
        for future in futures:
            yield from future.result()
            future.release()
