from __future__ import annotations

import pytest

from oxus.analysis.dashboard import dashboard
from oxus.analysis.review import review_queue
from oxus.analysis.search import SNIPPET_MARK, _fts_query, search
from oxus.store import Store
from oxus.store.curation import merge_entities, set_entity_status
from tests.web.sample import EB, NF, NF2, SP, build


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build(fresh_db)


def test_fts_query_quotes_words_and_prefixes_the_last() -> None:
    assert _fts_query('brig" OR x*') == '"brig" "OR" "x"*'
    assert _fts_query("  ") == ""


def test_search_documents_and_entities(store: Store) -> None:
    results = search(store, "brigad")
    assert {d.id for d in results.documents} == {"r2", "r3"}
    assert SNIPPET_MARK[0] in results.documents[0].snippet
    assert [h.entity.id for h in results.entities] == [EB.id]
    by_alias = search(store, "shimoli")
    assert by_alias.entities[0].entity.id == NF.id
    assert by_alias.entities[0].matched == "Shimoli Front"
    inside = search(store, "front")  # a word inside the name, not its start
    assert {h.entity.id for h in inside.entities} >= {NF.id, SP.id}
    assert search(store, "").documents == []
    assert search(store, "zzzz").entities == []


def test_search_ranks_only_the_newest_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("oxus.analysis.search.RANK_WINDOW", 1)
    # r2 and r3 both match; only the one ingested last is ranked.
    assert [d.id for d in search(store, "brigad").documents] == ["r3"]


def test_search_resolves_merged_entities(store: Store) -> None:
    merge_entities(store, NF2.id, NF.id)
    hits = [h.entity.id for h in search(store, "N. Front").entities]
    assert NF2.id not in hits and NF.id in hits


def test_review_queue(store: Store) -> None:
    cuts = dict.fromkeys(("relation", "event", "estimate"), 0.2)
    queue = review_queue(store, cuts=cuts, window=0.25)
    assert {p.entity.id for p in queue.provisional} >= {NF2.id, SP.id}
    assert queue.provisional_total == len(queue.provisional)
    assert [(c.a.id, c.b.id) for c in queue.candidates] == [(NF2.id, NF.id)]
    assert [f.kind for f in queue.facts] == ["relation", "event"]
    assert queue.facts[0].summary == "Northern Front based in Hill District"
    merge_entities(store, NF2.id, NF.id, actor="ana")
    set_entity_status(store, SP.id, "curated", actor="ana")
    after = review_queue(store)
    assert after.candidates == []
    assert {p.entity.id for p in after.provisional}.isdisjoint({NF2.id, SP.id})
    assert [m[0].id for m in after.merged] == [NF2.id]
    assert [a.action for a in after.audit] == ["entity-curated", "merge"]
    nearest = review_queue(store, cuts=dict.fromkeys(("relation", "event", "estimate"), 0.32))
    assert nearest.facts[0].confidence == 0.3


def test_dashboard(store: Store) -> None:
    data = dashboard(store)
    assert data.counts["documents"] == 4
    assert [d.id for d in data.latest] == ["r4", "r3", "r2", "r1"]
    assert data.active_groups[0].group.id == NF.id
    assert data.active_groups[0].documents == 3
    assert [e.type for e in data.recent_incidents] == ["attack", "arrest"]
    assert data.open_review >= 2
