from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import text

from oxus.errors import StoreError
from oxus.model import DocumentFacts, Entity, EntityType
from oxus.store import SaveResult, Store, open_store
from oxus.store.curation import merge_entities, propose_merge, set_review, unmerge_entity
from oxus.store.migrations import LATEST, current_version
from tests.conftest import make_facts


def test_save_and_read_back_round_trips_every_fact(fresh_db: Store, sample_facts) -> None:
    assert fresh_db.save(sample_facts) is SaveResult.ADDED
    back = fresh_db.document_facts("d1")
    assert back is not None
    assert back.document.text == sample_facts.document.text
    assert back.relations == sample_facts.relations
    assert back.events == sample_facts.events
    assert back.estimates == sample_facts.estimates
    assert [m.text for m in back.mentions] == [m.text for m in sample_facts.mentions]
    assert back.entities["group:northern-front"].aliases == ["NF"]


def test_same_content_twice_is_a_no_op(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    before = fresh_db.stats()
    assert fresh_db.save(sample_facts) is SaveResult.UNCHANGED
    assert fresh_db.stats() == before


def test_changed_content_replaces_the_document_and_its_facts(fresh_db: Store) -> None:
    fresh_db.save(make_facts())
    changed = make_facts(
        text="The Northern Front, led by Ali Karimov, is based in Valley "
        "Province. Officials said the group has about 300 fighters. "
        "Police arrested 12 members of the Northern Front in Valley Province. "
        "Nothing else happened."
    )
    assert fresh_db.save(changed) is SaveResult.REPLACED
    stats = fresh_db.stats()
    assert stats["documents"] == 1
    assert stats["relations"] == 2


def test_same_content_under_another_id_is_a_duplicate_with_the_same_facts(fresh_db: Store) -> None:
    fresh_db.save(make_facts("d1"))
    assert fresh_db.save(make_facts("d2")) is SaveResult.DUPLICATE
    assert fresh_db.stats()["relations"] == 2
    twin = fresh_db.document_facts("d2")
    assert twin is not None and twin.document.id == "d2" and len(twin.relations) == 2


def test_file_store_persists_across_connections(db_path: Path, sample_facts) -> None:
    store = open_store(str(db_path))
    store.save(sample_facts)
    store.close()
    again = open_store(str(db_path))
    assert again.document_ids() == ["d1"]
    with again.engine.connect() as conn:
        assert current_version(conn) == LATEST
        hits = (
            conn.execute(text("SELECT id FROM documents_fts WHERE documents_fts MATCH 'fighters'"))
            .scalars()
            .all()
        )
    assert hits == ["d1"]
    again.close()


def test_a_failed_save_leaves_nothing_half_written(fresh_db: Store, sample_facts) -> None:
    broken = dataclasses.replace(sample_facts, entities={})
    with pytest.raises(StoreError):
        fresh_db.save(broken)
    assert fresh_db.stats()["documents"] == 0
    assert fresh_db.stats()["mentions"] == 0


def test_merge_resolves_everywhere_and_unmerge_restores(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    fresh_db.sync_pack(
        [
            Entity(
                id="group:northern-liberation-front",
                type=EntityType.GROUP,
                name="Northern Liberation Front",
                sources=["test"],
            )
        ]
    )
    merge_entities(fresh_db, "group:northern-front", "group:northern-liberation-front")
    merged = fresh_db.document_facts("d1")
    assert merged is not None
    assert merged.relations[0].object == "group:northern-liberation-front"
    assert "Northern Front" in merged.entities["group:northern-liberation-front"].aliases
    unmerge_entity(fresh_db, "group:northern-front")
    restored = fresh_db.document_facts("d1")
    assert restored is not None and restored.relations[0].object == "group:northern-front"


def test_merge_refuses_mismatched_types_and_self(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    with pytest.raises(StoreError):
        merge_entities(fresh_db, "group:northern-front", "person:ali-karimov")
    with pytest.raises(StoreError):
        merge_entities(fresh_db, "group:northern-front", "group:northern-front")
    with pytest.raises(StoreError):
        unmerge_entity(fresh_db, "group:northern-front")


def test_rejected_facts_disappear_from_reads(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    with fresh_db.engine.connect() as conn:
        first = conn.execute(text("SELECT min(id) FROM relations")).scalar_one()
    set_review(fresh_db, "relation", first, "rejected")
    facts = fresh_db.document_facts("d1")
    assert facts is not None and len(facts.relations) == 1
    with pytest.raises(StoreError):
        set_review(fresh_db, "relation", 999, "rejected")


def test_find_entities_by_folded_alias_and_merge_candidates(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    assert fresh_db.find_entities("northern  FRONT") == ["group:northern-front"]
    assert fresh_db.find_entities("nf") == ["group:northern-front"]
    propose_merge(fresh_db, "person:ali-karimov", "group:northern-front", 0.5, "test")
    propose_merge(fresh_db, "group:northern-front", "person:ali-karimov", 0.5, "test")
    with fresh_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM merge_candidates")).scalar_one() == 1


def test_pack_sync_promotes_provisional_entities(fresh_db: Store, sample_facts) -> None:
    fresh_db.save(sample_facts)
    added = fresh_db.sync_pack(
        [
            Entity(
                id="group:northern-front",
                type=EntityType.GROUP,
                name="Northern Front",
                aliases=["Shimoli Front"],
                sources=["https://example.org/nf"],
            )
        ]
    )
    assert added == 0
    entity = fresh_db.entity("group:northern-front")
    assert entity is not None
    assert entity.status == "pack" and "Shimoli Front" in entity.aliases


def test_a_provisional_entity_sharing_a_name_becomes_a_candidate_not_a_merge(
    fresh_db: Store, sample_facts
) -> None:
    fresh_db.sync_pack(
        [
            Entity(
                id="group:front-of-the-north",
                type=EntityType.GROUP,
                name="Front of the North",
                aliases=["Northern Front"],
                sources=["test"],
            ),
            Entity(
                id="person:northern-front",
                type=EntityType.PERSON,
                name="Northern Front",
                sources=["test"],
            ),
        ]
    )
    fresh_db.save(sample_facts)
    with fresh_db.engine.connect() as conn:
        rows = conn.execute(text("SELECT entity_a, entity_b, status FROM merge_candidates")).all()
    assert [tuple(r) for r in rows] == [
        ("group:front-of-the-north", "group:northern-front", "open")
    ]
    facts = fresh_db.document_facts("d1")
    assert facts is not None and "group:northern-front" in facts.entities


def test_a_store_used_in_a_with_block_is_closed_at_its_end(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.stats()["documents"] == 0
        assert store.engine.pool.checkedin() == 1  # type: ignore[attr-defined]
    assert store.engine.pool.checkedin() == 0  # type: ignore[attr-defined]


def test_an_error_in_the_with_block_closes_the_store_and_goes_on_up(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no entity"), open_store(str(tmp_path / "s.db")) as store:
        store.stats()
        raise StoreError("no entity 'x'")
    assert store.engine.pool.checkedin() == 0  # type: ignore[attr-defined]


def _not_null_violation(doc_id: str) -> DocumentFacts:
    """A document whose mention the database itself refuses (after rows were written)."""
    text = "Ali Karimov left Valley Province. Police saw the Northern Front. Nothing else."
    facts = make_facts(doc_id, text=text)
    mention = dataclasses.replace(facts.mentions[0], text=None)  # type: ignore[arg-type]
    return dataclasses.replace(facts, mentions=[mention, *facts.mentions[1:]])


def test_a_group_keeps_every_document_but_the_ones_the_store_rejects(fresh_db: Store) -> None:
    text = "Police met the Northern Front. Ali Karimov stayed in Valley Province. Quiet."
    no_entities = dataclasses.replace(make_facts("d2", text=text), entities={})
    group = [make_facts("d1"), no_entities, _not_null_violation("d3")]
    outcomes = fresh_db.save_group(group)
    assert outcomes[0] is SaveResult.ADDED
    assert isinstance(outcomes[1], StoreError) and "d2" in outcomes[1].message
    assert isinstance(outcomes[2], StoreError) and "d3" in outcomes[2].message
    assert fresh_db.document_ids() == ["d1"]
    assert fresh_db.stats()["mentions"] == len(group[0].mentions)
    assert fresh_db.save_group([make_facts("d1")]) == [SaveResult.UNCHANGED]


def test_a_stream_answers_every_document_in_order(fresh_db: Store) -> None:
    stream = [make_facts("d1"), _not_null_violation("d2"), make_facts("d3")]
    answers = list(fresh_db.save_stream(iter(stream)))
    assert [facts.document.id for facts, _ in answers] == ["d1", "d2", "d3"]
    assert answers[0][1] is SaveResult.ADDED
    assert isinstance(answers[1][1], StoreError)
    assert answers[2][1] is SaveResult.DUPLICATE
