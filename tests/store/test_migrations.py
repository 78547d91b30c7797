"""Opening a store written by an earlier version brings it up to date without losing facts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from oxus.analysis.profile import entity_profile
from oxus.store import Store, open_store
from oxus.store.migrations import LATEST, REDUNDANT_INDEXES, current_version
from tests.conftest import make_facts


def _as_version_3(path: Path) -> None:
    """Undo what version 4 added, as a store written before it would be."""
    store = open_store(str(path))
    store.save(make_facts())
    with store.engine.begin() as conn:
        for index in (
            "ix_relations_newest",
            "ix_event_participants_newest",
            "ix_events_location_newest",
            "ix_events_newest",
        ):
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("ALTER TABLE event_participants DROP COLUMN date"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 4"))
    store.close()


def test_participants_get_their_event_date_when_an_old_store_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _as_version_3(path)
    store = Store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        assert current_version(conn) == LATEST
        dates = conn.execute(text("SELECT DISTINCT date FROM event_participants")).scalars().all()
        indexes = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%newest'")
        ).scalars()
        assert set(indexes) >= {"ix_relations_newest", "ix_event_participants_newest"}
    assert dates == ["2024-04"]
    profile = entity_profile(store, "group:northern-front")
    assert [event.date for event in profile.incidents] == ["2024-04"]
    store.close()


def test_indexes_that_a_wider_index_covers_are_dropped_from_an_old_store(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    store = open_store(str(path))
    with store.engine.begin() as conn:
        conn.execute(text("CREATE INDEX ix_mentions_entity_id ON mentions (entity_id)"))
        conn.execute(text("CREATE INDEX ix_events_location ON events (location_id)"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 5"))
    store.close()
    store = Store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        assert current_version(conn) == LATEST
        names = set(
            conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars()
        )
    store.close()
    assert not names & set(REDUNDANT_INDEXES)
    assert {"ix_mentions_entity_document", "ix_events_location_newest"} <= names


def test_an_entity_lists_its_newest_events_first(fresh_db: Store) -> None:
    for number, month in enumerate(["2023-01", "2024-06", "2022-03"]):
        facts = make_facts(f"d{number}", text=None)
        facts.document.content_hash = f"hash-{number}"
        facts.events[0].date = month
        fresh_db.save(facts)
    events = entity_profile(fresh_db, "group:northern-front").incidents
    assert [event.date for event in events] == ["2024-06", "2023-01", "2022-03"]


def test_statistics_refresh_gives_the_planner_figures(fresh_db: Store) -> None:
    fresh_db.save(make_facts())
    fresh_db.refresh_statistics()
    with fresh_db.engine.connect() as conn:
        tables = set(conn.execute(text("SELECT tbl FROM sqlite_stat1")).scalars())
    assert {"mentions", "relations", "events"} <= tables


def test_an_old_store_gets_the_incident_and_relation_date_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = open_store(str(path))
    store.save(make_facts())
    with store.engine.begin() as conn:
        for table in (
            "incident_events",
            "incidents",
            "incident_decisions",
            "derived_state",
            "relation_times",
        ):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 8"))
    store.close()
    store = Store(f"sqlite:///{path}")
    from oxus.analysis.incidents.queries import list_incidents

    assert [i.type for i in list_incidents(store).incidents] == ["arrest"]
    store.close()
