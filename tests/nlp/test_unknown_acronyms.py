"""An abbreviation no one spells out is kept as an organisation when it speaks."""

from __future__ import annotations

import pytest

from oxus.model import Document, EntityType
from oxus.nlp.extract import extract


def _organizations(text: str) -> set[str]:
    doc = next(extract([Document(id="t", text=text, published="2024-03-25")]))
    return {e.name for e in doc.entities.values() if e.type is EntityType.ORGANIZATION}


@pytest.mark.parametrize(
    "text",
    [
        "Two officials told NHK on Monday that the border was closed.",
        "The border was closed, NHK reported on Monday.",
        "According to NHK, the border was closed on Monday.",
    ],
)
def test_an_abbreviation_that_reports_or_is_told_is_an_organisation(text: str) -> None:
    assert "NHK" in _organizations(text)


def test_an_abbreviation_that_is_a_thing_is_not_kept() -> None:
    assert "NHK" not in _organizations("A NHK struck the car near the border on Monday.")


def test_an_abbreviation_after_a_word_that_only_ends_a_source_phrase_is_not_kept() -> None:
    # "by" ends "cited by", but "built by NHK" cites no one
    assert "NHK" not in _organizations("The bridge near the border was built by NHK in 2010.")
