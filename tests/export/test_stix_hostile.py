"""Hostile STIX bundles (``tests/export/hostile_stix.py``) through ``oxus import``.

Each refused bundle: exit 1, one ``error:`` line, no traceback, the store's content
unchanged to the byte, within seconds. Each odd-but-sound bundle: imported. The whole
refused set in one process: bounded time and peak memory.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oxus.cli import app
from oxus.store import open_store
from tests.export.factstore import build_store
from tests.export.hostile_stix import imported, refused, write_all

REFUSED = [name for name, _ in refused()]
IMPORTED = [name for name, _ in imported()]
ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-stix")
    write_all(folder)
    return folder


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store file with documents, facts and curation in it."""
    path = tmp_path_factory.mktemp("store") / "oxus.db"
    build_store(open_store(str(path))).close()
    return path


def content(path: Path) -> list[str]:
    """The store's whole content as SQL statements (tables, rows, search index)."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_there_are_many_hostile_bundles() -> None:
    assert len(REFUSED) >= 40 and len(set(REFUSED)) == len(REFUSED)


@pytest.mark.parametrize("name", REFUSED)
def test_a_hostile_bundle_is_refused_whole(name: str, bundles: Path, populated: Path) -> None:
    before = content(populated)
    started = time.monotonic()
    result = runner.invoke(app, ["import", str(bundles / f"{name}.json"), "--db", str(populated)])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    assert content(populated) == before


@pytest.mark.parametrize("name", IMPORTED)
def test_an_odd_but_sound_bundle_is_imported(name: str, bundles: Path, tmp_path: Path) -> None:
    store = tmp_path / "copy.db"
    result = runner.invoke(app, ["import", str(bundles / f"{name}.json"), "--db", str(store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported ")
    opened = open_store(str(store))
    try:
        assert opened.stats()["relations"] >= 1
    finally:
        opened.close()


def test_refused_bundles_in_one_process_stay_small_and_quick(
    bundles: Path, populated: Path, tmp_path: Path
) -> None:
    store = tmp_path / "target.db"
    shutil.copy(populated, store)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.export.hostile_stix",
            str(tmp_path / "b"),
            "--into",
            str(store),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    results, peak = lines[:-1], lines[-1]["peak_rss_mib"]
    assert len(results) == len(REFUSED)
    assert all(r["outcome"].startswith("refused: ") for r in results), results
    assert max(r["seconds"] for r in results) < 5
    assert peak < 1024, f"peak memory {peak} MiB"


def test_the_real_command_prints_one_line(bundles: Path, populated: Path) -> None:
    oxus = str(Path(sys.executable).parent / "oxus")
    bundle = str(bundles / "1kb-huge-offset.json")
    run = subprocess.run(
        [oxus, "import", bundle, "--db", str(populated)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "60", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: "), run.stderr
    assert "outside 0..2e+07" in run.stderr
