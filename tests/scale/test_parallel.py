"""Parallel and distributed extraction give exactly the facts of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from oxus.export.facts_jsonl import facts_records
from oxus.ingestion import ingest_paths
from oxus.store import open_store
from tests.conftest import CORPUS


def _sample(tmp_path: Path, count: int = 6) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    folder = tmp_path / "sample"
    folder.mkdir()
    for path in sorted(CORPUS.glob("a0*.txt"))[:count]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _export(db: Path) -> list[dict]:
    store = open_store(str(db))
    try:
        return list(facts_records(store.iter_document_facts()))
    finally:
        store.close()


@pytest.fixture(scope="module")
def sample_and_local(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    tmp = tmp_path_factory.mktemp("parallel")
    folder = _sample(tmp)
    db = tmp / "local.db"
    store = open_store(str(db))
    ingest_paths([folder], store)
    store.close()
    return folder, _export(db)


def test_process_pool_equals_local_run(sample_and_local, tmp_path: Path) -> None:
    folder, local = sample_and_local
    db = tmp_path / "pool.db"
    store = open_store(str(db))
    report = ingest_paths([folder], store, workers=2)
    store.close()
    assert report.outcomes["added"] == len(local)
    assert _export(db) == local


def test_dask_local_cluster_equals_local_run(sample_and_local, tmp_path: Path) -> None:
    folder, local = sample_and_local
    db = tmp_path / "dask.db"
    store = open_store(str(db))
    report = ingest_paths([folder], store, dask="local", workers=2)
    store.close()
    assert report.outcomes["added"] == len(local)
    assert _export(db) == local
