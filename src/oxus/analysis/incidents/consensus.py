"""What an incident's reports agree on, and where they differ, side by side.

The incident's date, place and counts are the best-supported values: the value most
reports agree with (a day agrees with its month; a venue with its town), the more
precise among equals. A count on which reports differ keeps every figure with the
reports that give it ("killed: 146 per one report, 143 per another"); the figure shown
first is the one most reports give, and among equals the latest reported (tolls are
revised upwards as the dead are counted).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from oxus.analysis.incidents.dates import parse_range, precision
from oxus.analysis.incidents.places import Agreement, PlaceTree
from oxus.analysis.incidents.records import EventRecord


@dataclass
class Variant:
    """One value some reports give, and which reports give it."""

    value: str | int
    events: list[int]
    documents: list[str]


@dataclass
class Consensus:
    type: str
    date: str | None
    location: str | None
    place_path: list[str]
    agents: list[str]
    targets: list[str]
    counts: dict[str, int]
    disagreements: dict[str, list[Variant]] = field(default_factory=dict)
    first_reported: str | None = None
    last_reported: str | None = None


def _variants(values: Sequence[tuple[str | int, EventRecord]]) -> list[Variant]:
    grouped: dict[str | int, Variant] = {}
    for value, event in values:
        variant = grouped.setdefault(value, Variant(value, [], []))
        variant.events.append(event.id)
        if event.document_id not in variant.documents:
            variant.documents.append(event.document_id)
    return list(grouped.values())


def _contains(outer: str, inner: str) -> bool:
    a, b = parse_range(outer), parse_range(inner)
    return a is not None and b is not None and a[0] <= b[0] and b[1] <= a[1]


def best_date(events: Sequence[EventRecord]) -> tuple[str | None, list[Variant]]:
    dated = [(e.date, e) for e in events if e.date]
    if not dated:
        return None, []
    values = Counter(value for value, _ in dated)

    def support(value: str) -> int:
        return sum(n for other, n in values.items() if _contains(other, value))

    best = max(values, key=lambda v: (support(v), precision(v), values[v], v))
    differing = [(v, e) for v, e in dated if not _contains(v, best)]
    return best, _variants(
        [(best, e) for v, e in dated if v == best] + differing
    ) if differing else []


def best_place(events: Sequence[EventRecord], tree: PlaceTree) -> tuple[str | None, list[Variant]]:
    located = [(e.location, e) for e in events if e.location]
    if not located:
        return None, []
    places = Counter(place for place, _ in located)

    def support(place: str) -> int:
        agreeing = (Agreement.SAME, Agreement.NESTED, Agreement.SAME_STATE)
        return sum(n for other, n in places.items() if tree.agreement(place, other) in agreeing)

    best = max(places, key=lambda p: (support(p), tree.depth(p), places[p], p))
    chain = tree.chain(best)
    differing = [(p, e) for p, e in located if p not in chain and not tree.contains(best, p)]
    if not differing:
        return best, []
    return best, _variants([(best, e) for p, e in located if p == best] + differing)


def best_counts(events: Sequence[EventRecord]) -> tuple[dict[str, int], dict[str, list[Variant]]]:
    counts: dict[str, int] = {}
    differing: dict[str, list[Variant]] = {}
    keys = sorted({k for e in events for k in e.counts})
    for key in keys:
        given = [(e.counts[key], e) for e in events if key in e.counts]
        variants = _variants(given)
        latest = {
            v.value: max((e.published or "") for n, e in given if n == v.value) for v in variants
        }
        variants.sort(key=lambda v: latest[v.value], reverse=True)
        variants.sort(key=lambda v: (-len(v.documents), -len(v.events)))
        counts[key] = int(variants[0].value)
        if len(variants) > 1:
            differing[key] = variants
    return counts, differing


def _ranked(ids: Sequence[str]) -> list[str]:
    order = Counter(ids)
    first = {i: n for n, i in reversed(list(enumerate(ids)))}
    return sorted(order, key=lambda i: (-order[i], first[i]))


def consensus(events: Sequence[EventRecord], tree: PlaceTree) -> Consensus:
    """The incident's best-supported values from its reports (earliest report first)."""
    ordered = sorted(events, key=lambda e: (e.published or "", e.document_id, e.id))
    type_ = _ranked([e.type for e in ordered])[0]
    date, date_variants = best_date(ordered)
    place, place_variants = best_place(ordered, tree)
    counts, count_variants = best_counts(ordered)
    disagreements: dict[str, list[Variant]] = {}
    if date_variants:
        disagreements["date"] = date_variants
    if place_variants:
        disagreements["place"] = place_variants
    disagreements.update(count_variants)
    published = [e.published for e in ordered if e.published]
    return Consensus(
        type=type_,
        date=date,
        location=place,
        place_path=list(tree.chain(place)) if place else [],
        agents=_ranked([a for e in ordered for a in e.agents]),
        targets=_ranked([t for e in ordered for t in e.targets]),
        counts=counts,
        disagreements=disagreements,
        first_reported=min(published, default=None),
        last_reported=max(published, default=None),
    )
