from __future__ import annotations

from oxus.nlp.entities.phrases import PhraseTrie


def test_trie_finds_every_name_including_nested_and_overlapping() -> None:
    trie = PhraseTrie()
    trie.add("place:badakhshan", ["badakhshan"])
    trie.add("place:gorno-badakhshan", ["gorno", "badakhshan"])
    trie.add("group:ja", ["jamaat", "ansarullah"])
    found = trie.find(["in", "gorno", "badakhshan", "jamaat", "ansarullah", "jamaat"])
    assert found == [
        ("place:gorno-badakhshan", 1, 3),
        ("place:badakhshan", 2, 3),
        ("group:ja", 3, 5),
    ]


def test_trie_reports_each_entity_of_a_shared_name_once() -> None:
    trie = PhraseTrie()
    trie.add("organization:gknb-kg", ["gknb"])
    trie.add("organization:gknb-tj", ["gknb"])
    trie.add("organization:gknb-kg", ["gknb"])
    assert trie.find(["gknb"]) == [("organization:gknb-kg", 0, 1), ("organization:gknb-tj", 0, 1)]


def test_trie_needs_the_whole_name() -> None:
    trie = PhraseTrie()
    trie.add("group:imu", ["islamic", "movement", "of", "uzbekistan"])
    assert trie.find(["islamic", "movement", "of"]) == []
    assert trie.find([]) == []
