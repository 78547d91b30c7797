"""``oxus incidents`` on a hand-made store: list, show, join, split, undo, score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.store import open_store
from tests.analysis.incident_facts import hall_attack_reports, store_reports

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "incidents.db"
    store = store_reports(open_store(str(path)), *hall_attack_reports())
    store.close()
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _listed(db: str, *options: str) -> dict:
    return json.loads(_run("incidents", "--db", db, "--json", *options))


def test_list_as_json_names_reports_place_and_tolls_side_by_side(db: str) -> None:
    listed = _listed(db, "--entity", "Riverton", "--type", "attack")
    assert listed["total"] == 1
    hall = listed["incidents"][0]
    assert hall["date"] == "2024-03-22"
    assert sorted(hall["documents"]) == ["daily-2", "wire-1"]
    assert hall["place"] == "Hall 9, Riverton, North Province, Freedonia"
    killed = next(d for d in hall["disagreements"] if d["field"] == "killed")
    assert [(v["label"], v["documents"]) for v in killed["values"]] == [
        ("146", ["daily-2"]),
        ("143", ["wire-1"]),
    ]
    assert _listed(db, "--since", "2024-04")["total"] == 0
    assert _listed(db, "--multi")["total"] == 1


def test_table_and_show(db: str) -> None:
    table = _run("incidents", "--db", db, "--entity", "Hall 9")
    words = " ".join(table.split())
    assert all(part in words for part in ("146", "(Second", "143", "(First", "daily-2"))
    incident = _listed(db, "--entity", "Hall 9")["incidents"][0]["id"]
    shown = _run("incidents", "--db", db, "show", incident)
    assert "Reports" in shown and "First Wire" in shown


def test_join_split_and_undo(db: str) -> None:
    ids = {i["documents"][0]: i["id"] for i in _listed(db, "--type", "attack")["incidents"]}
    hall, raid = ids.get("wire-1") or ids["daily-2"], ids["post-3"]
    joined = _run("incidents", "--db", db, "join", hall, raid).split()[-1]
    assert sorted(_listed(db, "--type", "attack")["incidents"][0]["documents"]) == [
        "daily-2",
        "post-3",
        "wire-1",
    ]
    report = next(
        r["fact_id"]
        for r in json.loads(_run("incidents", "--db", db, "show", joined, "--json"))["reports"]
        if r["evidence"]["document_id"] == "post-3"
    )
    _run("incidents", "--db", db, "split", joined, "--report", str(report))
    assert _listed(db, "--type", "attack")["total"] == 2
    _run("incidents", "--db", db, "undo", "2")
    _run("incidents", "--db", db, "undo", "1")
    assert _listed(db, "--type", "attack")["total"] == 2


def test_errors_are_one_line(db: str) -> None:
    for args in (
        ["show", "no-such-incident"],
        ["join", "only-one"],
        ["undo", "99"],
    ):
        result = runner.invoke(app, ["incidents", "--db", db, *args])
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    bad_date = runner.invoke(app, ["incidents", "--db", db, "--since", "March"])
    assert bad_date.exit_code == 2


def test_score_against_a_gold_file(db: str, tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "incidents:\n"
        "  - id: hall\n    date: 2024-03-22\n    reports:\n"
        "      - {doc: wire-1, types: [attack], cues: [hall 9]}\n"
        "      - {doc: daily-2, types: [attack], cues: [riverton]}\n"
        "  - id: raid\n    date: 2024-03-22\n    reports:\n"
        "      - {doc: post-3, types: [attack], cues: [hilltown]}\n",
        encoding="utf-8",
    )
    scored = json.loads(_run("incidents", "--db", db, "score", "--gold", str(gold), "--json"))
    assert (scored["precision"], scored["recall"], scored["f1"]) == (1.0, 1.0, 1.0)
    assert scored["coverage"] == 1.0
    relinked = _run("incidents", "--db", db, "relink")
    assert "events in" in relinked
