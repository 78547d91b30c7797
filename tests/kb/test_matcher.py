from __future__ import annotations

from pathlib import Path

import pytest

from oxus.kb.matcher import NameMatcher
from oxus.kb.pack import load_pack
from oxus.model import EntityType

MINI_PACK = Path(__file__).parent / "data" / "mini_pack"


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(load_pack(MINI_PACK))


@pytest.mark.parametrize(
    ("surface", "expected", "method"),
    [
        ("Jamaat Ansarullah", "group:jamaat-ansarullah", "exact"),
        ("the Tajik Taliban", "group:jamaat-ansarullah", "exact"),
        ("JAMIAT ANSARULLAH", "group:jamaat-ansarullah", "normalised"),
        ("Jamaat Ansorullah", "group:jamaat-ansarullah", "normalised"),
        ("Tehreek-e-Taliban Tajikistan", "group:jamaat-ansarullah", "normalised"),
        ("TTT", "group:jamaat-ansarullah", "acronym"),
        ("Джамаат Ансаруллах", "group:jamaat-ansarullah", "exact"),
        ("Джамаата Ансаруллах", "group:jamaat-ansarullah", "transliteration"),
        ("Mahdi Arsalan", "person:mahdi-arsalon", "exact"),
        ("Muhammad Sharifov", "person:mahdi-arsalon", "exact"),
        ("Махди Арсалон", "person:mahdi-arsalon", "exact"),
        ("ISKP", "group:islamic-state-khorasan-province", "acronym"),
        ("IS-KP", "group:islamic-state-khorasan-province", "acronym"),
        ("ISIS-K", "group:islamic-state-khorasan-province", "acronym"),
        ("Vilayat Khorasan", "group:islamic-state-khorasan-province", "exact"),
        ("Rakhmon", "person:emomali-rahmon", "normalised"),
        ("Emomali Rakhmon", "person:emomali-rahmon", "normalised"),
        ("Berdymukhamedov", "person:gurbanguly-berdimuhamedov", "normalised"),
        ("Gurbanguly Berdymukhammedov", "person:gurbanguly-berdimuhamedov", "normalised"),
        ("Таджикистан", "state:tajikistan", "exact"),
        ("Bortnikov", "person:alexander-bortnikov", "normalised"),
    ],
)
def test_resolves_variants(matcher: NameMatcher, surface: str, expected: str, method: str) -> None:
    link = matcher.resolve(surface)
    assert (link.entity_id, link.method) == (expected, method)


def test_fuzzy_respects_type_and_threshold(matcher: NameMatcher) -> None:
    link = matcher.resolve("Jamaat Ansarallah", EntityType.GROUP)
    assert (link.entity_id, link.method) == ("group:jamaat-ansarullah", "fuzzy")
    assert 0.8 < link.score < 0.95
    assert matcher.resolve("Jamaat Ansarallah", EntityType.PERSON).is_new
    assert matcher.resolve("Jamaat Islami", EntityType.GROUP).is_new


def test_acronyms_are_case_sensitive(matcher: NameMatcher) -> None:
    assert matcher.resolve("Imu").entity_id is None
    assert matcher.resolve("Ttt", EntityType.GROUP).is_new


def test_unknown_names_become_provisional(matcher: NameMatcher) -> None:
    link = matcher.resolve("Andrei Serenko", EntityType.PERSON)
    assert (link.entity_id, link.method) == ("person:andrei-serenko", "new")
    assert matcher.resolve("Andrei Serenko").entity_id is None


def test_shared_name_is_chosen_by_type_not_merged(matcher: NameMatcher) -> None:
    assert matcher.resolve("Georgia", EntityType.STATE).entity_id == "state:georgia"
    place = matcher.resolve("Georgia", EntityType.PLACE)
    assert place.entity_id == "place:georgia-us" and place.score < 1.0


def test_fuzzy_person_needs_a_matching_surname(matcher: NameMatcher) -> None:
    assert matcher.resolve("Alexandr Bortnikow", EntityType.PERSON).method == "fuzzy"
    assert matcher.resolve("Alexander Borodin", EntityType.PERSON).is_new
