"""STIX import keeps what the store holds: its own export changes nothing, a stored
document is never replaced by a rebuilt one, a failure while storing leaves no trace."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from oxus.cli import app
from oxus.errors import ExportError, StoreError
from oxus.export import stix_check, stix_read
from oxus.export.stix import bundle_json, export_stix
from oxus.export.stix_documents import ScanBudget
from oxus.export.stix_import import import_stix
from oxus.store import Store, open_store
from oxus.store import repository as repository_module
from tests.export.factstore import build_store
from tests.export.hostile_stix import BASED, base

runner = CliRunner()


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "oxus.db"
    build_store(open_store(str(path))).close()
    return path


def content(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_importing_the_stores_own_export_changes_nothing(store_file: Path) -> None:
    store = open_store(str(store_file))
    try:
        bundle = bundle_json(export_stix(store))
        counts, before = store.stats(), content(store_file)
        result = import_stix(store, bundle)
        assert sorted(result.kept) == ["d1", "d2", "d3"] and result.documents == 0
        assert store.stats() == counts  # mentions and relations included
        assert content(store_file) == before
    finally:
        store.close()


def test_a_stored_document_is_never_replaced_by_a_rebuilt_one(store_file: Path) -> None:
    store = open_store(str(store_file))
    try:
        bundle = bundle_json(export_stix(store))
        full = store.document_facts("d1")
        assert full is not None
        store.delete("d2")
        result = import_stix(store, bundle)
        assert sorted(result.kept) == ["d1", "d3"] and result.documents == 1
        kept = store.document_facts("d1")
        assert kept is not None and kept.document.text == full.document.text
        assert len(kept.mentions) == len(full.mentions)
        rebuilt = store.document("d2")
        assert rebuilt is not None and rebuilt.media_type == "application/stix+json"
    finally:
        store.close()


def test_a_failure_while_storing_leaves_the_store_as_it_was(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = repository_module.write_facts

    def failing(conn: Any, facts: Any) -> None:
        calls.append(facts.document.id)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        real(conn, facts)

    monkeypatch.setattr(repository_module, "write_facts", failing)
    two = base()  # one relationship stated in a second document too
    based = next(o for o in two["objects"] if o["id"] == BASED)
    based["x_oxus_evidence"].append({**based["x_oxus_evidence"][0], "document": "other-doc"})
    before = content(store_file)
    store = open_store(str(store_file))
    try:
        with pytest.raises(StoreError):
            import_stix(store, json.dumps(two))
        assert len(calls) == 2
        assert content(store_file) == before
        monkeypatch.setattr(repository_module, "write_facts", real)
        assert import_stix(store, json.dumps(two)).documents == 2  # once the disk is well
    finally:
        store.close()


def test_bundle_size_and_object_count_are_bounded(
    fresh_db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = json.dumps(base())
    monkeypatch.setattr(stix_read, "MAX_BUNDLE_BYTES", 1000)
    with pytest.raises(ExportError, match="larger than"):
        import_stix(fresh_db, bundle)
    monkeypatch.setattr(stix_read, "MAX_BUNDLE_BYTES", 10**6)
    monkeypatch.setattr(stix_check, "MAX_OBJECTS", 3)
    with pytest.raises(ExportError, match="objects"):
        import_stix(fresh_db, bundle)
    assert fresh_db.stats()["entities"] == 0


def test_a_foreign_bundle_imported_twice_is_kept_the_second_time(fresh_db: Store) -> None:
    bundle = json.dumps(base())
    first = import_stix(fresh_db, bundle)
    assert (first.documents, first.relations, first.entities) == (1, 2, 3)
    counts = fresh_db.stats()
    second = import_stix(fresh_db, bundle)
    assert second.documents == 0 and second.kept == ["hostile-doc"]
    assert fresh_db.stats() == counts


def test_the_name_search_has_a_budget(fresh_db: Store) -> None:
    budget = ScanBudget(10)
    assert budget.spend(10) and not budget.spend(1)
    many = base()
    group = many["objects"][0]
    group["aliases"] = [f"Unused alias {i}" for i in range(1000)]
    started = time.monotonic()
    import_stix(fresh_db, json.dumps(many))
    assert time.monotonic() - started < 5


def test_import_refuses_what_is_not_a_regular_file(tmp_path: Path, store_file: Path) -> None:
    fifo = tmp_path / "bundle.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = runner.invoke(app, ["import", str(fifo), "--db", str(store_file)])
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert time.monotonic() - started < 10
