"""oxus sources, watch, alerts and watch-feeds through the CLI, with the real pipeline.

The scenario of the watch lists: watch Jamaat Ansarullah, ingest a new report about it
(sentences written for this test), see the new facts in ``oxus alerts``, on the What's
new page and in the list's Atom feed; ingest the same report again and see nothing new.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.store import open_store
from oxus.web import create_app
from tests.feedserver import serve_folder
from tests.web.conftest import Client

runner = CliRunner()
REPORT = """---
title: Militants attack a border post in Badakhshan
url: https://www.rferl.org/a/invented-test-report.html
outlet: RFE/RL
published: 2025-03-02
---
Fighters of Jamaat Ansarullah attacked a border post in Badakhshan on 1 March 2025,
killing two guards, Tajik officials said.

Jamaat Ansarullah is based in Badakhshan, according to the State Committee for National
Security.
"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title><id>urn:valley</id>
<updated>2025-03-03T10:00:00Z</updated>
<entry><title>Arrests in Khujand</title><id>urn:valley:1</id>
<link href="http://valley.example/1"/><updated>2025-03-03T10:00:00Z</updated>
<summary>Tajik police arrested six suspected members of Jamaat Ansarullah in Khujand.</summary>
</entry></feed>
"""


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "oxus.db")


def test_watch_ingest_alerts_page_feed_and_nothing_on_reingest(tmp_path: Path, db: str) -> None:
    out = run("watch", "add", "ja", "Jamaat Ansarullah", "--db", db)
    assert "ja: watching Jamaat Ansarullah (entity)" in out
    report = tmp_path / "report.md"
    report.write_text(REPORT, encoding="utf-8")
    out = run("ingest", "--quiet", str(report), "--db", db)
    assert "new fact(s) about what you watch" in out
    alerts = json.loads(run("alerts", "--json", "--db", db))
    assert alerts and all("Jamaat Ansarullah" in a["watched"] for a in alerts)
    attack = next(a for a in alerts if a["kind"] == "event")
    assert attack["document_id"] == "report"
    assert attack["evidence"].startswith("Fighters of Jamaat Ansarullah attacked")
    assert (attack["source"], attack["grade"]) == ("RFE/RL", "B")
    assert "Badakhshan" in attack["summary"]

    store = open_store(db)
    client = Client(create_app(store, allow_hosts=["testserver"]))
    try:
        page = client.get("/watch?list=ja").text
        assert page.count("data-fact=") == len(alerts)
        assert "Fighters of Jamaat Ansarullah attacked" in page
        parsed = feedparser.parse(client.get("/watch/ja.atom").content)
        assert not parsed.bozo and parsed.version == "atom10"
        assert {e.title for e in parsed.entries} == {a["summary"] for a in alerts}
    finally:
        client.close()
        store.close()

    out = run("ingest", "--quiet", str(report), "--db", db)
    assert "new fact(s)" not in out
    assert json.loads(run("alerts", "--json", "--db", db)) == alerts
    assert json.loads(run("alerts", "--json", "--since", "2999-01-01", "--db", db)) == []
    table = run("alerts", "--list", "ja", "--db", db)
    assert "Alerts (" in table and "RFE/RL [B]" in table


def test_watch_list_and_remove(db: str) -> None:
    run("watch", "add", "region", "Tajikistan", "attack", "type:arrest", "--db", db)
    listed = json.loads(run("watch", "list", "--json", "--db", db))
    assert [(i["kind"], i["value"]) for i in listed[0]["items"]] == [
        ("country", "TJ"),
        ("event_type", "attack"),
        ("event_type", "arrest"),
    ]
    assert "already watching" in run("watch", "add", "region", "TJ", "--db", db)
    assert "removed 1 item(s)" in run("watch", "remove", "region", "attack", "--db", db)
    assert "removed the list" in run("watch", "remove", "region", "--db", db)
    assert "No watch lists" in run("watch", "list", "--db", db)
    assert "nothing named" in run("watch", "add", "x", "Nobody Anywhere", "--db", db, code=1)
    assert "bad watch list name" in run("watch", "add", "a b", "attack", "--db", db, code=1)
    assert "expected a date" in run("alerts", "--since", "yesterday", "--db", db, code=1)


def test_sources_commands(db: str) -> None:
    listed = json.loads(run("sources", "--json", "--db", db))
    names = {s["name"]: s for s in listed["sources"]}
    assert names["RFE/RL"]["grade"] == "B" and names["RFE/RL"]["reason"]
    out = run("sources", "grade", "RFE/RL (Gandhara)", "C", "--reason", "Test.", "--db", db)
    assert out.startswith("graded RFE/RL: C (Fairly reliable)")
    table = run("sources", "--db", db)
    assert "C (was B)" in table
    run(
        "sources",
        "add",
        "Valley Wire",
        "--kind",
        "wire",
        "--grade",
        "D",
        "--reason",
        "Invented.",
        "--domain",
        "valley.example",
        "--db",
        db,
    )
    assert "unknown source kind" in run(
        "sources", "add", "X", "--kind", "blog", "--grade", "B", "--reason", "r", "--db", db, code=1
    )
    assert "reset RFE/RL: B" in run("sources", "reset", "RFE/RL", "--db", db)
    assert "removed Valley Wire" in run("sources", "reset", "Valley Wire", "--db", db)
    audit = open_store(db)
    with audit.engine.connect() as conn:
        from sqlalchemy import select

        from oxus.store import schema

        actions = conn.execute(select(schema.audit.c.action)).scalars().all()
    audit.close()
    assert actions == ["source-grade", "source-add", "source-reset", "source-reset"]


def test_watch_feeds_once_ingests_from_a_local_server(tmp_path: Path, db: str) -> None:
    served = tmp_path / "served"
    served.mkdir()
    (served / "valley.atom").write_text(FEED, encoding="utf-8")
    listing = tmp_path / "feeds.txt"
    run("watch", "add", "ja", "Jamaat Ansarullah", "--db", db)
    with serve_folder(served) as base:
        listing.write_text(f"{base}/valley.atom\n", encoding="utf-8")
        first = run("watch-feeds", "--once", str(listing), "--db", db)
        assert "1 read" in first and "1 new" in first
        second = run("watch-feeds", "--once", str(listing), "--db", db)
        assert "0 new" in second and "1 already stored" in second
        listing.write_text(f"{base}/valley.atom\n{base}/missing.atom\n", encoding="utf-8")
        failed = run("watch-feeds", "--once", str(listing), "--db", db, code=1)
        assert "HTTP 404" in failed
    alerts = json.loads(run("alerts", "--json", "--db", db))
    assert {a["outlet"] for a in alerts} == {"Valley Wire"}
    assert "bad interval" in run("watch-feeds", "--every", "soon", str(listing), code=1)
