"""Real articles through Dask into PostgreSQL give the same facts as a local SQLite run."""

from __future__ import annotations

from pathlib import Path

import pytest

from oxus.export.facts_jsonl import facts_records
from oxus.ingestion import ingest_paths
from oxus.store import Store, open_store
from tests.conftest import CORPUS

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_dask_into_postgres_equals_local_sqlite(pg_store: Store, tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    sample = tmp_path / "sample"
    sample.mkdir()
    for path in sorted(CORPUS.glob("a0*.txt"))[6:10]:
        (sample / path.name).write_bytes(path.read_bytes())
    local = open_store(str(tmp_path / "local.db"))
    ingest_paths([sample], local)
    expected = list(facts_records(local.iter_document_facts()))
    local.close()
    report = ingest_paths([sample], pg_store, dask="local", workers=2)
    assert report.outcomes["added"] == len(expected) == 4
    assert list(facts_records(pg_store.iter_document_facts())) == expected
