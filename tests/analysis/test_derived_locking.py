"""Relation dates and incidents are read and written holding the store's write lock.

Two ingests that finish together both derive what is new. Had either read what to
write before taking the lock, the later one would write a statement's dates twice or
overwrite incidents with a reading that misses the other's documents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

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


@pytest.mark.parametrize(
    ("module", "reader", "derive_from"),
    [
        (derive, "_rows", lambda store: date_relations(store) == 2),
        (persist, "load_event_records", lambda store: relink(store).events == 1),
    ],
    ids=["relation dates: the statements to date", "incidents: the events"],
)
def test_what_is_derived_is_read_holding_the_lock(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    reader: str,
    derive_from: Callable[[Store], bool],
) -> None:
    seen: list[bool] = []
    read = getattr(module, reader)

    def reading(*args: Any, **kwargs: Any) -> Any:
        seen.append(_another_writer_is_kept_out(tmp_path / "oxus.db"))
        return read(*args, **kwargs)

    monkeypatch.setattr(module, reader, reading)
    assert derive_from(store)
    assert seen == [True]
    store.close()
