from __future__ import annotations

import pytest

from oxus.analysis.geo import map_places
from oxus.analysis.network import network
from oxus.analysis.timeline import timeline
from oxus.store import Store
from oxus.store.curation import merge_entities, set_review
from tests.web.sample import AK, EB, HD, NF, NF2, POLICE, VP, build


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build(fresh_db)


def test_symmetric_edges_aggregate_in_either_order_with_denials(store: Store) -> None:
    graph = network(store, predicates=["allied_with"])
    assert len(graph.edges) == 1
    edge = graph.edges[0]
    assert {edge.source, edge.target} == {NF.id, EB.id}
    assert (edge.weight, edge.denied) == (2, 1)


def test_network_filters(store: Store) -> None:
    people = network(store, types=["person", "group"])
    assert {n.type for n in people.nodes} == {"person", "group"}
    focus = network(store, focus=AK.id)
    assert {n.id for n in focus.nodes} == {AK.id, NF.id}
    assert network(store, since="2024").edges == []
    small = network(store, max_nodes=2)
    assert small.truncated and len(small.nodes) == 2
    assert all(e.source in {n.id for n in small.nodes} for e in small.edges)


def test_rejected_relations_leave_the_graph(store: Store) -> None:
    before = network(store, predicates=["leader_of"])
    assert len(before.edges) == 1
    set_review(store, "relation", 1, "rejected")
    assert network(store, predicates=["leader_of"]).edges == []


def test_timeline_order_and_filters(store: Store) -> None:
    everything = timeline(store)
    assert [e.type for e in everything.incidents] == ["attack", "arrest"]
    assert everything.incidents[1].agents[0].id == POLICE.id
    assert everything.incidents[1].evidence.document_id == "r1"
    assert timeline(store, country="tj").total == 1
    assert timeline(store, until="2022").total == 1  # 2022-04 falls inside "2022"
    assert timeline(store, since="2022-05", until="2023-07").total == 1
    assert timeline(store, types=["clash"]).total == 0
    assert timeline(store, group=POLICE.id).total == 1
    assert timeline(store, limit=1, offset=1).incidents[0].type == "arrest"


def test_timeline_group_includes_merged_ids(store: Store) -> None:
    assert timeline(store, group=NF2.id).total == 0
    merge_entities(store, NF.id, NF2.id)
    assert timeline(store, group=NF2.id).total == 2


def test_map_places_bases_events_and_filters(store: Store) -> None:
    places = {p.place.id: p for p in map_places(store)}
    assert set(places) == {VP.id, HD.id}
    assert places[VP.id].bases[0].group.id == NF.id and not places[VP.id].approximate
    assert places[HD.id].approximate and places[HD.id].incident_count == 1
    attacks = map_places(store, types=["attack"])
    assert [p.place.id for p in attacks] == [HD.id] and attacks[0].bases == []
    assert map_places(store, group=EB.id) == []
    assert {p.place.id for p in map_places(store, since="2023")} == {HD.id}
