from __future__ import annotations

import pytest

from oxus.bench.scaler import SYNTHETIC_OUTLET, synthetic_documents
from tests.conftest import CORPUS


def test_synthetic_documents_are_deterministic_and_labelled() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    first = list(synthetic_documents(CORPUS, 20, seed=3))
    again = list(synthetic_documents(CORPUS, 20, seed=3))
    assert [d.text for d in first] == [d.text for d in again]
    assert len({d.id for d in first}) == 20
    assert all(d.outlet == SYNTHETIC_OUTLET and d.id.startswith("synthetic-") for d in first)
    assert len({d.content_hash for d in first}) == 20


def test_russian_documents_are_the_corpus_reports_copied_to_length() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    from oxus.bench.scaler import corpus_paragraphs, russian_documents

    documents = russian_documents(CORPUS, 3000)
    assert sum(len(d.text.split()) for d in documents) >= 3000
    assert all(d.language == "ru" and d.id.startswith("synthetic-ru-") for d in documents)
    assert len({d.content_hash for d in documents}) == len(documents)
    paragraphs, _ = corpus_paragraphs(CORPUS)
    assert not any("Ансаруллах" in p or "группировк" in p for p in paragraphs)
