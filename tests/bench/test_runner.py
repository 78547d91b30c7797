"""`oxus bench` times every stage on the same documents and reports comparable figures."""

from __future__ import annotations

import hashlib

from oxus.bench.runner import _chunks, run_benchmark
from oxus.model import Document

TEXTS = [
    "The Northern Front, led by Ali Karimov, is based in Valley Province.",
    "Police arrested 12 members of the Northern Front in March 2021.",
    "Officials said the group has about 300 fighters near the border.",
    "The ministry denied that the Northern Front receives support from abroad.",
    "On 4 May 2022 the group attacked a checkpoint, killing two guards.",
]


def _documents() -> list[Document]:
    return [
        Document(
            id=f"b{i}",
            text=text,
            title=f"Report {i}",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        for i, text in enumerate(TEXTS)
    ]


def test_rounds_cover_every_document_once() -> None:
    docs = _documents()
    parts = _chunks(docs, 2)
    assert [d.id for part in parts for d in part] == [d.id for d in docs]
    assert len(parts) == 2
    assert _chunks(docs, 9) == [[d] for d in docs]


def test_every_stage_is_timed_on_the_same_words(tmp_path) -> None:
    report = run_benchmark(_documents(), workers=2, store_dir=tmp_path, rounds=2, processes=1)
    names = [s.name for s in report.stages]
    assert names == ["spacy", "oxus", "oxus-workers-2", "spacy-process", "oxus-process"]
    assert all(s.words == report.words == sum(len(t.split()) for t in TEXTS) for s in report.stages)
    assert all(s.seconds > 0 for s in report.stages)
    assert all(s.peak_rss_mb > 0 for s in report.stages[:3])
    ratios = report.ratios()
    assert set(ratios) == {
        "oxus / spacy",
        "oxus-workers-2 / spacy",
        "oxus-workers-2 / oxus",
        "oxus-process / spacy-process",
    }
    # A whole process pays for start-up and loading: slower than the same work in-process.
    assert report.stage("oxus-process").seconds > report.stage("oxus").seconds
    assert set(report.latency_ms) >= {"profile", "search", "graph", "timeline"}
    assert report.to_dict()["documents"] == len(TEXTS)


RUSSIAN = [
    "Лидер группировки «Северный фронт» Али Каримов находится в провинции Долина.",
    "В марте 2021 года полиция задержала 12 членов «Северного фронта».",
    "По данным властей, группировка насчитывает около 300 боевиков.",
]


def test_russian_words_per_second_beside_english(tmp_path) -> None:
    russian = [
        Document(
            id=f"r{i}",
            text=text,
            language="ru",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        for i, text in enumerate(RUSSIAN)
    ]
    report = run_benchmark(
        _documents(),
        workers=1,
        store_dir=tmp_path,
        rounds=2,
        latency=False,
        russian=russian,
        processes=0,
    )
    assert [s.name for s in report.stages] == ["spacy", "oxus", "oxus-ru"]
    stage = report.stage("oxus-ru")
    assert stage.documents == len(RUSSIAN)
    assert stage.words == sum(len(t.split()) for t in RUSSIAN)
    assert stage.seconds > 0
    assert "oxus-ru / oxus" in report.ratios()
    assert "oxus-ru / spacy" not in report.ratios()
