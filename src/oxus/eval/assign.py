"""One-to-one assignment of system items to gold items.

Every scored category pairs each gold item with at most one system item and vice
versa. Pairs are first taken greedily, best-ranked first, so that the preferred
candidate wins a contest; augmenting paths then add any pair the greedy pass blocked,
so the number of matches is always the largest possible. Ties break on item order,
which makes the result deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Candidate = tuple[Any, int, int]
"""(rank, gold index, system index); a lower rank is a better pair."""


def assign(
    candidates: Iterable[Candidate],
    *,
    taken_gold: Iterable[int] = (),
    taken_system: Iterable[int] = (),
) -> dict[int, int]:
    """Gold index -> system index for a maximal, preference-respecting matching.

    Items in ``taken_gold`` / ``taken_system`` are already matched elsewhere and skipped.
    """
    busy_gold, busy_system = set(taken_gold), set(taken_system)
    ranked = sorted(
        (c for c in candidates if c[1] not in busy_gold and c[2] not in busy_system),
        key=lambda c: (c[0], c[1], c[2]),
    )
    options: dict[int, list[int]] = {}
    gold_of: dict[int, int] = {}
    system_of: dict[int, int] = {}
    for _, gold, system in ranked:
        options.setdefault(gold, []).append(system)
        if gold not in system_of and system not in gold_of:
            system_of[gold] = system
            gold_of[system] = gold
    for gold in sorted(options):
        if gold not in system_of:
            _augment(gold, options, system_of, gold_of, set())
    return dict(sorted(system_of.items()))


def _augment(
    gold: int,
    options: dict[int, list[int]],
    system_of: dict[int, int],
    gold_of: dict[int, int],
    seen: set[int],
) -> bool:
    """Find a path that frees a system item for ``gold`` (Kuhn's algorithm)."""
    for system in options[gold]:
        if system in seen:
            continue
        seen.add(system)
        holder = gold_of.get(system)
        if holder is None or _augment(holder, options, system_of, gold_of, seen):
            system_of[gold] = system
            gold_of[system] = gold
            return True
    return False
