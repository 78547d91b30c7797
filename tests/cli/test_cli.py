"""The CLI end to end on hand-made reports: real readers, real pipeline, real SQLite."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.eval import validate_facts

runner = CliRunner()

REPORT_A = """---
title: Border clashes in the north
url: https://example.org/a
outlet: Example Wire
published: 2024-03-05
---
Fighters of the Islamic Movement of Uzbekistan clashed with Taliban forces in Badakhshan
province on Monday, officials in Kabul said.

The group's leader, Usman Ghazi, was not seen. Tajikistan closed its border.
"""

REPORT_B = """---
title: Arrests in Dushanbe
published: 2024-04
---
Tajik security services arrested 12 suspected members of Jamaat Ansarullah in Dushanbe,
according to the State Committee for National Security.
"""


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.md").write_text(REPORT_B, encoding="utf-8")
    return folder


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def export_lines(db: Path) -> list[dict]:
    result = run("export", "--format", "facts-jsonl", "--db", str(db))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_ingest_export_and_reingest(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = run("ingest", str(reports), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    assert "added" in result.stdout
    lines = export_lines(db)
    assert [line["doc"]["id"] for line in lines] == ["a", "b"]
    assert all(validate_facts(line) == [] for line in lines)
    names = {e["name"] for e in lines[0]["entities"]}
    assert {"Islamic Movement of Uzbekistan", "Badakhshan", "Tajikistan"} <= names
    again = run("ingest", str(reports), "--db", str(db), "--quiet")
    assert again.exit_code == 0
    assert export_lines(db) == lines


def test_the_oxus_process_stores_what_a_call_from_python_stores(
    reports: Path, tmp_path: Path
) -> None:
    """As its own process oxus freezes what it loaded out of the collector's way; called
    from Python it leaves the caller's collector alone. Both store the same facts."""
    frozen = gc.get_freeze_count()
    called = tmp_path / "called.db"
    assert run("ingest", str(reports), "--db", str(called), "--quiet").exit_code == 0
    assert gc.get_freeze_count() == frozen
    own = tmp_path / "own.db"
    done = subprocess.run(
        [sys.executable, "-m", "oxus", "ingest", "-q", "--db", str(own), str(reports)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "added" in done.stdout
    assert export_lines(own) == export_lines(called)


def test_bad_files_are_named_and_the_rest_ingested(reports: Path, tmp_path: Path) -> None:
    (reports / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
    (reports / "empty.txt").write_text("", encoding="utf-8")
    (reports / "blob.txt").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(reports), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    unwrapped = result.output.replace("\n", "")  # the console folds long paths anywhere
    for name in ("broken.pdf", "empty.txt", "blob.txt"):
        assert name in unwrapped
    assert [line["doc"]["id"] for line in export_lines(db)] == ["a", "b"]


def test_stats_entity_show_merge_unmerge(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("ingest", str(reports), "--db", str(db), "--quiet")
    stats = run("stats", "--db", str(db))
    assert stats.exit_code == 0 and "documents" in stats.stdout
    show = run("entity", "show", "IMU", "--db", str(db))
    assert show.exit_code == 0, show.output
    assert "Islamic Movement of Uzbekistan" in show.stdout and "a" in show.stdout
    merged = run("entity", "merge", "Usman Ghazi", "Tahir Yuldashev", "--db", str(db))
    assert merged.exit_code == 0, merged.output
    lines = export_lines(db)
    people = {e["name"] for e in lines[0]["entities"] if e["type"] == "person"}
    assert "Tahir Yuldashev" in people and "Usman Ghazi" not in people
    undone = run("entity", "unmerge", "person:usman-ghazi", "--db", str(db))
    assert undone.exit_code == 0, undone.output
    people = {e["name"] for e in export_lines(db)[0]["entities"] if e["type"] == "person"}
    assert "Usman Ghazi" in people
    missing = run("entity", "show", "Nobody Atall", "--db", str(db))
    assert missing.exit_code == 1


def test_eval_scores_a_facts_file_against_gold(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("ingest", str(reports), "--db", str(db), "--quiet")
    facts = tmp_path / "facts.jsonl"
    assert run("export", "--out", str(facts), "--db", str(db)).exit_code == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    line = json.loads(facts.read_text(encoding="utf-8").splitlines()[0])
    (gold / "a.json").write_text(json.dumps(line), encoding="utf-8")
    result = run("eval", "--gold", str(gold), "--facts", str(facts), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["oxus"]
    assert scores["entities"]["f1"] == 1.0
    from_store = run("eval", "--gold", str(gold), "--db", str(db))
    assert from_store.exit_code == 0 and "entities" in from_store.stdout


def test_unknown_path_and_bad_gold_give_clear_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0
    assert "nope" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(bad), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "bad.json" in result.output


def test_summary_stats_and_exports_count_the_same_entities(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = run("ingest", str(reports), "--db", str(db), "--quiet")
    summary = {
        cells[0]: cells[1]
        for line in result.stdout.splitlines()
        if len(cells := [c.strip() for c in line.strip("│┃ ").split("│")]) == 2
    }
    stats = run("stats", "--db", str(db))
    counted = {
        cells[0]: cells[1]
        for line in stats.stdout.splitlines()
        if len(cells := [c.strip() for c in line.strip("│┃ ").split("│")]) == 2
    }
    exported = {e["id"] for line in export_lines(db) for e in line["entities"]}
    assert int(summary["entities in these documents"]) == len(exported)
    assert int(counted["entities"]) == len(exported)
    assert int(counted["pack entities"]) > len(exported)
    assert int(summary["pack entities loaded"]) == int(counted["pack entities"])


def test_unmerge_takes_a_name(reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run("ingest", str(reports), "--db", str(db), "--quiet")
    assert run("entity", "merge", "Usman Ghazi", "Tahir Yuldashev", "--db", str(db)).exit_code == 0
    undone = run("entity", "unmerge", "Usman Ghazi", "--db", str(db))
    assert undone.exit_code == 0, undone.output
    assert "unmerged person:usman-ghazi (was merged into person:tahir-yuldashev)" in undone.stdout
    again = runner.invoke(app, ["entity", "unmerge", "Usman Ghazi", "--db", str(db)])
    assert again.exit_code == 1 and "not merged" in again.stderr
