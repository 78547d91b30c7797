"""End to end on the shared corpus: every file in, one valid facts line per file out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.eval import load_facts, score, validate_facts
from oxus.export.facts_jsonl import facts_records
from oxus.store import open_store
from tests.conftest import CORPUS, GOLD

pytestmark = pytest.mark.slow


def test_one_valid_line_per_corpus_file(corpus_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert sorted(line["doc"]["id"] for line in lines) == sorted(p.stem for p in CORPUS.iterdir())
    problems = {line["doc"]["id"]: validate_facts(line) for line in lines}
    assert {k: v for k, v in problems.items() if v} == {}


def test_reingesting_the_corpus_changes_nothing(corpus_db: Path) -> None:
    store = open_store(str(corpus_db))
    before = list(facts_records(store.iter_document_facts()))
    from oxus.ingestion import ingest_paths

    report = ingest_paths([CORPUS], store)
    assert report.outcomes["unchanged"] == len(before)
    assert list(facts_records(store.iter_document_facts())) == before
    store.close()


def test_gold_scores_are_real_numbers(corpus_db: Path) -> None:
    if not GOLD.is_dir():
        pytest.skip("no gold beside this checkout")
    store = open_store(str(corpus_db))
    system = list(facts_records(store.iter_document_facts()))
    store.close()
    result = score(system, load_facts(GOLD))
    assert result.missing_docs == []
    assert result.scores["entities"].overall.f1 > 0.5
