"""Resolve a time expression to ISO 8601 at the precision the text gives.

Reports date things relative to when they were published ("last September", "on
Monday", "this year"), so every resolution takes the publication date. A result is
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; what cannot be placed (a decade, a month with
no year and no publication date) resolves to None rather than to a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from oxus.nlp.numbers.parse import load_lexicon, parse_number

YEAR_RE = r"(?<![\d,.$£€])(?:1[89]\d\d|20\d\d)(?!\d|,\d|\.\d|'?s\b)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Period:
    """A stretch of time ("since 2020", "from 2019 to 2021"); either end may be open."""

    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class _Pub:
    year: int
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


@cache
def month_words() -> dict[str, int]:
    """Every month name and abbreviation (lower case) with its number."""
    return {
        word: int(number)
        for number, words in load_lexicon("timex")["months"].items()
        for word in words
    }


def month_regex() -> str:
    words = sorted(month_words(), key=len, reverse=True)
    return r"\b(?:" + "|".join(words) + r")\b\.?"


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """ISO 8601 at the precision given."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def parse_published(published: str | None) -> _Pub | None:
    if not published:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return _Pub(int(year), int(month) if month else None, int(day) if day else None)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _year_offset(text: str) -> int | None:
    """The year offset of "this year" / "last year" / "next year" in text, if any."""
    relative = load_lexicon("timex")["relative"]
    match = re.search(r"\b(\w+) year\b", text)
    if match and match.group(1) in relative:
        return int(relative[match.group(1)])
    return None


def _resolve_month(text: str, month: int, pub: _Pub | None, *, ahead: bool) -> str | None:
    """A month, with a day and a year when the text or the publication date give them."""
    name = month_regex()
    day_match = (
        re.search(rf"\b({DAY_RE})\s+(?:of\s+)?{name}", text)
        or re.search(rf"{name}\s+({DAY_RE})\b(?!\s*(?:,\s*)?\d{{3}})", text)
        or re.search(rf"{name}\s+({DAY_RE})\b(?=\s*,?\s*(?:1[89]|20)\d\d)", text)
    )
    day = int(re.sub(r"\D", "", day_match.group(1))) if day_match else None
    year_match = re.search(YEAR_RE, text)
    if year_match:
        return iso(int(year_match.group()), month, day)
    if pub is None:
        return None
    offset = _year_offset(text)
    if offset is not None:
        return iso(pub.year + offset, month, day)
    before = re.search(rf"\b(\w+)\s+{name}", text)
    relative = load_lexicon("timex")["relative"]
    word = before.group(1) if before else ""
    year = pub.year
    if pub.month is not None:
        # Reports look back: a month more than one ahead of publication is last year's.
        after_pub = month - pub.month > 1
        if word in relative and relative[word] < 0:
            year = pub.year if month < pub.month else pub.year - 1
        elif word in relative and relative[word] > 0:
            year = pub.year if month > pub.month else pub.year + 1
        elif word not in relative and ahead:
            year = pub.year if month >= pub.month else pub.year + 1
        elif word not in relative and after_pub:
            year = pub.year - 1
    return iso(year, month, day)


