"""The store's cost per document does not grow with the store (indexes, bulk inserts)."""

from __future__ import annotations

from pathlib import Path

from oxus.bench.growth import replicated_facts, time_chunks
from oxus.store import Store
from tests.conftest import make_facts


def test_store_write_time_stays_flat(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/growth.db")
    templates = [make_facts(f"t{i}") for i in range(3)]
    report = time_chunks(store, replicated_facts(templates, 2400), chunk=400)
    store.close()
    assert len(report.seconds) == 6
    # The last chunks may not cost much more than the first (generous bound: shared CI cores).
    assert report.growth_ratio < 1.5, report.seconds
