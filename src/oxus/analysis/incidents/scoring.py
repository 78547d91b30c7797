"""How strongly two reports look like one occurrence: the evidence of the rules, added up.

Only called for events that can be one occurrence (compatible types, overlapping
dates, agreeing places); the score says how much points that way: the same day, the
same town, the same people named, the same death toll, the same words. Agreement on a
rare value counts for more than on a common one (Crocus City Hall against Kabul), and
a pair with no anchor (a date, one document, a closely matching sentence) is not linked
at all.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from oxus.analysis.incidents.dates import days_between, precision
from oxus.analysis.incidents.places import Agreement, PlaceTree
from oxus.analysis.incidents.records import EventRecord
from oxus.analysis.incidents.rules import LinkRules
from oxus.analysis.incidents.similarity import cosine


class Rarity:
    """How rare a place or participant is among the events being linked (0 common, 1 rare)."""

    def __init__(self, events: Sequence[EventRecord], tree: PlaceTree, prior: float) -> None:
        named: dict[str, set[str]] = {}
        for event in events:
            values = set(event.participants)
            if event.location:
                values.update(tree.chain(event.location))
            named.setdefault(event.document_id, set()).update(values)
        self.counts: Counter[str] = Counter(v for values in named.values() for v in values)
        self.scale = len(named) + prior

    def __call__(self, value: str) -> float:
        n = self.counts.get(value, 0)
        return max(0.0, min(1.0, math.log(self.scale / (n + 1)) / math.log(self.scale)))


@dataclass(frozen=True)
class PairScore:
    """The evidence that two reports describe one occurrence, by kind, and its total."""

    date: float
    place: float
    participants: float
    counts: float
    text: float
    same_document: float = 0.0
    anchored: bool = True

    @property
    def total(self) -> float:
        if not self.anchored:
            return 0.0
        parts = (
            self.date,
            self.place,
            self.participants,
            self.counts,
            self.text,
            self.same_document,
        )
        return round(sum(parts), 3)


class Scorer:
    """Scores pairs of events under the rules, the place tree and the events' rarities."""

    def __init__(self, rules: LinkRules, tree: PlaceTree, rarity: Rarity) -> None:
        self.rules = rules
        self.tree = tree
        self.rarity = rarity

    def date(self, a: EventRecord, b: EventRecord) -> float:
        """Agreement at the coarser of the two precisions; or, when one report dates it by
        the year alone (as extraction does for an undated opening) or not at all and was
        published soon after the day or month the other gives, ``recent``."""
        dates = self.rules.dates
        pa, pb = precision(a.date), precision(b.date)
        levels = {3: "same_day", 2: "same_month", 1: "same_year"}
        agreed = dates[levels[min(pa, pb)]] if pa and pb else 0.0
        fine, coarse = (a, b) if pa > pb else (b, a)
        if precision(fine.date) < 2 or precision(coarse.date) > 1:
            return agreed
        gap = days_between(fine.date, coarse.published)
        recent = gap is not None and 0 <= gap <= dates["recent_days"]
        return max(agreed, dates["recent"]) if recent else agreed

    def place(self, a: EventRecord, b: EventRecord) -> float:
        if a.location is None or b.location is None:
            return 0.0
        agreement = self.tree.agreement(a.location, b.location)
        places = self.rules.places
        if agreement is Agreement.SAME:
            return places["same"] * self.rarity(a.location)
        if agreement is Agreement.NESTED:
            outer = a.location if self.tree.contains(a.location, b.location) else b.location
            return places["nested"] * self.rarity(outer)
        if agreement is Agreement.NEAR:
            return places["near"]
        return places["same_state"] if agreement is Agreement.SAME_STATE else 0.0

    def participants(self, a: EventRecord, b: EventRecord) -> float:
        weight = self.rules.participants
        total = sum(
            weight["shared_state"] if self.tree.is_state(i) else weight["shared"] * self.rarity(i)
            for i in a.participants & b.participants
        )
        return min(total, weight["cap"])

    def counts(self, a: EventRecord, b: EventRecord) -> float:
        best = 0.0
        counts = self.rules.counts
        for key in a.counts.keys() & b.counts.keys():
            x, y = a.counts[key], b.counts[key]
            if x == y:
                best = max(best, counts["equal"])
            elif max(x, y) and abs(x - y) / max(x, y) <= counts["close_ratio"]:
                best = max(best, counts["close"])
        return best

    def specific(self, event: EventRecord) -> bool:
        """Whether the event names a date, a place, a participant other than a state or a
        count ("5 killed" in a headline is the clash its body tells)."""
        named = any(not self.tree.is_state(i) for i in event.participants)
        return bool(event.date or event.location or named or event.counts)

    def __call__(self, a: EventRecord, b: EventRecord) -> PairScore:
        similarity = cosine(a.vector, b.vector)
        date = self.date(a, b)
        same_document = a.document_id == b.document_id
        close_text = similarity >= self.rules.anchor_text
        anchored = close_text or (
            (date > 0 or same_document) and self.specific(a) and self.specific(b)
        )
        return PairScore(
            date=date,
            place=round(self.place(a, b), 3),
            participants=round(self.participants(a, b), 3),
            counts=self.counts(a, b),
            text=round(self.rules.text["weight"] * similarity, 3),
            same_document=self.rules.same_document if same_document else 0.0,
            anchored=anchored,
        )
