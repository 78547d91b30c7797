"""Training and cross-validation end to end on a few gold documents of the shared corpus,
and analysts' review decisions turned into training rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from oxus.cli import app
from oxus.learn.reviews import example_rows
from oxus.model import Document
from oxus.nlp.candidates import doc_candidates
from oxus.nlp.extract import Pipelines, extract, parse
from oxus.nlp.scoring.bundle import read_model
from oxus.store import open_store, schema
from oxus.store.curation import set_review
from oxus.store.review_examples import ReviewExample, review_examples
from tests.conftest import CORPUS, GOLD

runner = CliRunner()
DOCS = ("a008", "a026", "n121", "n130", "n202", "seed-003")


@pytest.fixture(scope="module")
def small_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Six gold documents and their reports, copied apart."""
    if not GOLD.is_dir():
        pytest.skip("the shared gold is not beside this checkout")
    root = tmp_path_factory.mktemp("small")
    gold, corpus = root / "gold", root / "corpus"
    gold.mkdir()
    corpus.mkdir()
    for doc_id in DOCS:
        shutil.copy(GOLD / f"{doc_id}.json", gold)
        shutil.copy(next(CORPUS.glob(f"{doc_id}.*")), corpus)
    return gold, corpus


def test_train_writes_a_model_that_extraction_reads(
    small_set: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, corpus = small_set
    out = tmp_path / "model.json"
    result = runner.invoke(
        app, ["train", "--gold", str(gold), "--corpus", str(corpus), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    model = read_model(out)
    assert {"relations", "events", "estimates", "sources"} <= set(model.scorers)
    assert model.info["documents"] == len(DOCS)
    assert all(0.0 < s.threshold < 1.0 for s in model.scorers.values() if s.weights)
    assert json.loads(out.read_text())["format"] == 1


def test_cross_validation_reports_held_out_and_fit(
    small_set: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, corpus = small_set
    db = str(tmp_path / "cv.db")
    assert runner.invoke(app, ["ingest", "-q", "--db", db, str(corpus)]).exit_code == 0
    result = runner.invoke(app, ["eval", "--db", db, "--gold", str(gold), "--cv", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["folds"] == 2
    assert sum(len(fold["documents"]) for fold in report["per_fold"]) == len(DOCS)
    held, fit = report["held_out"], report["fit"]
    assert held["entities"]["f1"] > 0.7
    assert held["relations"]["gold"] == fit["relations"]["gold"] > 0
    assert fit["relations"]["f1"] >= held["relations"]["f1"]


def test_a_review_decision_becomes_a_training_example(tmp_path: Path) -> None:
    text = (
        "Jamaat Ansarullah is based in Badakhshan province, where its fighters train. "
        "Mahdi Arsalon leads Jamaat Ansarullah."
    )
    document = Document(id="d1", text=text, published="2024-01-10")
    store = open_store(str(tmp_path / "r.db"))
    try:
        store.save(next(extract([document])))
        with store.engine.connect() as conn:
            row = conn.execute(
                select(schema.relations.c.id).where(schema.relations.c.predicate == "leader_of")
            ).first()
        assert row is not None
        set_review(store, "relation", row.id, "rejected", actor="ana")
        with store.engine.connect() as conn:
            examples = review_examples(conn)
        assert [(e.kind, e.label, e.fact["predicate"]) for e in examples] == [
            ("relation", 0, "leader_of")
        ]
        set_review(store, "relation", row.id, "machine", actor="ana")
        with store.engine.connect() as conn:
            assert review_examples(conn) == []
    finally:
        store.close()


def test_reviewed_facts_find_their_candidates_again() -> None:
    text = "Mahdi Arsalon leads Jamaat Ansarullah, which is based in Badakhshan."
    document = Document(id="d2", text=text, published="2024-01-10")
    candidates = doc_candidates(parse(document, Pipelines(None)))
    leader = next(c for c in candidates.relations if c.fact.predicate.value == "leader_of")
    example = ReviewExample(
        "d2",
        "relation",
        {
            "subject": leader.fact.subject,
            "predicate": "leader_of",
            "object": leader.fact.object,
        },
        leader.fact.evidence.start,
        leader.fact.evidence.end,
        1,
    )
    rows = example_rows(candidates, [example])
    assert list(rows) == ["relations"]
    assert rows["relations"].labels == [1]
    assert rows["relations"].features[0] is leader.features


def test_train_with_reviews_learns_from_the_analysts_decisions(
    small_set: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, corpus = small_set
    db = str(tmp_path / "reviews.db")
    assert runner.invoke(app, ["ingest", "-q", "--db", db, str(corpus)]).exit_code == 0
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            ids = conn.execute(select(schema.relations.c.id).limit(3)).scalars().all()
        for fact_id in ids:
            set_review(store, "relation", fact_id, "accepted", actor="ana")
    finally:
        store.close()
    out = tmp_path / "reviewed.json"
    result = runner.invoke(
        app,
        ["train", "--gold", str(gold), "--db", db, "--with-reviews", "--out", str(out), "-q"],
    )
    assert result.exit_code == 0, result.output
    assert read_model(out).info["review_rows"]["relations"] >= len(ids)
