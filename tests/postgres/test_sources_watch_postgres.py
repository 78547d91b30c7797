"""Name-aware search, source grades and alerts on a real PostgreSQL server, as on SQLite."""

from __future__ import annotations

import pytest

from oxus.analysis.alerts import list_alerts
from oxus.analysis.profile import entity_profile
from oxus.analysis.search import search
from oxus.analysis.source_registry import add_source, grade_source
from oxus.store import SaveResult, Store
from oxus.store.watch_lists import WatchTarget, add_watch_items
from tests.analysis import namestore
from tests.conftest import make_facts

pytestmark = pytest.mark.postgres


def test_search_expands_names_on_postgres(pg_store: Store, fresh_db: Store) -> None:
    for store in (pg_store, fresh_db):
        namestore.build(store)
    for query in ("ISKP", "ИГ-Хорасан", "IS-K", "ISKP bus", "Arsalan", "harvest"):
        on_pg = search(pg_store, query)
        on_sqlite = search(fresh_db, query)
        assert {d.id for d in on_pg.documents} == {d.id for d in on_sqlite.documents}, query
        assert [n.entity.id for n in on_pg.named] == [n.entity.id for n in on_sqlite.named]
    assert {d.id for d in search(pg_store, "ISKP").documents} == {"k1", "k2", "k3", "k4", "k7"}
    assert search(pg_store, "ISKP").documents[0].id == "k1"


def test_grades_and_alerts_on_postgres(pg_store: Store) -> None:
    add_watch_items(pg_store, "nf", [WatchTarget("entity", "group:northern-front", "NF")])
    add_source(pg_store, "Test Wire", kind="wire", grade="B", reason="Invented for the test.")
    assert pg_store.save(make_facts("d1")) is SaveResult.ADDED
    alerts = list_alerts(pg_store)
    assert len(alerts) == 4 and {a.grade for a in alerts} == {"B"}
    assert pg_store.save(make_facts("d1")) is SaveResult.UNCHANGED
    assert len(list_alerts(pg_store)) == 4
    grade_source(pg_store, "Test Wire", "D")
    bases = entity_profile(pg_store, "group:northern-front").section("bases")
    assert bases is not None
    assert {e.grading.grade for e in bases.links[0].claim.evidence} == {"D"}
