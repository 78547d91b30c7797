"""A place a report introduces by what it is ("the village of X") is a place."""

from __future__ import annotations

from oxus.model import Document, EntityType
from oxus.nlp.extract import extract


def _places(text: str) -> set[str]:
    doc = next(extract([Document(id="t", text=text, published="2024-03-25")]))
    return {e.name for e in doc.entities.values() if e.type is EntityType.PLACE}


def test_places_introduced_by_their_kind_are_places() -> None:
    found = _places("Clashes broke out near the village of Ravot on Monday.")
    assert "Ravot" in found


def test_a_ministry_of_something_is_no_place() -> None:
    assert "Defence" not in _places("The region of Sughd and the Ministry of Defence agreed.")
