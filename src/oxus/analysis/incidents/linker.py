"""Linking events into incidents: one occurrence, however many reports describe it.

Events are taken in date order (those dated to the day or month first; a year alone, as
extraction gives an undated report's opening, or no date at all come after); each joins
the incident it scores best with (at or above the rules' threshold) among incidents it
*can* belong to: every report already there must have a compatible type, an overlapping
date and an agreeing place. So a report never bridges two incidents that contradict each
other (a chain of "close enough" dates), while one strong resemblance is enough to link.
Candidates are found through what reports share (their document, a day, a figure, a
place below state level, a named participant, a rare word), so the cost grows with the
reports of one occurrence, not with the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from oxus.analysis.incidents.constraints import Constraints
from oxus.analysis.incidents.dates import DateSpan, event_span, precision
from oxus.analysis.incidents.places import Agreement, PlaceTree
from oxus.analysis.incidents.records import EventRecord
from oxus.analysis.incidents.rules import LinkRules
from oxus.analysis.incidents.scoring import Rarity, Scorer
from oxus.analysis.incidents.similarity import Vectorizer

RARE_WORDS = 5
"""Rarest words of a sentence used to find candidate incidents."""


@dataclass
class Draft:
    """An incident being built: its reports and what a newcomer must agree with."""

    members: list[EventRecord] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    span: DateSpan | None = None
    places: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    by_document: dict[str, list[EventRecord]] = field(default_factory=dict)
    agent_sets: set[frozenset[str]] = field(default_factory=set)
    """The distinct agent lists of reports that name agents."""


class Linker:
    """Builds incidents from events under the rules, the place tree and the constraints."""

    def __init__(self, rules: LinkRules, tree: PlaceTree, constraints: Constraints) -> None:
        self.rules = rules
        self.tree = tree
        self.constraints = constraints
        self.apart = constraints.apart_from()
        self.drafts: list[Draft] = []
        self.index: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.twins: dict[tuple[object, ...], tuple[int, EventRecord]] = {}
        self._spans: dict[tuple[str | None, str | None], DateSpan] = {}
        self._keys: dict[int, set[tuple[str, str]]] = {}

    def span(self, event: EventRecord) -> DateSpan:
        key = (event.date, event.published)
        found = self._spans.get(key)
        if found is None:
            tolerance = int(self.rules.dates["tolerance_days"])
            found = self._spans[key] = event_span(
                event.date, event.published, tolerance_days=tolerance
            )
        return found

    def link(self, events: Sequence[EventRecord]) -> list[Draft]:
        vectorizer = Vectorizer(
            (e.text for e in events), min_length=int(self.rules.text.get("min_token_length", 3))
        )
        by_key = {e.key: e for e in events}
        vectors: dict[str, dict[str, float]] = {}
        for event in events:
            if event.text not in vectors:
                vectors[event.text] = vectorizer.vector(event.text)
            event.vector = vectors[event.text]
        self.score = Scorer(
            self.rules, self.tree, Rarity(events, self.tree, self.rules.rarity_prior)
        )
        units = [
            [by_key[k] for k in sorted(unit, key=lambda k: by_key[k].id)]
            for unit in self.constraints.units(by_key)
        ]
        units.sort(key=self._order)
        for unit in units:
            self._place_unit(unit, vectorizer)
        return self.drafts

    def _order(self, unit: list[EventRecord]) -> tuple[object, ...]:
        dated = [e for e in unit if precision(e.date) >= 2]
        first = min(self.span(e).first for e in (dated or unit))
        return (not dated, first, min(e.published or "" for e in unit), unit[0].id)

    def _place_unit(self, unit: list[EventRecord], vectorizer: Vectorizer) -> None:
        twin = self.twins.get(_signature(unit[0])) if len(unit) == 1 else None
        if twin is not None and self._allowed(unit, self.drafts[twin[0]]):
            # A copy of a report already placed (syndication): scored against it alone.
            self._add(twin[0], unit, self.score(unit[0], twin[1]).total, vectorizer)
            return
        best, best_score = None, self.rules.threshold
        for number in self._candidates(unit, vectorizer):
            draft = self.drafts[number]
            if not self._allowed(unit, draft):
                continue
            score = self._best_score(unit, draft)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = number, score
        if best is None:
            self.drafts.append(Draft())
            self._add(len(self.drafts) - 1, unit, None, vectorizer)
        else:
            self._add(best, unit, best_score, vectorizer)

    def _blocking_keys(self, event: EventRecord, vectorizer: Vectorizer) -> set[tuple[str, str]]:
        if event.id not in self._keys:
            self._keys[event.id] = self._keys_of(event, vectorizer)
        return self._keys[event.id]

    def _keys_of(self, event: EventRecord, vectorizer: Vectorizer) -> set[tuple[str, str]]:
        group = self.rules.type_group(event.type)
        keys = set()
        if event.location:
            keys |= {
                (group, f"p:{p}")
                for p in self.tree.chain(event.location)
                if not self.tree.is_state(p)
            }
        keys |= {(group, f"e:{i}") for i in event.participants if not self.tree.is_state(i)}
        keys |= {(group, f"w:{w}") for w in vectorizer.rare_words(event.vector, RARE_WORDS)}
        keys.add((group, f"doc:{event.document_id}"))
        keys |= {(group, f"n:{name}:{value}") for name, value in event.counts.items()}
        if event.date and len(event.date) == 10:
            keys.add((group, f"day:{event.date}"))
        return keys

    def _candidates(self, unit: list[EventRecord], vectorizer: Vectorizer) -> list[int]:
        found: set[int] = set()
        for event in unit:
            for key in self._blocking_keys(event, vectorizer):
                found.update(self.index.get(key, ()))
        return sorted(found)

    def _allowed(self, unit: list[EventRecord], draft: Draft) -> bool:
        """Whether every report of the draft can be the same occurrence as the unit."""
        for event in unit:
            if self.apart.get(event.key, set()) & draft.keys:
                return False
            if not all(self.rules.types_compatible(event.type, t) for t in draft.types):
                return False
            if draft.span is not None and not self.span(event).overlaps(draft.span):
                return False
            if event.location and any(
                self.tree.agreement(event.location, p) is Agreement.CONFLICT for p in draft.places
            ):
                return False
            if self._distinct(event, draft):
                return False
        return True

    def _distinct(self, event: EventRecord, draft: Draft) -> bool:
        """Whether the event cannot be the same occurrence as some report of the draft.

        Items of one sentence's list, or (for types an agent defines) an agent the
        incident's reports do not name.
        """
        same_document = draft.by_document.get(event.document_id, ())
        if any(self._listed_apart(event, member) for member in same_document):
            return True
        if event.type in self.rules.agent_defined_types and event.agents:
            agents = set(event.agents)
            return any(not agents & other for other in draft.agent_sets)
        return False

    def _listed_apart(self, a: EventRecord, b: EventRecord) -> bool:
        """Two events of one sentence with different dates, or places neither of which
        holds the other: items of a list ("in February in Novosibirsk and Tomsk, in May
        in Kaliningrad"). A town and its country are one event told twice."""
        if a.document_id != b.document_id or a.sentence != b.sentence:
            return False
        places = (
            a.location
            and b.location
            and a.location != b.location
            and not self.tree.contains(a.location, b.location)
            and not self.tree.contains(b.location, a.location)
        )
        dates = a.date and b.date and a.date != b.date
        return bool(places or dates)

    def _best_score(self, unit: list[EventRecord], draft: Draft) -> float:
        compared = draft.members[: self.rules.members_compared]
        return max(self.score(event, member).total for event in unit for member in compared)

    def _add(
        self, number: int, unit: list[EventRecord], score: float | None, vectorizer: Vectorizer
    ) -> None:
        draft = self.drafts[number]
        for i, event in enumerate(unit):
            draft.members.append(event)
            draft.scores.append(score if i == 0 else None)
            draft.types.add(event.type)
            draft.keys.add(event.key)
            draft.by_document.setdefault(event.document_id, []).append(event)
            if event.agents and event.type in self.rules.agent_defined_types:
                draft.agent_sets.add(frozenset(event.agents))
            span = self.span(event)
            met = span if draft.span is None else draft.span.meet(span)
            # A join the analyst forced across dates keeps the widest span instead.
            if met.empty and draft.span is not None:
                met = DateSpan(min(draft.span.first, span.first), max(draft.span.last, span.last))
            draft.span = met
            if event.location and event.location not in draft.places:
                draft.places.append(event.location)
            for key in self._blocking_keys(event, vectorizer):
                self.index[key].add(number)
            self.twins.setdefault(_signature(event), (number, event))


def _signature(event: EventRecord) -> tuple[object, ...]:
    """What makes two reports identical (a syndicated copy states the same facts)."""
    return (
        event.type,
        event.date,
        event.location,
        event.agents,
        event.targets,
        tuple(sorted(event.counts.items())),
        event.text,
    )


def link_events(
    events: Sequence[EventRecord],
    tree: PlaceTree,
    rules: LinkRules,
    constraints: Constraints | None = None,
) -> list[Draft]:
    """Incidents (as drafts with their member events) for these events."""
    return Linker(rules, tree, constraints or Constraints()).link(events)
