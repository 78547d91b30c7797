"""Watch lists and alerts: recorded with the facts, once per fact, kept across re-ingestion."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from oxus.analysis.alerts import latest_alert_id, list_alerts, new_alerts
from oxus.analysis.watch import resolve_target, watch_lists
from oxus.errors import StoreError
from oxus.store import SaveResult, Store, schema
from oxus.store.curation import merge_entities
from oxus.store.watch_lists import (
    WatchTarget,
    add_watch_items,
    check_list_name,
    remove_watch_items,
)
from tests.conftest import make_facts

NF = "group:northern-front"


def _alerts(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.alerts)).scalar_one()


def test_names_resolve_to_entities_countries_and_event_types(fresh_db: Store) -> None:
    fresh_db.save(make_facts())
    fresh_db.sync_pack([])
    assert resolve_target(fresh_db, "Northern Front") == WatchTarget("entity", NF, "Northern Front")
    assert resolve_target(fresh_db, "NF").value == NF  # an alias
    assert resolve_target(fresh_db, "plot foiled") == WatchTarget(
        "event_type", "plot_foiled", "plot foiled"
    )
    assert resolve_target(fresh_db, "type:arrests").value == "arrest"
    with pytest.raises(StoreError, match="unknown event type"):
        resolve_target(fresh_db, "type:picnic")
    with pytest.raises(StoreError, match="nothing named"):
        resolve_target(fresh_db, "Southern Front")
    with pytest.raises(StoreError, match="not a country"):
        resolve_target(fresh_db, "country:Northern Front")


def test_states_are_watched_as_countries(fresh_db: Store) -> None:
    from oxus.model import Entity, EntityType

    fresh_db.sync_pack([Entity("state:tajikistan", EntityType.STATE, "Tajikistan", country="TJ")])
    assert resolve_target(fresh_db, "Tajikistan") == WatchTarget("country", "TJ", "Tajikistan")
    assert resolve_target(fresh_db, "tj") == WatchTarget("country", "TJ", "Tajikistan")
    assert resolve_target(fresh_db, "entity:Tajikistan").kind == "entity"


def test_a_stored_document_alerts_each_watched_fact_once(fresh_db: Store) -> None:
    add_watch_items(fresh_db, "nf", [WatchTarget("entity", NF, "Northern Front")])
    add_watch_items(fresh_db, "arrests", [WatchTarget("event_type", "arrest", "arrest")])
    mark = latest_alert_id(fresh_db)
    assert fresh_db.save(make_facts("d1")) is SaveResult.ADDED
    alerts = list_alerts(fresh_db)
    # NF leads, is based, was arrested (also an arrest), has 300 fighters
    kinds = sorted((a.kind, a.lists == ["arrests", "nf"]) for a in alerts)
    assert kinds == [("estimate", False), ("event", True), ("relation", False), ("relation", False)]
    assert new_alerts(fresh_db, mark) == 4
    event = next(a for a in alerts if a.kind == "event")
    assert event.summary == (
        "arrest by Police against Northern Front in Valley Province (arrested 12), 2024-04"
    )
    assert event.document_id == "d1" and event.evidence.startswith("Police arrested 12")
    assert event.watched == ["Northern Front", "arrest"]
    assert (event.source, event.grade) == ("Test Wire", "F")
    assert fresh_db.save(make_facts("d1")) is SaveResult.UNCHANGED
    assert len(list_alerts(fresh_db)) == 4 and new_alerts(fresh_db, mark) == 4
    assert [a.kind for a in list_alerts(fresh_db, list_name="arrests")] == ["event"]
    with pytest.raises(StoreError, match="no watch list"):
        list_alerts(fresh_db, list_name="nope")


def test_a_changed_document_keeps_the_time_of_what_it_still_says(fresh_db: Store) -> None:
    add_watch_items(fresh_db, "nf", [WatchTarget("entity", NF, "Northern Front")])
    fresh_db.save(make_facts("d1"))
    with fresh_db.engine.begin() as conn:
        conn.execute(schema.alerts.update().values(created_at="2024-01-01T00:00:00+00:00"))
    changed = make_facts("d1")
    changed.document.content_hash = "changed"
    changed.relations = changed.relations[:1]
    assert fresh_db.save(changed) is SaveResult.REPLACED
    alerts = list_alerts(fresh_db)
    assert len(alerts) == 3  # the dropped relation's alert went with it
    assert {a.created_at for a in alerts} == {"2024-01-01T00:00:00+00:00"}
    assert list_alerts(fresh_db, since="2024-06-01") == []


def test_countries_match_places_in_them_and_merges_count(fresh_db: Store) -> None:
    from oxus.model import Entity, EntityType

    add_watch_items(fresh_db, "tj", [WatchTarget("country", "TJ", "Tajikistan")])
    facts = make_facts("d1")
    facts.entities["place:valley-province"].country = "TJ"
    fresh_db.save(facts)
    assert {a.kind for a in list_alerts(fresh_db)} == {"relation", "event"}  # based in, arrest
    other = Entity("group:n-front", EntityType.GROUP, "N. Front", status="provisional")
    fresh_db.sync_pack([other])
    add_watch_items(fresh_db, "nf", [WatchTarget("entity", NF, "Northern Front")])
    merge_entities(fresh_db, other.id, NF)
    later = make_facts(
        "d2",
        text="The Northern Front, led by Ali Karimov, is based in Valley Province. "
        "The N. Front is said to recruit. Police arrested nobody.",
    )
    later.entities[other.id] = other
    later.relations[1].subject = other.id  # based in, stated of the name merged into NF
    later.relations = later.relations[1:]
    later.events, later.estimates = [], []
    fresh_db.save(later)
    assert [a.document_id for a in list_alerts(fresh_db, list_name="nf")] == ["d2"]


def test_lists_are_listed_edited_and_removed(fresh_db: Store) -> None:
    target = WatchTarget("entity", NF, "Northern Front")
    assert add_watch_items(fresh_db, "nf", [target]) == [target]
    assert add_watch_items(fresh_db, "nf", [target]) == []
    add_watch_items(fresh_db, "nf", [WatchTarget("event_type", "attack", "attack")])
    fresh_db.save(make_facts("d1"))
    (view,) = watch_lists(fresh_db)
    assert (view.name, [i.label for i in view.items], view.alerts) == (
        "nf",
        ["Northern Front", "attack"],
        4,
    )
    assert view.latest is not None
    with pytest.raises(StoreError, match="does not watch"):
        remove_watch_items(fresh_db, "nf", [WatchTarget("entity", "group:other", "x")])
    assert remove_watch_items(fresh_db, "nf", [target]) == 1
    assert _alerts(fresh_db) == 0
    assert remove_watch_items(fresh_db, "nf") == 1
    assert watch_lists(fresh_db) == []
    with pytest.raises(StoreError, match="no watch list"):
        remove_watch_items(fresh_db, "nf")
    with fresh_db.engine.connect() as conn:
        actions = conn.execute(select(schema.audit.c.action)).scalars().all()
    assert actions == ["watch-add", "watch-add", "watch-remove", "watch-remove"]


@pytest.mark.parametrize("name", ["", "a b", "x.atom", "../etc", "é" * 3, "a" * 65])
def test_list_names_are_plain(name: str) -> None:
    with pytest.raises(StoreError, match="bad watch list name"):
        check_list_name(name)


def test_deleting_a_document_deletes_its_alerts(fresh_db: Store) -> None:
    add_watch_items(fresh_db, "nf", [WatchTarget("entity", NF, "Northern Front")])
    fresh_db.save(make_facts("d1"))
    assert _alerts(fresh_db) == 4
    fresh_db.delete("d1")
    assert _alerts(fresh_db) == 0
