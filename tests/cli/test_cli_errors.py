"""Every bad argument gets one line on standard error and a non-zero exit, never a traceback.

The cases run through the command group's own entry (``OneLineErrors.main``, what the
``oxus`` script calls) in-process; a few also through the installed script.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time

import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.store import open_store
from tests.conftest import make_facts
from tests.unprivileged import OXUS

NAMED = "Northern Front"
CASES: list[tuple[str, str]] = [
    # ingest
    ("ingest", "Missing argument 'paths'"),
    ("ingest --workers 0 {report}", "--workers"),
    ("ingest --workers many {report}", "--workers"),
    ("ingest {tmp}/nothing-here", "nothing to ingest"),
    ("ingest {empty}", "nothing to ingest"),
    ("ingest {report} --db {foreign}", "another application"),
    ("ingest {report} --db {newer}", "newer than this oxus"),
    ("ingest {report} --db {folder}", "is a folder"),
    ("ingest {report} --db {tmp}/missing/s.db", "does not exist"),
    ("ingest {report} --db {text}", "not a SQLite database"),
    ("ingest {report} --db {fresh} --dask tcp://127.0.0.1:9", "cannot reach the Dask scheduler"),
    ("ingest {report} --db {fresh} --dask 'not an address'", "not 'local' nor a scheduler"),
    ("ingest {report} --db {fresh} --pack {tmp}/no-pack", "pack"),
    ("ingest {report} --db {fresh} --pack {report}", "pack"),
    ("ingest {report} --time-limit -1", "--time-limit"),
    ("ingest {report} --memory-limit -5", "--memory-limit"),
    ("ingest {report} --max-file-size 0", "--max-file-size"),
    ("ingest {report} --db mysql://user@localhost/oxus", "cannot open store"),
    ("ingest {report} --db postgresql://nobody@127.0.0.1:9/oxus", "cannot open store"),
    ("ingest {report} --bogus", "No such option"),
    # export
    ("export --db {db} --out {tmp}/missing/facts.jsonl", "does not exist"),
    ("export --db {db} --out {folder}", "is a folder"),
    ("export --db {db} --format csv", "--out is required"),
    ("export --db {db} --format graphml", "--out is required"),
    ("export --db {db} --format gexf", "--out is required"),
    ("export --db {db} --format csv --out {report}", "is a file"),
    ("export --db {db} --format stix --out {tmp}/missing/b.json", "does not exist"),
    ("export --db {db} --format geojson --out {folder}", "is a folder"),
    ("export --db {db} --format graphml --out {tmp}/missing/g.graphml", "does not exist"),
    ("export --db {db} --format nope", "--format"),
    ("export --db {foreign}", "another application"),
    ("export --db {tmp}/none.db", "no store at"),
    ("export --db {newer}", "newer than this oxus"),
    # brief
    ("brief --db {db}", "exactly one of --entity or --country"),
    ("brief --db {db} --entity A --country B", "exactly one of --entity or --country"),
    ("brief --db {db} --entity '{named}' --out {tmp}/missing/b.md", "does not exist"),
    ("brief --db {db} --entity '{named}' --out {folder}", "is a folder"),
    ("brief --db {db} --entity '{named}' --format pdf", "--out is required"),
    ("brief --db {db} --entity 'Nobody Known'", "no entity named"),
    ("brief --db {db} --entity '{named}' --since yesterday", "not a date"),
    ("brief --db {db} --entity '{named}' --format docx", "--format"),
    ("brief --db {db} --country Nowhere", "no entity named"),
    ("brief --db {tmp}/none.db --entity '{named}'", "no store at"),
    # entity
    ("entity show 'Nobody Known' --db {db}", "no entity named"),
    ("entity show --db {db}", "Missing argument"),
    ("entity merge Nobody '{named}' --db {db}", "no entity named"),
    ("entity merge '{named}' '{named}' --db {db}", "into itself"),
    ("entity merge '{named}' 'Ali Karimov' --db {db}", "cannot merge a group into a person"),
    ("entity unmerge '{named}' --db {db}", "not merged"),
    ("entity unmerge 'Nobody Known' --db {db}", "no entity named"),
    ("entity rename x --db {db}", "No such command"),
    ("entity show '{named}' --db {foreign}", "another application"),
    # facts
    ("facts --db {db}", "Missing option '--entity'"),
    ("facts --db {db} --entity 'Nobody Known'", "no entity named"),
    ("facts --db {newer} --entity '{named}'", "newer than this oxus"),
    # eval
    ("eval --gold {tmp}/no-gold --db {db}", "no-gold"),
    ("eval --gold {bad_json} --db {db}", "bad.json"),
    ("eval --gold {gold} --errors bogus --db {db}", "--errors takes one of"),
    ("eval --gold {gold} --facts {tmp}/no-facts.jsonl", "no-facts.jsonl"),
    ("eval --gold {gold} --facts {bad_json}", "bad.json"),
    ("eval --gold {gold} --facts {gold} --baseline", "--baseline needs the documents"),
    ("eval --db {db}", "Missing option '--gold'"),
    # import
    ("import {tmp}/no-bundle.json --db {db}", "no-bundle.json"),
    ("import {folder} --db {db}", "folder"),
    ("import {fifo} --db {db}", "not a regular file"),
    ("import --format misp {report} --db {db}", "--format"),
    # serve
    ("serve --port 0 --db {db}", "--port"),
    ("serve --port 70000 --db {db}", "--port"),
    ("serve --db {tmp}/missing/s.db", "does not exist"),
    ("serve --db {foreign}", "another application"),
    # stats
    ("stats --db {foreign}", "another application"),
    ("stats --db {newer}", "newer than this oxus"),
    ("stats --db {folder}", "is a folder"),
    ("stats --db {tmp}/none.db", "no store at"),
    ("stats --db {text}", "not a SQLite database"),
    # bench and the rest
    ("bench --docs 0", "--docs"),
    ("bench --corpus {tmp}/no-corpus", "no corpus"),
    ("bench-scale --docs 10", "--docs"),
    ("frobnicate", "No such command"),
    ("--version", "No such option"),
]


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("cli-errors")
    db = tmp / "store.db"
    store = open_store(str(db))
    store.save(make_facts())
    store.close()
    newer = tmp / "newer.db"
    store = open_store(str(newer))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO schema_version (version, applied_at) VALUES (999, 'x')")
    store.close()
    foreign = tmp / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    (tmp / "folder").mkdir()
    (tmp / "empty").mkdir()
    report = tmp / "report.txt"
    report.write_text("Police in Osh arrested three men on Friday.", encoding="utf-8")
    text = tmp / "text.db"
    text.write_text("This file is a note, not a database. " * 4, encoding="utf-8")
    bad_json = tmp / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    gold = tmp / "gold.jsonl"
    line = {"doc": {"id": "d1"}, "entities": [], "relations": [], "events": [], "estimates": []}
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    fifo = tmp / "bundle.fifo"
    os.mkfifo(fifo)
    return {
        "tmp": str(tmp),
        "db": str(db),
        "fresh": str(tmp / "fresh.db"),
        "newer": str(newer),
        "foreign": str(foreign),
        "folder": str(tmp / "folder"),
        "empty": str(tmp / "empty"),
        "report": str(report),
        "text": str(text),
        "bad_json": str(bad_json),
        "gold": str(gold),
        "fifo": str(fifo),
        "named": NAMED,
    }


def _args(template: str, places: dict[str, str]) -> list[str]:
    import shlex

    return shlex.split(template.format(**places))


@pytest.mark.parametrize(("template", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_arguments_give_one_line_and_a_non_zero_exit(
    template: str, words: str, places: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OXUS_TOKEN", raising=False)
    started = time.monotonic()
    result = CliRunner().invoke(app, _args(template, places))
    assert time.monotonic() - started < 30
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code not in (0, 70), result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert "Traceback" not in result.output
    assert words in lines[0], lines[0]


def test_the_cli_error_cases_are_many() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("ingest --workers 0 {report}", "--workers"),
        ("stats --db {foreign}", "another application"),
        ("export --db {db} --out {tmp}/missing/facts.jsonl", "does not exist"),
    ],
)
def test_the_installed_command_says_the_same(
    template: str, words: str, places: dict[str, str]
) -> None:
    result = subprocess.run(
        [OXUS, *_args(template, places)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode not in (0, 70)
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and words in line


@pytest.mark.parametrize(
    "template",
    [
        "entity show 'Nobody Known' --db {db}",
        "facts --db {db} --entity 'Nobody Known'",
        "brief --db {db} --entity 'Nobody Known'",
        "incidents --db {db} --entity 'Nobody Known'",
        "incidents show no-such-incident --db {db}",
        "watch add mine 'Nobody Known' --db {db}",
        "sources grade 'Nobody Known' B --db {db}",
    ],
)
def test_a_lookup_of_nothing_stored_is_one_line_and_exit_1(
    template: str, places: dict[str, str]
) -> None:
    """Commands leave the store's errors to the command group: the same line, code 1."""
    result = CliRunner().invoke(app, _args(template, places))
    assert result.exit_code == 1, result.output
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("error: [E300] no"), line
    assert "Traceback" not in result.output
