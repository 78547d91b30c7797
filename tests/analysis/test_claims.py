from __future__ import annotations

import pytest

from oxus.analysis.claims import (
    all_relation_claims,
    entity_claims,
    estimate_conflicts,
    event_claims,
    relation_claims,
)
from oxus.errors import StoreError
from oxus.store import Store
from oxus.store.curation import unmerge_entity
from tests.export.factstore import EB, NF, NF2, VP, build_store


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build_store(fresh_db)


def _claim(claims, predicate, *ends):
    return next(
        c for c in claims if c.predicate == predicate and {c.subject.id, c.object.id} == set(ends)
    )


def test_same_relation_from_two_documents_is_one_claim(store: Store) -> None:
    claims = relation_claims(store, NF.id)
    based = _claim(claims, "based_in", NF.id, VP.id)
    assert based.documents == ["d1", "d2", "d3"]
    assert [e.document_id for e in based.affirmed] == ["d1", "d2"]
    assert based.affirmed[1].asserted_by.id == "organization:un-team"
    assert based.affirmed[1].outlet == "Other Daily"
    assert based.affirmed[0].text.startswith("The Northern Front, led by")
    ev = based.affirmed[0]
    assert ev.end - ev.start == len(ev.text)
    assert based.confidence == pytest.approx(0.9)


def test_symmetric_relation_in_both_orders_through_a_merge(store: Store) -> None:
    claims = relation_claims(store, NF.id)
    allied = [c for c in claims if c.predicate == "allied_with"]
    assert len(allied) == 1
    assert {allied[0].subject.id, allied[0].object.id} == {NF.id, EB.id}
    assert allied[0].documents == ["d2", "d3"]


def test_unmerge_splits_the_claim_again(store: Store) -> None:
    unmerge_entity(store, NF2.id)
    allied = [c for c in relation_claims(store, NF.id) if c.predicate == "allied_with"]
    assert len(allied) == 1
    assert allied[0].documents == ["d2"]


def test_claims_of_an_absorbed_id_lead_to_the_survivor(store: Store) -> None:
    claims = entity_claims(store, NF2.id)
    assert claims.entity.id == NF.id


def test_relations_not_involving_the_entity_are_left_out(store: Store) -> None:
    claims = relation_claims(store, EB.id)
    assert [c.predicate for c in claims] == ["allied_with"]
    assert len(all_relation_claims(store)) == 3


def test_events_sorted_by_date_with_roles(store: Store) -> None:
    events = event_claims(store, NF.id)
    assert [(e.type, e.date) for e in events] == [("arrest", "2024-03"), ("attack", "2024-07-15")]
    assert events[0].targets[0].id == NF.id
    assert events[1].agents[0].id == NF.id
    assert events[1].counts == {"killed": 4}
    # a place sees the events that happened there
    assert len(event_claims(store, VP.id)) == 2
    assert event_claims(store, EB.id) == []


def test_estimates_are_a_time_series(store: Store) -> None:
    claims = entity_claims(store, NF.id)
    (series,) = claims.estimates
    assert series.measure == "fighters"
    assert [p.date for p in series.points] == ["2024", "2024-04-02", "2024-06"]
    assert [p.evidence.document_id for p in series.points] == ["d3", "d1", "d2"]


def test_conflicts_denial_and_disjoint_estimates(store: Store) -> None:
    conflicts = entity_claims(store, NF.id).conflicts
    denial = [c for c in conflicts if c.kind == "denial"]
    assert len(denial) == 1
    assert denial[0].topic == "based_in" and denial[0].object.id == VP.id
    assert [e.document_id for e in denial[0].b.evidence] == ["d3"]
    pairs = sorted((c.a.label, c.b.label) for c in conflicts if c.kind == "estimate")
    # "about 300" overlaps "hundreds" (200-999): no conflict between them
    assert pairs == [("200-999", "6,500"), ("about 300", "6,500")]
    assert all(c.period == "2024" for c in conflicts if c.kind == "estimate")


def test_no_conflict_between_overlapping_or_other_year_figures(store: Store) -> None:
    series = entity_claims(store, NF.id).estimates
    for point in series[0].points:
        if point.low == 6500:
            point.as_of = "2019"
    assert estimate_conflicts(series) == []


def test_unknown_entity_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError):
        entity_claims(store, "group:nobody")
