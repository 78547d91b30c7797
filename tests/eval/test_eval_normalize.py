from __future__ import annotations

import pytest

from oxus.eval.normalize import dates_agree, is_iso_date, name_keys, normalize_name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jamaat Ansarullah", "JAMAAT  ANSARULLAH"),
        ("Jamāʻat Ansorullah", "Jamaat Ansorullah"),
        ("Asia-Plus", "Asia Plus"),
        ("Mu'min", "Mumin"),
        ("Mu’min", "Mu'min"),
        ("“Tajik Taliban”", '"Tajik Taliban"'),
        ("U.S.", "US"),
        ("Ўзбекистон", "ўзбекистон"),
        ("Łukasz", "lukasz"),
        ("  Islamic   State\tKhorasan ", "islamic state khorasan"),
        ("Katibat al-Tawhid wal-Jihad", "katibat al tawhid wal jihad"),
    ],
)
def test_same_key(first: str, second: str) -> None:
    assert normalize_name(first) == normalize_name(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Jamaat Ansarullah", "Jamaat Ansorullah"), ("IS", "ISIS"), ("Taliban", "the Taliban")],
)
def test_different_key(first: str, second: str) -> None:
    assert normalize_name(first) != normalize_name(second)


def test_name_keys_drops_empty_and_non_strings() -> None:
    assert name_keys(["Asia-Plus", "--", None, "asia plus"]) == frozenset({"asia plus"})


@pytest.mark.parametrize("value", ["2023", "2023-11", "2023-11-30", "2024-02-29"])
def test_iso_dates(value: str) -> None:
    assert is_iso_date(value)


@pytest.mark.parametrize(
    "value",
    ["23", "2023-13", "2023-11-31", "2023-02-29", "2023/11", "2023-1", "2023\n", 2023, None],
)
def test_not_iso_dates(value: object) -> None:
    assert not is_iso_date(value)


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("2023", "2023-11", True),
        ("2023-11", "2023-11-30", True),
        ("2023-10", "2023-11", False),
        ("2023-11-29", "2023-11-30", False),
        ("2022", "2023-11", False),
        (None, "2023-11", True),
        ("2023", None, True),
        (None, None, True),
    ],
)
def test_dates_agree_at_coarser_precision(
    first: str | None, second: str | None, agree: bool
) -> None:
    assert dates_agree(first, second) is agree
    assert dates_agree(second, first) is agree
