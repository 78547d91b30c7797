from __future__ import annotations

import pytest

from oxus.export.stix_names import stored_ids
from oxus.store import Store
from oxus.store.chunks import IN_LIST, chunks, chunks_within
from tests.conftest import make_facts


def test_chunks_keep_order_and_leave_the_rest_for_last() -> None:
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks(range(6), 3)) == [[0, 1, 2], [3, 4, 5]]
    assert list(chunks([], 3)) == []


def test_chunks_take_a_generator_and_default_to_an_in_list() -> None:
    sizes = [len(c) for c in chunks(str(i) for i in range(IN_LIST * 2 + 1))]
    assert sizes == [IN_LIST, IN_LIST, 1]


def test_chunks_within_end_at_their_size_or_once_their_first_item_has_waited() -> None:
    assert list(chunks_within(range(5), 2, seconds=3600)) == [[0, 1], [2, 3], [4]]
    assert list(chunks_within(range(3), 10, seconds=0)) == [[0], [1], [2]]
    assert list(chunks_within([], 2, seconds=1)) == []


def test_a_chunk_of_nothing_is_refused_rather_than_dropping_every_item() -> None:
    with pytest.raises(ValueError, match="at least one"):
        list(chunks([1, 2], 0))


def test_a_lookup_of_more_ids_than_one_in_list_finds_them_in_every_chunk(
    fresh_db: Store,
) -> None:
    fresh_db.save(make_facts())
    stored = sorted(make_facts().entities)
    ids = [f"group:none-{i}" for i in range(IN_LIST * 2 + 10)]
    for at, entity_id in zip((3, IN_LIST + 3, 2 * IN_LIST + 3), stored, strict=False):
        ids.insert(at, entity_id)
    assert stored_ids(fresh_db, ids) == set(stored[:3])
