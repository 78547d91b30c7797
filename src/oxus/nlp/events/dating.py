"""When an event happened, if its own sentence does not say.

An event's own clause or sentence dates it first (``place_time.event_date``), relative
expressions ("on Tuesday", "last September") resolved against the publication date. A
report's opening tells what has just happened, so an undated event told in its first
sentences took place in the year of publication (the year only: the text gives no day),
unless it is only referred to inside a phrase about something else ("the perpetrators of
the attack"), which tells of an event reported before.
Later in a report, undated events are mostly background whose time the text leaves to
the reader ("the group was founded by ..."), and stay undated rather than be given a
wrong date. Measured on the gold documents, dating them from a similar earlier event or
from the last date mentioned before them was wrong more often than right. The opening
is 15 sentences: 10 left a third of the corpus's events undated (the gold dates about
two in three); 15 dates seven in ten and matches two fewer of the 445 gold events.
"""

from __future__ import annotations

from spacy.tokens import Doc

from oxus.model import Event
from oxus.nlp.candidates import Candidate

LEAD_SENTENCES = 15
"""Sentences at the top of a report whose undated events take the publication year."""


def date_events(doc: Doc, candidates: list[Candidate[Event]]) -> None:
    """Date the undated candidates of a report's opening; mark each date's source."""
    year = (doc._.published or "")[:4] or None
    for cand in candidates:
        event = cand.fact
        if event.date is not None:
            source = "clause"
        elif (
            year is not None
            and event.evidence.sentence_index < LEAD_SENTENCES
            and f"{event.type.value}|embedded" not in cand.features
        ):
            event.date, source = year, "published"
        else:
            source = "none"
        cand.features[f"{event.type.value}|date|{source}"] = 1.0
