from __future__ import annotations

from oxus.disjoint_sets import DisjointSets


def test_joined_items_form_groups_in_the_order_given() -> None:
    sets = DisjointSets(["a", "b", "c", "d", "e"])
    sets.join("b", into="d")
    sets.join("d", into="a")
    assert sets.groups() == {"a": ["a", "b", "d"], "c": ["c"], "e": ["e"]}
    assert sets.find("b") == "a"


def test_membership_and_joining_within_a_group() -> None:
    sets = DisjointSets([1, 2])
    sets.join(1, into=2)
    sets.join(2, into=1)
    assert 1 in sets and 3 not in sets
    assert list(sets.groups().values()) == [[1, 2]]
