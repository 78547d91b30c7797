"""Publication dates: any common written form -> ISO 8601 at the precision given.

Front matter, HTML metadata, feed entries and PDF info dictionaries write dates in
many ways; the rest of oxus only sees ``2023``, ``2023-11`` or ``2023-11-30``, so that
relative dates in the text ("last Tuesday") can be resolved against them. A datetime
keeps its calendar date as written (no time-zone shift). Anything unparseable is None.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    # English (first three letters are enough: "Sept", "September", "Sep.").
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Russian, nominative and genitive ("ноябрь", "30 ноября").
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?", re.ASCII)
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})(?:/(\d{1,2}))?", re.ASCII)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_TIME_TAIL = re.compile(r",?\s+\d{1,2}:\d{2}.*$")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d]+)\.?,?\s+(\d{4})(?:\s*г\.?)?")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([^\W\d]+)\.?,?\s+(\d{4})(?:\s*г\.?)?")
_MISSING = frozenset({"", "unknown", "none", "null", "n/a", "n.d.", "nd", "undated"})


def normalize_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None if unknown."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int) and not isinstance(value, bool):
        return _iso(value, None, None)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).strip(" \"'")
    if text.lower() in _MISSING:
        return None
    return _numeric(text) or _written(text)


def _numeric(text: str) -> str | None:
    if match := _ISO.fullmatch(text) or _SLASHED.fullmatch(text):
        year, month, day = match.groups()
        return _iso(int(year), int(month) if month else None, int(day) if day else None)
    if match := _DOTTED.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return _iso(year, month, day)
    return None


def _written(text: str) -> str | None:
    text = _TIME_TAIL.sub("", _WEEKDAY.sub("", text)).strip()
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
        return _with_month(year, month, day)
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = match.groups()
        return _with_month(year, month, day)
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = match.groups()
        return _with_month(year, month, None)
    return None


def _with_month(year: str, month_name: str, day: str | None) -> str | None:
    month = _MONTHS.get(month_name[:3].lower())
    if month is None:
        return None
    return _iso(int(year), month, int(day) if day else None)


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    """Format at the given precision, or None if the calendar date does not exist."""
    if month is None:
        return f"{year:04d}" if 1 <= year <= 9999 else None
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"
