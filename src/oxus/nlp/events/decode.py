"""From event candidates to events: one per occurrence in the document.

Candidates the scorer accepts are gathered into occurrences: readings of one trigger
(or of several triggers of one type in one sentence: "attacked and killed") are one
event; a sentence that restates an event already found (same type, date, place and
participants) adds nothing new, nor does a headline told again in the body or a
definite reference back ("the attack at the concert hall") at the same place or a
place inside it, at a compatible date. Reports often tell
of several arrests or attacks with the same actors, so sharing a participant is not
enough to be one occurrence. Each event takes its place, time and actors from all its
candidates, and its evidence and attribution from the first sentence of the body that
tells it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from oxus.model import Event
from oxus.nlp.candidates import Candidate, FollowUpCounts, score_candidates
from oxus.nlp.events.merge import merge_into
from oxus.nlp.scoring.linear import LinearScorer
from oxus.nlp.states import place_within

TOLL_TYPES = frozenset({"attack", "clash"})
FOLLOW_UP_REACH = 2
"""Sentences after an attack or clash within which a toll naming no one is its toll."""


def _dates_compatible(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    shorter = min(len(first), len(second))
    return first[:shorter] == second[:shorter]


def _entities(event: Event) -> set[str]:
    found = set(event.agents) | set(event.targets)
    if event.location:
        found.add(event.location)
    return found


@dataclass
class Occurrence:
    """Accepted candidates that report one event."""

    best: Candidate[Event]
    members: list[Candidate[Event]] = field(default_factory=list)

    @property
    def event(self) -> Event:
        return self.best.fact

    def accepts(self, cand: Candidate[Event]) -> bool:
        """Same type, and told in the same sentence (at a compatible place and date) or
        restated elsewhere with the same date, place and participants."""
        event, other = self.event, cand.fact
        if event.type != other.type or not _dates_compatible(event.date, other.date):
            return False
        if event.evidence.sentence_index == other.evidence.sentence_index:
            return (
                not (event.location and other.location)
                or event.location == other.location
                or _same_place(event.location, other.location)
            )
        if (
            event.date == other.date
            and event.location == other.location
            and _entities(event) == _entities(other)
        ):
            return True
        if _refers_back(cand) and other.location is None:
            return True
        told_again = "headline" in {_section(event), _section(other)} or _refers_back(cand)
        same_place = _same_place(event.location, other.location)
        return same_place and (told_again or _specific(event.location, other.location))


def _telling_order(cand: Candidate[Event]) -> tuple[bool, int]:
    """Body sentences first, in text order; the headline last."""
    evidence = cand.fact.evidence
    return evidence.sentence_index == 0, evidence.start


def _section(event: Event) -> str:
    return "headline" if event.evidence.sentence_index == 0 else "body"


def _refers_back(cand: Candidate[Event]) -> bool:
    """A definite reference to an event of its type told before ("the attack")."""
    return any(name.endswith("|anaphoric_repeat") for name in cand.features)


def _same_place(first: str | None, second: str | None) -> bool:
    """Two named places of one occurrence: the same, or one inside the other."""
    if first is None or second is None:
        return False
    return first == second or place_within(first, second) or place_within(second, first)


def _specific(first: str | None, second: str | None) -> bool:
    """Both places below the level of a state (a town, a venue, a district)."""
    return bool(first and second) and not (
        str(first).startswith("state:") or str(second).startswith("state:")
    )


def score_events(candidates: list[Candidate[Event]], scorer: LinearScorer | None) -> None:
    score_candidates(candidates, scorer)


def select_events(
    candidates: list[Candidate[Event]],
    threshold: float,
    follow_ups: Sequence[FollowUpCounts] = (),
) -> list[Event]:
    """The events of candidates already scored, one per occurrence, in text order; the
    casualties of ``follow_ups`` join the attack or clash told just before them."""
    accepted = sorted(
        (c for c in candidates if c.probability >= threshold),
        key=lambda c: (-c.probability, c.fact.evidence.start),
    )
    occurrences: list[Occurrence] = []
    for cand in accepted:
        home = next((o for o in occurrences if o.accepts(cand)), None)
        if home is None:
            occurrences.append(Occurrence(cand, [cand]))
        else:
            home.members.append(cand)
    out = []
    told_in: list[tuple[Event, list[int]]] = []
    for occurrence in occurrences:
        event = _copy(occurrence.event)
        for member in occurrence.members[1:]:
            merge_into(event, member.fact)
        # The first sentence of the body that tells the event (the headline only when the
        # body does not) is its evidence, and who says so there is who it is credited to:
        # later sentences restate it, often in someone else's words.
        shown = min(occurrence.members, key=_telling_order).fact
        event.evidence, event.asserted_by = shown.evidence, shown.asserted_by
        event.hedged, event.polarity = shown.hedged, shown.polarity
        event.confidence = round(occurrence.best.probability, 3)
        out.append(event)
        sentences = [m.fact.evidence.sentence_index for m in occurrence.members]
        told_in.append((event, sentences))
    for follow_up in follow_ups:
        told = [
            (max(i for i in sentences if i < follow_up.sentence_index), event)
            for event, sentences in told_in
            if event.type.value in TOLL_TYPES
            and any(0 < follow_up.sentence_index - i <= FOLLOW_UP_REACH for i in sentences)
        ]
        if told:
            _, nearest = max(told, key=lambda item: item[0])
            for key, value in follow_up.counts.items():
                nearest.counts.setdefault(key, value)
    out.sort(key=lambda e: (e.evidence.start, e.type.value))
    return out


def _copy(event: Event) -> Event:
    """A fresh event to merge into (candidates are shared between decodings)."""
    return Event(
        type=event.type,
        evidence=event.evidence,
        date=event.date,
        location=event.location,
        agents=list(event.agents),
        targets=list(event.targets),
        counts=dict(event.counts),
        asserted_by=event.asserted_by,
        polarity=event.polarity,
        hedged=event.hedged,
        confidence=event.confidence,
    )
