from __future__ import annotations

from oxus.ingest import detect_language


def test_english() -> None:
    assert detect_language("Police detained five men in Dushanbe.") == "en"


def test_russian() -> None:
    assert detect_language("Полиция задержала пятерых мужчин в Душанбе.") == "ru"


def test_russian_with_latin_names_is_still_russian() -> None:
    text = "Группировка Jamaat Ansarullah действует в провинции Бадахшан уже несколько лет."
    assert detect_language(text) == "ru"


def test_english_with_a_cyrillic_quote_is_english() -> None:
    text = "The group, known in Russian as «Джамаат», has long operated in northern Afghanistan."
    assert detect_language(text) == "en"


def test_no_letters_defaults_to_english() -> None:
    assert detect_language("1,500 — 2,000") == "en"
