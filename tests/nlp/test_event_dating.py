"""Undated events of a report's opening take its publication year; later ones stay open."""

from __future__ import annotations

import spacy

from oxus.model import Event, EventType, Evidence
from oxus.nlp import extensions  # noqa: F401  (registers doc._.published)
from oxus.nlp.candidates import Candidate
from oxus.nlp.events.dating import LEAD_SENTENCES, date_events


def _candidate(sentence_index: int, date: str | None = None) -> Candidate[Event]:
    evidence = Evidence("Guards clashed with smugglers.", 0, 30, sentence_index)
    return Candidate(Event(EventType.CLASH, evidence, date=date), {}, (str(sentence_index),))


def test_opening_events_take_the_year_and_later_ones_stay_undated() -> None:
    doc = spacy.blank("en")("Guards clashed with smugglers.")
    doc._.published = "2024-03-25"
    early, late, dated = _candidate(12), _candidate(LEAD_SENTENCES + 5), _candidate(30, "2019")
    date_events(doc, [early, late, dated])
    assert early.fact.date == "2024" and "clash|date|published" in early.features
    assert late.fact.date is None and "clash|date|none" in late.features
    assert dated.fact.date == "2019" and "clash|date|clause" in dated.features
