from __future__ import annotations

import pytest

from oxus.analysis.profile import entity_profile
from oxus.errors import StoreError
from oxus.store import Store
from oxus.store.curation import merge_entities
from tests.web.sample import AK, BR, EB, HD, NF, NF2, RL, SP, UM, VP, build


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build(fresh_db)


def _others(profile, key: str) -> set[str]:
    section = profile.section(key)
    return {link.other.id for link in section.links} if section else set()


def test_sections_sort_relations_by_role_and_direction(store: Store) -> None:
    profile = entity_profile(store, NF.id)
    assert _others(profile, "leaders") == {AK.id}
    assert _others(profile, "members") == {BR.id}
    assert _others(profile, "allies") == {EB.id}
    assert _others(profile, "rivals") == {RL.id}
    assert _others(profile, "parents") == {UM.id}
    assert _others(profile, "splinters") == {SP.id}
    assert _others(profile, "bases") == {VP.id, HD.id}
    assert profile.section("leads") is None
    leader = profile.section("leaders").links[0]
    assert leader.claim.roles == ["leader"]
    assert leader.claim.evidence[0].document_id == "r1"


def test_bases_get_coordinates_from_the_place_or_its_parent(store: Store) -> None:
    bases = {link.other.id: (link.lat, link.lon) for link in entity_profile(store, NF.id).bases}
    assert bases[VP.id] == (38.5, 70.25)
    assert bases[HD.id] == (33.9, 67.7)  # Hill District has none: Afghanistan's


def test_reverse_direction_from_the_other_end(store: Store) -> None:
    person = entity_profile(store, AK.id)
    assert _others(person, "leads") == {NF.id}
    splinter = entity_profile(store, SP.id)
    assert _others(splinter, "splintered_from") == {NF.id}


def test_strength_conflicts_and_contested_relations(store: Store) -> None:
    profile = entity_profile(store, NF.id)
    fighters = next(s for s in profile.strength if s.measure == "fighters")
    assert [p.low for p in fighters.points] == [300, 6500, 900]
    allies = profile.section("allies").links[0]
    assert allies.contested
    assert {(c.kind, c.topic) for c in profile.conflicts} == {
        ("denial", "allied_with"),
        ("estimate", "fighters"),
    }


def test_documents_and_aliases_with_sources(store: Store) -> None:
    profile = entity_profile(store, NF.id)
    assert [d.document_id for d in profile.documents] == ["r3", "r2", "r1"]
    assert profile.documents_total == 3
    names = {a.alias: a for a in profile.aliases}
    assert names["Shimoli Front"].source == "pack"
    # A name the pack already knows is recorded once, from the pack, however many
    # documents use it; a name learned from a document keeps that document.
    assert (names["Shimoli Front"].first_document, names["Shimoli Front"].documents) == (None, 0)
    assert names["Northern Front"].documents == 0
    learned = {a.alias: a for a in entity_profile(store, SP.id).aliases}["True Front"]
    assert learned.first_document is not None and learned.documents == 1


def test_merge_folds_the_absorbed_entity_in_and_names_resolve(store: Store) -> None:
    assert not any(s.measure == "members" for s in entity_profile(store, NF.id).estimates)
    merge_entities(store, NF2.id, NF.id)
    profile = entity_profile(store, NF2.id)
    assert profile.entity.id == NF.id
    assert profile.absorbed == [NF2.id]
    assert any(s.measure == "members" for s in profile.estimates)
    assert "N. Front" in profile.entity.aliases
    assert entity_profile(store, "Shimoli Front").entity.id == NF.id
    with pytest.raises(StoreError):
        entity_profile(store, "nobody at all")
