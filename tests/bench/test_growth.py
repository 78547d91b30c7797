"""The store's cost per document does not grow with the store (indexes, bulk inserts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oxus.bench.growth import replicated_facts, time_chunks
from oxus.bench.scaler import synthetic_documents
from oxus.ingestion import extract_documents
from oxus.store import Store
from tests.conftest import CORPUS, make_facts


def test_store_write_time_stays_flat(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/growth.db")
    templates = [make_facts(f"t{i}") for i in range(3)]
    report = time_chunks(store, replicated_facts(templates, 2400), chunk=400)
    store.close()
    assert len(report.seconds) == 6
    # The last chunks may not cost much more than the first (generous bound: shared CI cores).
    assert report.growth_ratio < 1.5, report.seconds


def test_pipeline_growth_times_every_document_through_the_pipeline(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    store = Store(f"sqlite:///{tmp_path}/pipeline.db")
    documents = list(synthetic_documents(CORPUS, 6))
    for workers in (1, 2):
        facts = list(extract_documents(documents, workers=workers))
        assert [f.document.id for f in facts] == [d.id for d in documents]
        assert sum(len(f.mentions) for f in facts) > 0
    report = time_chunks(store, extract_documents(documents, workers=1), chunk=3)
    assert len(report.seconds) == 2
    assert len(store.document_ids()) == 6
    store.close()
