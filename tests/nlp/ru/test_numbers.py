"""Russian numbers in digits and words, in any case, with their qualifiers."""

from __future__ import annotations

import pytest

from oxus.model import Qualifier
from oxus.nlp.extensions import QUANTITIES
from oxus.nlp.lang.ru.numbers import parse_number
from oxus.nlp.lang.ru.quantity_text import match_quantities
from tests.nlp.ru.conftest import Analyse

EXACT, ABOUT, VAGUE = Qualifier.EXACT, Qualifier.ABOUT, Qualifier.VAGUE


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("трех", 3),
        ("трёх", 3),
        ("тремя", 3),
        ("трехсот", 300),
        ("двадцати пяти", 25),
        ("две тысячи пятьсот", 2500),
        ("полутора тысяч", 1500),
        ("6 500", 6500),
        ("1,5 тыс.", 1500),
        ("3 млн", 3_000_000),
        ("около", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "found", "low", "high", "qualifier"),
    [
        ("задержали трех уроженцев", "трех", 3, 3, EXACT),
        ("насчитывает около трехсот боевиков", "около трехсот", 300, 300, ABOUT),
        ("порядка 50 членов", "порядка 50", 50, 50, ABOUT),
        ("более 20 человек", "более 20", 20, None, Qualifier.AT_LEAST),
        ("не более 1,5 тыс. бойцов", "не более 1,5 тыс.", None, 1500, Qualifier.AT_MOST),
        ("от 25 до 150 боевиков", "от 25 до 150", 25, 150, Qualifier.RANGE),
        ("двух-трех человек", "двух-трех", 2, 3, Qualifier.RANGE),
        ("2–3 тысячи сторонников", "2–3 тысячи", 2000, 3000, Qualifier.RANGE),
        ("десятки боевиков", "десятки", 20, 99, VAGUE),
        ("сотни беженцев", "сотни", 200, 999, VAGUE),
        ("тысячи мигрантов", "тысячи", 2000, 9999, VAGUE),
        ("несколько сотен человек", "несколько сотен", 200, 999, VAGUE),
        ("около тысячи человек", "около тысячи", 1000, 1000, ABOUT),
    ],
)
def test_qualified_numbers(
    text: str, found: str, low: float | None, high: float | None, qualifier: Qualifier
) -> None:
    (match,) = match_quantities(text)
    assert text[match.start : match.end] == found
    assert (match.quantity.low, match.quantity.high, match.quantity.qualifier) == (
        low,
        high,
        qualifier,
    )


def test_quantities_on_the_doc_carry_the_counted_noun(analyse: Analyse) -> None:
    doc = analyse(
        "В 2023 году ФСБ задержала трех уроженцев Таджикистана. Группировка насчитывает "
        "около трехсот боевиков, ей 25 лет. Статья 205 предусматривает срок."
    )
    found = {s.text: s._.quantity for s in doc.spans[QUANTITIES]}
    assert set(found) == {"трех", "около трехсот"}
    assert found["трех"].unit == "уроженец"
    assert found["около трехсот"].unit == "боевик"
    assert found["около трехсот"].qualifier is ABOUT


def test_a_percentage_of_change(analyse: Analyse) -> None:
    doc = analyse("Число нападений выросло на 15% за год.")
    (span,) = doc.spans[QUANTITIES]
    assert span._.quantity.percent
    assert span._.quantity.qualifier is Qualifier.CHANGE
    assert span._.quantity.low == 15


def test_a_figure_reached_is_no_upper_bound_and_a_day_no_count(analyse: Analyse) -> None:
    doc = analyse("В среду, 11 июля, число погибших возросло до 20.", published=None)
    found = {s.text: s._.quantity for s in doc.spans[QUANTITIES]}
    assert set(found) == {"до 20"}
    assert (found["до 20"].low, found["до 20"].high) == (20, 20)
    assert found["до 20"].qualifier is EXACT


def test_a_participle_standing_alone_is_what_is_counted(analyse: Analyse) -> None:
    doc = analyse("Речь идет о десятках погибших.")
    (span,) = doc.spans[QUANTITIES]
    assert span._.quantity.unit == "погибнуть"
