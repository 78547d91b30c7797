"""Arabic group names the pack does not know are read whole."""

from __future__ import annotations

import pytest

from oxus.model import Document, EntityType
from oxus.nlp.extract import extract


def _names(text: str) -> dict[str, EntityType]:
    doc = next(extract([Document(id="t", text=text, published="2024-03-25")]))
    return {e.name: e.type for e in doc.entities.values()}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighters of Jaish al-Khurasan wal-Ansar joined the war.", "Jaish al-Khurasan wal-Ansar"),
        ("Liwa al-Ghuraba wal-Muhajirin fought near the border.", "Liwa al-Ghuraba wal-Muhajirin"),
    ],
)
def test_a_group_name_runs_over_its_al_and_wal_words(text: str, name: str) -> None:
    assert _names(text).get(name) is EntityType.GROUP


def test_a_person_named_with_al_stays_a_person() -> None:
    names = _names("Abu Hafs al-Khurasani spoke to the fighters on Monday.")
    assert all(t is not EntityType.GROUP for n, t in names.items() if "Khurasani" in n)
