"""What a SQLite path holds decides whether oxus opens it, and how."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from oxus.errors import StoreError
from oxus.store import Store, open_store
from oxus.store.migrations import LATEST
from oxus.store.sqlite_file import APPLICATION_ID
from tests.conftest import make_facts
from tests.hostile import GOOD_REPORT
from tests.unprivileged import OXUS, run_unprivileged, shared_folder


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _pragma(path: Path, name: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def test_a_new_store_is_stamped_as_oxus(db_path: Path) -> None:
    open_store(str(db_path)).close()
    assert _pragma(db_path, "application_id") == APPLICATION_ID
    assert _pragma(db_path, "user_version") == LATEST


def test_another_applications_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.close()
    before = _digest(tmp_path)
    with pytest.raises(StoreError, match=r"another application.*tables: notes.*untouched"):
        open_store(str(path))
    with pytest.raises(StoreError, match="another application"):
        open_store(str(path), reading=True)
    assert _digest(tmp_path) == before


def test_a_foreign_application_id_and_a_non_sqlite_file_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("PRAGMA application_id = 1234")
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, but long enough to have a header" * 3)
    before = _digest(tmp_path)
    with pytest.raises(StoreError, match="application id 0x4d2"):
        open_store(str(other))
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(str(text))
    assert _digest(tmp_path) == before


def test_a_store_written_before_the_stamp_is_recognised_and_stamped(db_path: Path) -> None:
    store = open_store(str(db_path))
    store.save(make_facts())
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA application_id = 0")
        conn.execute("PRAGMA user_version = 0")
    conn.close()
    store = open_store(str(db_path))
    assert store.stats()["documents"] == 1
    store.close()
    assert _pragma(db_path, "application_id") == APPLICATION_ID


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    store = open_store(str(db_path))
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')"
        )
    store.close()
    with pytest.raises(StoreError, match=f"schema version 999 is newer .*\\({LATEST}\\)"):
        open_store(str(db_path))


def test_missing_stores_and_folders(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "none.db"), reading=True)
    assert not (tmp_path / "none.db").exists()
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "s.db"))
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path))


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    Store(f"sqlite:///{path}").close()
    assert _pragma(path, "application_id") == APPLICATION_ID


def test_a_read_only_store_serves_reading_commands() -> None:
    with shared_folder() as root:
        store_folder = root / "store"
        store_folder.mkdir()
        db = store_folder / "s.db"
        store = open_store(str(db))
        store.save(make_facts())
        store.close()
        store_folder.chmod(0o555)
        db.chmod(0o444)
        stats = run_unprivileged("stats", "--db", str(db))
        export = run_unprivileged("export", "--db", str(db))
        show = run_unprivileged("entity", "show", "Northern Front", "--db", str(db))
        (root / "in.txt").write_text(GOOD_REPORT, encoding="utf-8")
        ingest = run_unprivileged("ingest", str(root / "in.txt"), "--db", str(db), "-q")
    assert stats.returncode == 0, stats.stderr
    assert "│ documents            │     1 │" in stats.stdout
    assert export.returncode == 0 and '"id": "d1"' in export.stdout
    assert show.returncode == 0 and "Northern Front" in show.stdout
    assert ingest.returncode == 1
    assert ingest.stderr.strip().splitlines() == [
        f"error: [E300] store {db} is read-only (the file or its folder cannot be written); "
        "only commands that read can use it"
    ]


def test_two_first_runs_on_a_new_store_both_finish(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    runs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text(GOOD_REPORT.replace("four", name), encoding="utf-8")
        runs.append(
            subprocess.Popen(
                [OXUS, "ingest", str(folder), "--db", str(db), "-q"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    store = open_store(str(db), reading=True)
    assert store.document_ids() == ["a", "b"]
    store.close()
