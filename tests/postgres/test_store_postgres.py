"""The store on a real PostgreSQL server behaves as on SQLite."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text

from oxus.analysis.search import search
from oxus.errors import StoreError
from oxus.export.facts_jsonl import facts_records
from oxus.model import Entity, EntityType
from oxus.store import SaveResult, Store
from oxus.store.curation import merge_entities, unmerge_entity
from oxus.store.migrations import LATEST, current_version
from tests.conftest import make_facts

pytestmark = pytest.mark.postgres


def test_round_trip_and_no_op_reingest(pg_store: Store, sample_facts) -> None:
    assert pg_store.dialect == "postgresql"
    assert pg_store.save(sample_facts) is SaveResult.ADDED
    assert pg_store.save(sample_facts) is SaveResult.UNCHANGED
    back = pg_store.document_facts("d1")
    assert back is not None
    assert back.relations == sample_facts.relations
    assert back.events == sample_facts.events
    assert back.estimates == sample_facts.estimates
    with pg_store.engine.connect() as conn:
        assert current_version(conn) == LATEST


def test_postgres_and_sqlite_export_the_same_facts(pg_store: Store, fresh_db: Store) -> None:
    for store in (pg_store, fresh_db):
        store.save(make_facts("d1"))
        store.save(
            make_facts(
                "d2",
                text="Ali Karimov left Valley Province. Police arrested "
                "the Northern Front. No more.",
            )
        )
    assert list(facts_records(pg_store.iter_document_facts())) == list(
        facts_records(fresh_db.iter_document_facts())
    )


def test_full_text_search_uses_postgres_text_search(pg_store: Store, sample_facts) -> None:
    pg_store.save(sample_facts)
    with pg_store.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT id FROM documents WHERE search_vector @@ to_tsquery('simple', 'fighters')")
        ).scalars()
        assert list(stored) == ["d1"]
    assert [hit.id for hit in search(pg_store, "fight").documents] == ["d1"]
    assert [hit.id for hit in search(pg_store, "Northern Front").documents] == ["d1"]
    assert search(pg_store, "Southern Front").documents == []
    hit = search(pg_store, "fighters").documents[0]
    assert "\x02fighters\x03" in hit.snippet


def test_statistics_refresh_after_a_bulk_load(pg_store: Store, sample_facts) -> None:
    pg_store.save(sample_facts)
    pg_store.refresh_statistics()
    with pg_store.engine.connect() as conn:
        # -1 until the table has been vacuumed or analysed (PostgreSQL 14 and later).
        rows = conn.execute(
            text("SELECT reltuples FROM pg_class WHERE relname = 'mentions'")
        ).scalar_one()
    assert rows == len(sample_facts.mentions)


def test_merge_and_unmerge_on_postgres(pg_store: Store, sample_facts) -> None:
    pg_store.save(sample_facts)
    pg_store.sync_pack(
        [
            Entity(
                id="group:northern-liberation-front",
                type=EntityType.GROUP,
                name="Northern Liberation Front",
                sources=["test"],
            )
        ]
    )
    merge_entities(pg_store, "group:northern-front", "group:northern-liberation-front")
    merged = pg_store.document_facts("d1")
    assert merged is not None and merged.relations[1].subject == "group:northern-liberation-front"
    assert unmerge_entity(pg_store, "group:northern-front") == "group:northern-liberation-front"
    restored = pg_store.document_facts("d1")
    assert restored is not None and restored.relations[1].subject == "group:northern-front"


_OTHER_TEXT = "Police met the Northern Front. Ali Karimov stayed in Valley Province. No more."


def test_a_group_keeps_a_refused_document_out_alone(pg_store: Store) -> None:
    """PostgreSQL aborts the whole transaction on an error: the group is saved again one by one."""
    facts = make_facts(
        "d2", text="Ali Karimov left Valley Province. Police saw the Northern Front. Quiet."
    )
    refused = dataclasses.replace(
        facts,
        mentions=[dataclasses.replace(facts.mentions[0], text=None)],  # type: ignore[arg-type]
    )
    outcomes = pg_store.save_group([make_facts("d1"), refused, make_facts("d3", text=_OTHER_TEXT)])
    assert outcomes[0] is SaveResult.ADDED and outcomes[2] is SaveResult.ADDED
    assert isinstance(outcomes[1], StoreError)
    assert pg_store.document_ids() == ["d1", "d3"]
