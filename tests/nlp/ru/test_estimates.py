"""Russian estimates: each measure, its qualifier and its subject, on sentences written for
the purpose (decoded by the rules alone)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from oxus.nlp.decoder import Decoded

Rules = Callable[..., Decoded]
JA, HT = "group:jamaat-ansarullah", "group:hizb-ut-tahrir"


@pytest.mark.parametrize(
    ("text", "estimate"),
    [
        (
            "Группировка «Джамаат Ансаруллах» насчитывает около 300 боевиков.",
            (JA, "fighters", 300, 300, "about"),
        ),
        (
            "По оценкам экспертов, в рядах «Хизб ут-Тахрир» в Киргизии состоят более "
            "тысячи членов.",
            (HT, "members", 1000, None, "at_least"),
        ),
        (
            "В прошлом году в Таджикистане задержаны 45 сторонников «Джамаат Ансаруллах».",
            (JA, "arrests", 45, 45, "exact"),
        ),
        (
            "С начала года в Узбекистане возбуждено более 20 уголовных дел о терроризме.",
            ("state:uzbekistan", "cases", 20, None, "at_least"),
        ),
        (
            "Около 5 тысяч беженцев покинули Афганистан за последний месяц.",
            ("state:afghanistan", "refugees", 5000, 5000, "about"),
        ),
        (
            "В Сирии воюют до 2 тысяч выходцев из Таджикистана.",
            ("state:tajikistan", "fighters", None, 2000, "at_most"),
        ),
    ],
)
def test_measures_qualifiers_and_subjects(
    rules: Rules, text: str, estimate: tuple[str, str, int | None, int | None, str]
) -> None:
    found = {
        (e.subject, e.measure.value, e.low, e.high, e.qualifier.value)
        for e in rules(text).estimates
    }
    assert estimate in found


def test_a_bare_group_noun_points_back_to_the_group(rules: Rules) -> None:
    found = rules(
        "«Джамаат Ансаруллах» действует в Бадахшане. Группировка насчитывает десятки боевиков."
    ).estimates
    assert [(e.subject, e.measure.value, e.low, e.high) for e in found] == [
        (JA, "fighters", 20, 99)
    ]


def test_casualties_are_no_estimates(rules: Rules) -> None:
    found = rules("В результате теракта в Кабуле погибли 14 человек.").estimates
    assert not found
