"""One document that breaks extraction, or runs over its budget, fails alone, in every mode.

A component that raises on a marker word stands in for a pipeline bug; it is added to
the process's pipeline before workers fork (the pool, and Dask workers started by
fork), so every mode meets it in real extraction. A text the parser is slow on stands
in for a pathological input against the time budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import dask
import distributed  # noqa: F401  (its defaults must be in dask's config before a set)
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from oxus.errors import EXTRACTION_FAILED, OVER_BUDGET
from oxus.ingestion import ingest_paths
from oxus.limits import Limits
from oxus.nlp.pipeline import shared_pipeline
from oxus.store import open_store
from tests.hostile import GOOD_REPORT

TRIPWIRE = "oxus_test_tripwire"


@Language.component(TRIPWIRE)
def tripwire(doc: Doc) -> Doc:
    if "TRIPWIRE" in doc.text:
        raise RuntimeError("tripwire")
    return doc


@pytest.fixture
def tripped_pipeline() -> Iterator[None]:
    nlp = shared_pipeline(None)  # the cache key ingestion uses
    nlp.add_pipe(TRIPWIRE, last=True)
    try:
        yield
    finally:
        nlp.remove_pipe(TRIPWIRE)


def _folder(tmp_path: Path, *, slow: bool) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 4):
        text = GOOD_REPORT.replace("four", ("two", "three", "five")[n - 1])
        (folder / f"good-{n}.txt").write_text(text, encoding="utf-8")
    (folder / "trip.txt").write_text(GOOD_REPORT + " TRIPWIRE", encoding="utf-8")
    if slow:
        (folder / "slow.txt").write_text("a " * 24000, encoding="utf-8")
    return folder


@pytest.mark.parametrize("mode", ["single", "pool", "dask"])
def test_a_failing_document_fails_alone(mode: str, tmp_path: Path, tripped_pipeline: None) -> None:
    folder = _folder(tmp_path, slow=mode != "dask")
    store = open_store(str(tmp_path / "s.db"))
    options: dict[str, object] = {"limits": Limits(seconds=2, memory_mb=0)}
    if mode == "pool":
        options["workers"] = 2
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
        if mode == "dask":
            options.update(dask="local", workers=1)
        report = ingest_paths([folder], store, **options)  # type: ignore[arg-type]
    stored = store.document_ids()
    store.close()
    failures = {Path(f.source).name: f for f in report.failures}
    assert failures["trip.txt"].code == EXTRACTION_FAILED
    assert "RuntimeError: tripwire" in failures["trip.txt"].reason
    if mode != "dask":
        assert failures["slow.txt"].code == OVER_BUDGET
        assert "took more than 2 s" in failures["slow.txt"].reason
    assert stored == ["good-1", "good-2", "good-3"]
    assert report.outcomes["added"] == 3
