from __future__ import annotations

import datetime as dt

import pytest

from oxus.ingest import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-30", "2023-11-30"),
        ("2023-11", "2023-11"),
        ("2023", "2023"),
        ("2023-1-5", "2023-01-05"),
        ("30 November 2023", "2023-11-30"),
        ("1st March 2022", "2022-03-01"),
        ("Nov 30, 2023", "2023-11-30"),
        ("November 30 2023", "2023-11-30"),
        ("Sept. 9, 2023", "2023-09-09"),
        ("November 2023", "2023-11"),
        ("2023-11-30T08:15:00Z", "2023-11-30"),
        ("2023-11-30 23:59:00+05:00", "2023-11-30"),
        ("Thu, 30 Nov 2023 08:00:00 +0000", "2023-11-30"),
        ("Thursday, November 30, 2023, 10:00 AM", "2023-11-30"),
        ("2023/11/30", "2023-11-30"),
        ("30.11.2023", "2023-11-30"),
        ("30 ноября 2023 г.", "2023-11-30"),
        ("май 2021", "2021-05"),
        ('"2023-11-30"', "2023-11-30"),
        (dt.date(2023, 11, 30), "2023-11-30"),
        (dt.datetime(2023, 11, 30, 8, 0), "2023-11-30"),
        (2015, "2015"),
    ],
)
def test_accepted_forms(value: object, expected: str) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "unknown", "n.d.", "yesterday", "2023-13", "2023-02-30", "31 Smarch 2023", 3.5],
)
def test_unknown_or_invalid_is_none(value: object) -> None:
    assert normalize_date(value) is None
