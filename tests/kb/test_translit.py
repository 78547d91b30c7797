"""Cyrillic and Latin spellings of one name meet, both ways."""

from __future__ import annotations

import pytest

from oxus.kb.translit import latin_variants, other_script, to_cyrillic, to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Махди Арсалон", "Makhdi Arsalon"),
        ("Юлдашев", "Yuldashev"),
        ("Ерёменко", "Yeremenko"),
        ("Исламское движение", "Islamskoye dvizheniye"),
        ("Объединённый", "Obyedinennyy"),
        ("Щучье", "Shchuchye"),
        ("ФСБ", "FSB"),
        ("Жуков", "Zhukov"),
        ("Ҷамъият Ҳақ", "Jamiyat Haq"),
        ("Reuters сообщает", "Reuters soobshchayet"),
    ],
)
def test_bgn_pcgn_romanization(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_central_asian_names_also_get_their_english_spelling() -> None:
    assert latin_variants("Махди Арсалон") == ("Makhdi Arsalon", "Mahdi Arsalon")
    assert latin_variants("Джамаат Ансаруллах") == ("Dzhamaat Ansarullakh", "Jamaat Ansarullah")
    assert latin_variants("Юлдашев") == ("Yuldashev",)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Mahdi Arsalon", "Махди Арсалон"),
        ("Makhdi Arsalon", "Махди Арсалон"),
        ("Jamaat Ansarullah", "Джамаат Ансаруллах"),
        ("Tajikistan", "Таджикистан"),
        ("Kyrgyzstan", "Кыргызстан"),
        ("Yuldashev", "Юлдашев"),
        ("Emomali", "Эмомали"),
        ("Dmitry", "Дмитрий"),
        ("Nikolay", "Николай"),
        ("FSB", "ФСБ"),
    ],
)
def test_latin_back_to_cyrillic(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("name", ["Махди Арсалон", "Юлдашев", "Андрей Серенко", "Кабул"])
def test_round_trip(name: str) -> None:
    assert to_cyrillic(to_latin(name)) == name


def test_other_script() -> None:
    assert other_script("Ансаруллах") == ("Ansarullakh", "Ansarullah")
    assert other_script("Ansarullah") == ("Ансаруллах",)
    assert other_script("ИГ (ISIS)") == ()
    assert other_script("2023") == ()
