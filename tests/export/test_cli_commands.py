"""The export, import, facts and brief commands through the CLI runner on a file store."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.store import open_store
from tests.export.factstore import build_store

runner = CliRunner()


@pytest.fixture
def db(db_path: Path) -> str:
    store = open_store(str(db_path))
    build_store(store)
    store.close()
    return str(db_path)


def test_export_formats(db: str, tmp_path: Path) -> None:
    for fmt, name in (("stix", "b.json"), ("geojson", "p.geojson"), ("graphml", "g.graphml")):
        result = runner.invoke(app, ["export", "-f", fmt, "-o", str(tmp_path / name), "--db", db])
        assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "b.json").read_text())["type"] == "bundle"
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 6
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "csv"), "--db", db])
    assert result.exit_code == 0 and (tmp_path / "csv" / "estimates.csv").exists()
    result = runner.invoke(app, ["export", "-f", "gexf", "--db", db])
    assert result.exit_code == 1 and "--out is required" in result.output


def test_facts_jsonl_unchanged(db: str) -> None:
    result = runner.invoke(app, ["export", "--db", db])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["doc"]["id"] for line in lines] == ["d1", "d2", "d3"]


def test_import_round_trip(db: str, tmp_path: Path) -> None:
    runner.invoke(app, ["export", "-f", "stix", "-o", str(tmp_path / "b.json"), "--db", db])
    other = str(tmp_path / "other.db")
    result = runner.invoke(
        app, ["import", "--format", "stix", str(tmp_path / "b.json"), "--db", other]
    )
    assert result.exit_code == 0 and "3 documents" in result.output
    runner.invoke(app, ["export", "-f", "stix", "-o", str(tmp_path / "c.json"), "--db", other])
    assert (tmp_path / "b.json").read_text() == (tmp_path / "c.json").read_text()


def test_facts_command(db: str) -> None:
    result = runner.invoke(app, ["facts", "--entity", "NF", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entity"]["id"] == "group:northern-front"
    assert {c["kind"] for c in data["conflicts"]} == {"denial", "estimate"}
    result = runner.invoke(app, ["facts", "--entity", "Northern Front", "--db", db])
    assert result.exit_code == 0 and "Conflicting claims" in result.stdout
    assert runner.invoke(app, ["facts", "--entity", "Nobody", "--db", db]).exit_code == 1


def test_brief_command(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", "--entity", "Northern Front", "--db", db])
    assert result.exit_code == 0 and result.stdout.startswith("# Northern Front")
    out = tmp_path / "b.html"
    result = runner.invoke(
        app, ["brief", "--country", "Tajikistan", "-f", "html", "-o", str(out), "--db", db]
    )
    assert result.exit_code == 0 and "<h2>Activity timeline</h2>" in out.read_text()
    assert runner.invoke(app, ["brief", "--db", db]).exit_code == 1
