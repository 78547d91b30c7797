"""Russian time expressions, resolved against the publication date as English ones are."""

from __future__ import annotations

import pytest

from oxus.nlp.extensions import DATES
from oxus.nlp.lang.ru.dates import match_dates
from oxus.nlp.time.dates import Period
from oxus.nlp.time.timex import span_period
from tests.nlp.ru.conftest import Analyse

PUBLISHED = "2024-04-15"


@pytest.mark.parametrize(
    ("text", "found", "label", "value"),
    [
        ("Суд состоялся 10 мая 2023 года.", "10 мая 2023 года", "date", "2023-05-10"),
        ("Его задержали 3 марта 2021 г. в Оше.", "3 марта 2021 г.", "date", "2021-03-03"),
        ("Лагерь разгромили в мае.", "мае", "date", "2024-05"),
        ("Они бежали в сентябре.", "сентябре", "date", "2023-09"),
        ("Взрыв прогремел в марте прошлого года.", "марте прошлого года", "date", "2023-03"),
        ("Сеть раскрыли в прошлом году.", "прошлом году", "date", "2023"),
        ("Учения прошли в этом году.", "этом году", "date", "2024"),
        ("Закон принят в 2019 году.", "2019 году", "date", "2019"),
        ("Доклад вышел в 2022 г.", "2022 г.", "date", "2022"),
        ("Ячейку ликвидировали в 2023-м.", "2023-м", "date", "2023"),
        ("Это случилось три года назад.", "три года назад", "date", "2021"),
        ("Встреча прошла вчера.", "вчера", "date", "2024-04-14"),
        ("Приговор огласили 05.02.2020 в Душанбе.", "05.02.2020", "date", "2020-02-05"),
        ("Она прибыла на прошлой неделе.", "прошлой неделе", "date", "2024-04"),
    ],
)
def test_points_in_time(text: str, found: str, label: str, value: str) -> None:
    matches = match_dates(text, PUBLISHED)
    assert [(text[m.start : m.end], m.label, m.value) for m in matches] == [(found, label, value)]


def test_periods_and_their_ends() -> None:
    text = "Группа действовала с 2015 по 2018 год, а с мая 2019 года её запретили до 2030 года."
    found = {text[m.start : m.end]: (m.label, m.period) for m in match_dates(text, PUBLISHED)}
    assert found["с 2015 по 2018 год"] == ("period", Period("2015", "2018"))
    assert found["с мая 2019 года"] == ("since", Period(start="2019-05"))
    assert found["до 2030 года"] == ("until", Period(end="2030"))


def test_a_count_is_not_a_year() -> None:
    assert match_dates("В лагере было 2000 боевиков, статья 2015 не применялась.", PUBLISHED) == []


def test_without_a_publication_date_relative_expressions_stay_unresolved() -> None:
    assert match_dates("Сеть раскрыли в прошлом году.", None) == []


def test_dates_land_on_the_doc(analyse: Analyse) -> None:
    doc = analyse("В 2023 году группа выросла. В феврале боевики напали на пост с 2021 года.")
    spans = {s.text: (s.label_, s._.date) for s in doc.spans[DATES]}
    assert spans["2023 году"] == ("date", "2023")
    assert spans["феврале"] == ("date", "2023-02")  # the narrative's year, not publication's
    since = next(s for s in doc.spans[DATES] if s.label_ == "since")
    assert span_period(since) == Period(start="2021")
