from __future__ import annotations

from oxus.eval.assign import assign


def test_each_side_used_once() -> None:
    assert assign([(0, 0, 0), (0, 1, 0)]) == {0: 0}
    assert assign([(0, 0, 0), (0, 0, 1)]) == {0: 0}


def test_better_rank_wins_a_contest() -> None:
    assert assign([(1, 0, 0), (0, 1, 0)]) == {1: 0}


def test_augmenting_path_maximises_matches() -> None:
    # Greedy alone would pair gold 0 with system 0 and leave gold 1 unmatched.
    pairs = assign([(0, 0, 0), (1, 0, 1), (0, 1, 0)])
    assert pairs == {0: 1, 1: 0}


def test_taken_items_are_skipped() -> None:
    assert assign([(0, 0, 0), (0, 1, 1)], taken_gold=[0]) == {1: 1}
    assert assign([(0, 0, 0), (0, 1, 1)], taken_system=[1]) == {0: 0}


def test_deterministic_on_ties() -> None:
    candidates = [(0, g, s) for g in range(3) for s in range(3)]
    assert assign(candidates) == assign(list(reversed(candidates))) == {0: 0, 1: 1, 2: 2}
