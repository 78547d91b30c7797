"""Loading what a process keeps: no full collections meanwhile, frozen afterwards."""

from __future__ import annotations

import gc
import weakref

from oxus.collector import HELD_OFF, YOUNG_WHILE_PROCESSING, fewer_young_collections, loading


class _Node:
    def __init__(self) -> None:
        self.self = self


def test_loading_holds_off_full_collections_then_freezes_what_it_loaded() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        with loading():
            assert gc.get_threshold() == (before[0], before[1], HELD_OFF)
            kept = [_Node() for _ in range(1000)]
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.unfreeze()


def test_garbage_made_while_loading_is_still_collected() -> None:
    try:
        with loading():
            cycle = _Node()
            gone = weakref.ref(cycle)
            del cycle
            gc.collect(1)
            assert gone() is None
    finally:
        gc.unfreeze()


def test_documents_are_processed_with_fewer_young_collections_never_more() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, before[1], before[2])
        fewer_young_collections()
        assert gc.get_threshold() == (YOUNG_WHILE_PROCESSING, before[1], before[2])
        gc.set_threshold(YOUNG_WHILE_PROCESSING * 2, before[1], before[2])
        fewer_young_collections()
        assert gc.get_threshold()[0] == YOUNG_WHILE_PROCESSING * 2
    finally:
        gc.set_threshold(*before)
