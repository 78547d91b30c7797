"""From scored event candidates to events: which sentence a merged event shows, and who
it is credited to."""

from __future__ import annotations

from oxus.model import Event, EventType, Evidence
from oxus.nlp.candidates import Candidate
from oxus.nlp.events.decode import select_events

HEADLINE = "Crescent Front claims attack on Kunduz base"
LEAD = "Gunmen of the Crescent Front attacked the Kunduz base on Monday, police said."
LATER = "The Crescent Front attacked the Kunduz base, the monitor Watchpost said later."


def _candidate(text: str, start: int, index: int, source: str | None, p: float) -> Candidate:
    event = Event(
        EventType.ATTACK,
        Evidence(text, start, start + len(text), index),
        location="place:kunduz",
        agents=["group:crescent-front"],
        asserted_by=source,
    )
    return Candidate(fact=event, features={}, key=("attack",), probability=p)


def test_an_event_told_twice_is_shown_and_credited_as_the_body_first_tells_it() -> None:
    headline = _candidate(HEADLINE, 0, 0, "group:crescent-front", 0.95)
    lead = _candidate(LEAD, 100, 1, "organization:police", 0.7)
    later = _candidate(LATER, 200, 2, "organization:watchpost", 0.9)
    (event,) = select_events([headline, later, lead], 0.5)
    assert event.evidence.text == LEAD
    assert event.asserted_by == "organization:police"
    assert event.confidence == 0.95


def test_an_event_told_only_in_the_headline_keeps_the_headline() -> None:
    (event,) = select_events([_candidate(HEADLINE, 0, 0, "group:crescent-front", 0.9)], 0.5)
    assert event.evidence.sentence_index == 0
    assert event.asserted_by == "group:crescent-front"
