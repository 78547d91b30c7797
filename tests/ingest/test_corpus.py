"""Every report of the shared corpus reads cleanly (skipped when the corpus is absent)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from oxus.ingest import discover, read_source

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def test_reads_every_corpus_file_quickly() -> None:
    paths = discover([CORPUS])
    assert paths
    started = time.perf_counter()
    documents = [doc for path in paths for doc in read_source(path)]
    elapsed = time.perf_counter() - started
    assert len(documents) == len(paths)
    assert len({doc.id for doc in documents}) == len(documents)
    for doc in documents:
        assert doc.text and not doc.text.startswith("---")
        assert doc.published is None or doc.published[:4].isdigit()
        assert doc.url is None or doc.url.startswith("http")
        assert doc.language in {"en", "ru"}
        assert len(doc.content_hash) == 64
    assert elapsed < 2.0
