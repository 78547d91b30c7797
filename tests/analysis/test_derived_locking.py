"""Relation dates and incidents are read and written holding the store's write lock.

Two ingests that finish together both derive what is new. Had either read what to
write before taking the lock, the later one would write a statement's dates twice or
overwrite incidents with a reading that misses the other's documents.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import oxus.analysis.dating.derive as derive
import oxus.analysis.incidents.persist as persist
from oxus.analysis.dating.derive import date_relations
from oxus.analysis.incidents.persist import relink
from oxus.store import Store, open_store
from tests.conftest import make_facts


def _another_writer_is_kept_out(db: Path) -> bool:
    other = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        return "locked" in str(e)
    other.execute("ROLLBACK")
    return False


@pytest.fixture
def store(tmp_path: Path) -> Store:
    found = open_store(str(tmp_path / "oxus.db"))
    found.save(make_facts())
    return found


def test_dating_reads_the_statements_to_date_holding_the_lock(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    rows = derive._rows

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(_another_writer_is_kept_out(tmp_path / "oxus.db"))
        return rows(*args, **kwargs)

    monkeypatch.setattr(derive, "_rows", reading)
    assert date_relations(store) == 2
    assert seen == [True]
    store.close()


def test_linking_reads_the_events_holding_the_lock(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    load = persist.load_event_records

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(_another_writer_is_kept_out(tmp_path / "oxus.db"))
        return load(*args, **kwargs)

    monkeypatch.setattr(persist, "load_event_records", reading)
    assert relink(store).events == 1
    assert seen == [True]
    store.close()
