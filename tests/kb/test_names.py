from __future__ import annotations

import pytest

from oxus.kb.names import compact, fold, is_acronym, skeleton, stem_russian, transliterate


def test_fold_strips_case_accents_punctuation_and_article() -> None:
    assert fold("The  Hizb-ut-Tahrir") == "hizb ut tahrir"
    assert fold("Hay’at Tahrir al-Sham") == "hayat tahrir al sham"
    assert fold("Türkmenistan") == "turkmenistan"


def test_compact_joins_split_spellings() -> None:
    assert compact("IS-KP") == compact("ISKP")
    assert compact("Hizbut Tahrir") == compact("Hizb ut-Tahrir")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jamaat Ansarullah", "Jamaat Ansorullah"),
        ("Rahmon", "Rakhmon"),
        ("Berdimuhamedov", "Berdymukhamedov"),
        ("Tehrik-e-Taliban", "Tehreek-e-Taliban"),
        ("Mahdi Arsalon", "Mahdi Arsalan"),
        ("Jamaat Ansarullah", "Джамаат Ансаруллах"),
        ("Tajikistan", "Таджикистана"),
        ("Mahdi Arsalon", "Махди Арсалоном"),
        ("Zhanaozen", "Janaozen"),
    ],
)
def test_skeleton_joins_spelling_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Tajikistan", "Uzbekistan"), ("Iran", "Iraq"), ("Osh", "Oman")]
)
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_transliteration_and_stemming() -> None:
    assert transliterate("Таджикистан") == "tadzhikistan"
    assert transliterate("Ҷамоат") == "jamoat"
    assert stem_russian("Таджикистаном") == "таджикистан"
    assert stem_russian("Ансаруллах") == "ансаруллах"
    assert stem_russian("Tajikistana") == "tajikistana"


def test_acronyms() -> None:
    assert is_acronym("IMU") and is_acronym("IS-KP") and is_acronym("ISIS-K")
    assert not is_acronym("Imu") and not is_acronym("TALIBAN") and not is_acronym("I")
