"""Search that knows names: a query naming an entity finds it under every alias, any script."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from oxus.analysis.search import search
from oxus.analysis.snippets import SNIPPET_MARK
from oxus.store import Store, open_store
from oxus.store.curation import merge_entities
from tests.analysis.namestore import ARSALON, KP, WING, build
from tests.conftest import CORPUS

ABOUT_KP = {"k1", "k2", "k3", "k4", "k7"}


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build(fresh_db)


@pytest.mark.parametrize("query", ["ISKP", "iskp", "IS-K", "ИГ-Хорасан", KP.name])
def test_every_name_finds_every_document_about_the_entity(store: Store, query: str) -> None:
    results = search(store, query)
    assert [n.entity.id for n in results.named] == [KP.id]
    assert {d.id for d in results.documents} == ABOUT_KP
    assert results.total == len(ABOUT_KP)


def test_documents_are_ranked_by_mentions(store: Store) -> None:
    hits = search(store, "ISKP").documents
    assert [(d.id, d.mentions) for d in hits[:2]] == [("k1", 3), ("k7", 2)]
    assert {d.mentions for d in hits[2:]} == {1}  # the others name it once
    assert SNIPPET_MARK[0] + "ISKP" + SNIPPET_MARK[1] in hits[0].snippet


def test_short_names_count_only_with_their_capitals(store: Store) -> None:
    names = search(store, "IS-K").named[0].names
    assert "IS-K" in names and "ИГ-Хорасан" in names
    assert "k5" not in {d.id for d in search(store, "IS-K").documents}


def test_other_words_narrow_the_documents(store: Store) -> None:
    results = search(store, "ISKP bus")
    assert {d.id for d in results.documents} == {"k7"}
    both = search(store, "ISKP Kabul")
    assert [n.entity.id for n in both.named] == [KP.id, "place:kabul"]
    assert {d.id for d in both.documents} == {"k7"}
    assert both.documents[0].mentions == 4  # two of each


def test_a_surname_names_the_one_person_it_belongs_to(store: Store) -> None:
    for query in ("Arsalan", "arsalan"):
        results = search(store, query)
        assert [n.entity.id for n in results.named] == [ARSALON.id], query
        assert {d.id for d in results.documents} == {"k8"}


def test_a_word_of_a_group_name_counts_when_capitalised(store: Store) -> None:
    assert [n.entity.id for n in search(store, "Khorasan").named] == [KP.id]
    assert search(store, "khorasan").named == []  # a lowercase word is a word


def test_provisional_names_are_plain_words(store: Store) -> None:
    assert search(store, "Jamaat").named == []
    assert {d.id for d in search(store, "Jamaat").documents} == {"k8"}
    partial = search(store, "Jamaat fighters")
    assert partial.named == [] and {d.id for d in partial.documents} == {"k8"}


def test_plain_words_are_still_full_text(store: Store) -> None:
    results = search(store, "harvest")
    assert results.named == [] and [d.id for d in results.documents] == ["k6"]
    assert search(store, "is").named == []  # a common word is no acronym


def test_merged_entities_count_for_the_survivor(store: Store) -> None:
    assert "k9" not in {d.id for d in search(store, "ISKP").documents}
    merge_entities(store, WING.id, KP.id, actor="analyst")
    assert "k9" in {d.id for d in search(store, "ISKP").documents}
    by_old_name = search(store, "Khorasan Wing")
    assert [n.entity.id for n in by_old_name.named] == [KP.id]
    assert {d.id for d in by_old_name.documents} == {*ABOUT_KP, "k9"}


@pytest.mark.slow
def test_iskp_finds_every_corpus_document_mentioning_it_under_any_alias(corpus_db) -> None:
    store = open_store(str(corpus_db))
    try:
        with store.engine.connect() as conn:
            mentioning = set(
                conn.execute(
                    text(
                        "SELECT DISTINCT document_id FROM mentions WHERE entity_id = "
                        "'group:islamic-state-khorasan-province'"
                    )
                ).scalars()
            )
        assert len(mentioning) >= 10, CORPUS
        for query in ("ISKP", "IS-K", "Islamic State Khorasan Province", "ИГ-Хорасан"):
            found = {d.id for d in search(store, query, limit=200).documents}
            assert mentioning <= found, (query, sorted(mentioning - found))
    finally:
        store.close()
