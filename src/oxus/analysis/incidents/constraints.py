"""The analyst's decisions as constraints on linking: reports kept together or apart.

Decisions name events by their stable keys, so they hold however often linking is run
again, and after a document is re-ingested with the same text. They are applied in the
order they were taken: a later split undoes an earlier join of the same reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from oxus.disjoint_sets import DisjointSets


@dataclass
class Decision:
    """One active decision: ``join`` keeps ``events`` together; ``split`` keeps ``events``
    together and apart from ``others``."""

    id: int
    kind: str
    events: list[str]
    others: list[str] = field(default_factory=list)


@dataclass
class Constraints:
    together: set[frozenset[str]] = field(default_factory=set)
    apart: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def from_decisions(cls, decisions: Iterable[Decision]) -> Constraints:
        made = cls()
        for decision in decisions:
            group = list(dict.fromkeys(decision.events))
            pairs = {frozenset((group[0], k)) for k in group[1:]}
            if decision.kind == "split":
                for a in group:
                    for b in decision.others:
                        pair = frozenset((a, b))
                        made.together.discard(pair)
                        made.apart.add(pair)
            else:
                every = {frozenset((a, b)) for a in group for b in group if a < b}
                made.apart -= every
            made.together |= {p for p in pairs if len(p) == 2}
        return made

    def units(self, keys: Iterable[str]) -> list[list[str]]:
        """Keys grouped into the units that must stay together (connected components)."""
        units = DisjointSets(keys)
        for pair in self.together:
            a, b = sorted(pair)
            if a in units and b in units:
                units.join(a, into=b)
        return list(units.groups().values())

    def apart_from(self) -> dict[str, set[str]]:
        """{key: keys it must not share an incident with}."""
        out: dict[str, set[str]] = {}
        for pair in self.apart:
            a, b = sorted(pair)
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
        return out
