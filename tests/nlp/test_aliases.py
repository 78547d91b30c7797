from __future__ import annotations

import pytest

from oxus.nlp.entities.aliases import capture_after
from oxus.nlp.entities.cues import entity_cues


def aliases(text: str, name: str) -> list[str]:
    end = text.index(name) + len(name)
    found = capture_after(text, name, end, entity_cues(), name_tokens=len(name.split()))
    for alias in found:
        assert text[alias.start : alias.end] == alias.text
    return [a.text for a in found]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Its leader, Muhammad Sharifov (alias “Mahdi Arsalan”), spoke.",
            "Muhammad Sharifov",
            ["Mahdi Arsalan"],
        ),
        (
            "Fighters of the Islamic Movement of Uzbekistan (IMU) fled.",
            "Islamic Movement of Uzbekistan",
            ["IMU"],
        ),
        (
            "Jamaat Ansarullah, also known as the Tajik Taliban, grew.",
            "Jamaat Ansarullah",
            ["Tajik Taliban"],
        ),
        (
            "Jamaat Ansarullah, a.k.a. Jamaat Ansorullah, grew.",
            "Jamaat Ansarullah",
            ["Jamaat Ansorullah"],
        ),
        ("The Islamic Jihad Union (IJU or IJG) is small.", "Islamic Jihad Union", ["IJU", "IJG"]),
        (
            "Jamaat Ansarullah (also known as “Tajik Taliban”) grew.",
            "Jamaat Ansarullah",
            ["Tajik Taliban"],
        ),
    ],
)
def test_captures_declared_aliases(text: str, name: str, expected: list[str]) -> None:
    assert aliases(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Clashes in Kabul (AP) left two dead.", "Kabul"),
        ("Kazakhstan, Kyrgyzstan and Tajikistan agreed.", "Kazakhstan"),
        ("Jamaat Ansarullah (see below) grew.", "Jamaat Ansarullah"),
        ("Jamaat Ansarullah, known as violent, grew.", "Jamaat Ansarullah"),
    ],
)
def test_ignores_other_parentheticals_and_lists(text: str, name: str) -> None:
    assert aliases(text, name) == []