def _resolve_relative(text: str, pub: _Pub) -> str | None:
    """Expressions that only make sense against the publication date."""
    lex = load_lexicon("timex")
    pub_date = pub.date
    for word, days in lex["deictic_days"].items():
        if re.search(rf"\b{word}\b", text):
            return (pub_date + timedelta(days=days)).isoformat() if pub_date else None
    ago = re.search(r"\b(a few|several|a couple of|\w+(?:-\w+)?)\s+(\w+)\s+ago\b", text)
    if ago and ago.group(2) in lex["ago_units"]:
        count = parse_number(ago.group(1))
        precision = lex["ago_units"][ago.group(2)] if count else "month"
        count = count or 3.0
        unit = ago.group(2).rstrip("s")
        if unit == "year":
            return iso(pub.year - int(count))
        if pub_date is None:
            return iso(*_shift_month(pub.year, pub.month, -int(count))) if pub.month else None
        days = {"day": 1, "week": 7, "month": 30}[unit] * int(count)
        then = pub_date - timedelta(days=days)
        return then.isoformat() if precision == "day" else iso(then.year, then.month)
    weekday = re.search(r"\b(" + "|".join(lex["weekdays"]) + r")\b", text)
    if weekday:
        if pub_date is None:
            return None
        target = lex["weekdays"].index(weekday.group(1))
        back = (pub_date.weekday() - target) % 7
        if back == 0 and re.search(r"\blast\s+\w+day\b", text):
            back = 7
        return (pub_date - timedelta(days=back)).isoformat()
    unit = re.search(r"\b(?:(earlier|later)\s+)?(\w+)\s+(year|month|week)\b", text)
    if unit and unit.group(2) in lex["relative"]:
        offset = int(lex["relative"][unit.group(2)])
        if unit.group(3) == "year":
            return iso(pub.year + offset)
        if pub.month is None:
            return None
        if unit.group(3) == "month":
            return iso(*_shift_month(pub.year, pub.month, offset))
        if pub_date is None:
            return iso(pub.year, pub.month)
        then = pub_date + timedelta(days=7 * offset)
        return iso(then.year, then.month)
    return None


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def resolve_date(text: str, published: str | None, *, ahead: bool = False) -> str | None:
    """The ISO date a time expression names, resolved against the publication date.

    A month without a year is taken as the latest one up to publication, or with
    ``ahead`` (a deadline: "until October 11") as the next one from publication.

    >>> resolve_date("last September", "2024-04")
    '2023-09'
    """
    clean = _normalise(text)
    pub = parse_published(published)
    month = re.search(month_regex(), clean)
    if month:
        number = month_words()[month.group().rstrip(".")]
        return _resolve_month(clean, number, pub, ahead=ahead)
    year = re.search(YEAR_RE, clean)
    if year:
        return iso(int(year.group()))
    if re.search(r"\b(?:1[89]|20)\d0'?s\b", clean) or pub is None:
        return None
    return _resolve_relative(clean, pub)


def resolve_period(text: str, published: str | None) -> Period | None:
    """The period a "since/until/from-to/in the past N years" expression names."""
    clean = _normalise(text)
    lex = load_lexicon("timex")
    pub = parse_published(published)
    past = re.search(r"\b(?:past|last)\s+(\w+(?:-\w+)?)\s+(years|months)\b", clean)
    if past and pub is not None:
        count = int(parse_number(past.group(1)) or 0)
        if past.group(2) == "years":
            return Period(iso(pub.year - count), iso(pub.year))
        if pub.month is not None:
            return Period(iso(*_shift_month(pub.year, pub.month, -count)), iso(pub.year, pub.month))
        return None
    pair = re.search(r"\b(?:from|between)\s+(.+?)\s+(?:to|until|till|through|and)\s+(.+)$", clean)
    pair = pair or re.search(rf"^(?:in\s+)?({YEAR_RE})\s*-\s*((?:1[89]|20)?\d\d)$", clean)
    if pair:
        second = pair.group(2)
        if re.fullmatch(r"\d\d", second):
            second = pair.group(1)[:2] + second
        start, end = resolve_date(pair.group(1), published), resolve_date(second, published)
        if start is None and end is not None:
            start = resolve_date(f"{pair.group(1)} {end[:4]}", published)
        return Period(start, end) if start or end else None
    opener = re.match(r"(\w+)\s+(.+)$", clean)
    if opener and opener.group(1) in lex["since_words"]:
        start = resolve_date(opener.group(2), published)
        return Period(start=start) if start else None
    if opener and opener.group(1) in lex["until_words"]:
        end = resolve_date(opener.group(2), published, ahead=True)
        return Period(end=end) if end else None
    return None
