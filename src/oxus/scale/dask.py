"""Extraction on a ``dask.distributed`` cluster: a local one, or a scheduler by address.

Each Dask worker process loads the pipeline once (``shared_pipeline`` is cached per
process) and turns batches of documents into ``DocumentFacts``; the client writes them
to the store as they complete, in input order, so the result equals a local run. A
scheduler that cannot be reached fails the run within seconds, with its address; a
batch whose worker died is reported as failed for its documents, and the run goes on.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from oxus.errors import EXTRACTION_FAILED, ScaleError
from oxus.limits import Limits
from oxus.model import Document
from oxus.nlp.extract import ExtractionFailure
from oxus.scale.pool import batched
from oxus.scale.worker import Outcome, extract_batch

CONNECT_SECONDS = 5
"""How long to try reaching a scheduler before giving up."""


def check_scheduler(address: str) -> None:
    """Fail fast, with a clear message, when ``address`` names no reachable scheduler.

    ``local`` needs nothing; anything else must be ``[scheme://]host:port`` with
    something listening there (a plain TCP connection is tried).
    """
    if address == "local":
        return
    _, _, location = address.rpartition("://")
    host, _, port = location.rpartition(":")
    if not host or not port.isdigit():
        raise ScaleError(
            f"--dask {address!r} is not 'local' nor a scheduler address (tcp://host:port)"
        )
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as e:
        raise ScaleError(
            f"cannot reach the Dask scheduler at {address!r}: {e.strerror or e}; give 'local' "
            "or a running scheduler's tcp://host:port"
        ) from e


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
        return
    try:
        client = Client(address, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        raise ScaleError(
            f"cannot reach the Dask scheduler at {address!r} within {CONNECT_SECONDS} s "
            f"({type(e).__name__}); give 'local' or a running scheduler's tcp://host:port"
        ) from e
    with client:
        yield client


def extract_on_dask(
    documents: Iterable[Document],
    *,
    address: str,
    workers: int = 2,
    pack_dir: str | None = None,
    batch_size: int = 8,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Facts (or a failure) for each document, computed on the cluster, in input order."""
    with dask_client(address, workers=workers) as client:
        futures = [
            (batch, client.submit(extract_batch, batch, pack_dir, limits, pure=False))
            for batch in batched(documents, batch_size)
        ]
        for batch, future in futures:
            try:
                outcomes = future.result()
            except Exception as e:  # the worker died or the task was lost: these documents fail
                reason = f"extraction failed on Dask: {type(e).__name__}: {e}".splitlines()[0]
                outcomes = [
                    ExtractionFailure(d.id, d.source or d.id, reason[:300], EXTRACTION_FAILED)
                    for d in batch
                ]
            yield from outcomes
            future.release()
