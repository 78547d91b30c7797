"""Russian time expressions in plain text, resolved against the publication date.

"10 мая 2023 года", "в мае", "в марте прошлого года", "в прошлом году", "2023 г.",
"с 2019 по 2021 год", "три года назад", "во вторник": each pattern here finds one kind
and says what it means, as the English resolver does (:mod:`oxus.nlp.time.dates`): a
point (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or a period, relative expressions
placed by the publication date, nothing rather than a guess when it cannot be placed.
Matching runs on the text lower-cased with "ё" as "е" (same length, same offsets).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from oxus.nlp.lang.ru.numbers import parse_number
from oxus.nlp.lang.ru.timex_words import DAY, YEAR, RussianTimeWords, time_words
from oxus.nlp.time.dates import Period, _Pub, iso, parse_published


@dataclass(frozen=True)
class DateMatch:
    """One time expression: where it is, what kind (``date``, ``since``, ``until``,
    ``period``), its ISO value (a period's start, or its end for ``until``) and its
    period when it names one."""

    start: int
    end: int
    label: str
    value: str
    period: Period | None = None
    explicit_year: bool = False


Resolver = Callable[[re.Match[str], _Pub | None, RussianTimeWords], tuple[str, Period | None]]


def _shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _month_year(month: int, pub: _Pub | None, offset: int | None, ahead: bool) -> int | None:
    """The year of a month named without one: by a relative word, else the latest such
    month up to publication (the next one for a deadline)."""
    if pub is None:
        return None
    if offset is not None:
        return pub.year + offset
    if pub.month is None:
        return pub.year
    if ahead:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year - 1 if month - pub.month > 1 else pub.year


def _full_year(text: str | None) -> int | None:
    return int(text) if text else None


def _point(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> str | None:
    """A day, month or year as the groups d, m, y, rel (and ahead) of a match give it."""
    groups = match.groupdict()
    year = _full_year(groups.get("y"))
    month = words.months.get(groups["m"].rstrip(".")) if groups.get("m") else None
    day = int(groups["d"]) if groups.get("d") else None
    if month is None:
        return iso(year) if year else None
    if year is None:
        rel = groups.get("rel")
        year = _month_year(month, pub, words.relative.get(rel) if rel else None, False)
    return iso(year, month, day) if year else None


def _date(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    return _point(match, pub, words) or "", None


def _numeric(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    """ "10.05.2023": day, month, year."""
    day, month, year = int(match.group("d")), int(match.group("mn")), int(match.group("y"))
    return (iso(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else ""), None


YEAR_PREPOSITIONS = re.compile(
    r"(?:^|[\s(«\"])(?:в|во|с|со|до|к|на|за|по|от|после|перед|между|и)\s+$"
)
"""Words before a year written without "год" that make it a year ("в 2023-м")."""


def _year(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    """A year: with "год"/"г." after it, or after a preposition ("в 2023"); a bare
    four-digit number elsewhere is a count ("2000 боевиков")."""
    before = match.string[max(0, match.start() - 20) : match.start()]
    if not match.group("yw") and not YEAR_PREPOSITIONS.search(before):
        return "", None
    word = re.search(r"(\S+)\s+$", before)
    if word and word.group(1).strip(".") in words.not_year_before:
        return "", None
    return iso(int(match.group("y"))), None


def _years(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, Period]:
    first, second = match.group("a"), match.group("b")
    if len(second) == 2:
        second = first[:2] + second
    return first, Period(iso(int(first)), iso(int(second)))


def _past(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, Period]:
    if pub is None:
        return "", Period()
    count = int(parse_number(match.group("n")) or 0)
    if words.units.get(match.group("u")) == "year" or pub.month is None:
        return iso(pub.year - count), Period(iso(pub.year - count), iso(pub.year))
    start = iso(*_shift(pub.year, pub.month, -count))
    return start, Period(start, iso(pub.year, pub.month))


def _relative(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    """ "в прошлом году", "на этой неделе", "в начале прошлого года"."""
    if pub is None:
        return "", None
    offset = words.relative[match.group("rel")]
    unit = words.units.get(match.group("u"), "year")
    if unit == "year":
        return iso(pub.year + offset), None
    if pub.month is None:
        return "", None
    if unit == "month":
        return iso(*_shift(pub.year, pub.month, offset)), None
    if pub.date is None:
        return iso(pub.year, pub.month), None
    then = pub.date + timedelta(days=7 * offset)
    return iso(then.year, then.month), None


def _deictic(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    if pub is None or pub.date is None:
        return "", None
    return (pub.date + timedelta(days=words.deictic[match.group("w")])).isoformat(), None


def _ago(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    if pub is None:
        return "", None
    count = parse_number(match.group("n")) if match.group("n") else None
    unit = words.units[match.group("u")]
    if count is None:
        return "", None
    if unit == "year":
        return iso(pub.year - int(count)), None
    if pub.date is None:
        return "", None
    days = {"day": 1, "week": 7, "month": 30}[unit] * int(count)
    then = pub.date - timedelta(days=days)
    return (then.isoformat() if unit == "day" else iso(then.year, then.month)), None


def _weekday(match: re.Match[str], pub: _Pub | None, words: RussianTimeWords) -> tuple[str, None]:
    if pub is None or pub.date is None:
        return "", None
    back = (pub.date.weekday() - words.weekdays[match.group("wd")]) % 7
    if back == 0 and match.group("rel"):
        back = 7
    return (pub.date - timedelta(days=back)).isoformat(), None


@cache
def _patterns() -> list[tuple[re.Pattern[str], str, Resolver]]:
    """(regex, label, resolver), most specific first."""
    w = time_words()
    month, yw, rel, part = w.month_re, w.year_word_re, w.relative_re, w.part_re
    unit, number = w.unit_re, r"\d+|[а-я]+"
    specs: list[tuple[str, str, Resolver]] = [
        (rf"\b(?:с|со)\s+(?P<a>{YEAR})(?:\s*{yw})?\s+(?:по|до)\s+(?P<b>{YEAR})(?:\s*{yw})?",
         "period", _years),
        (rf"(?P<a>{YEAR})\s*[-–—]\s*(?P<b>{YEAR}|\d\d(?!\d))(?:\s*{yw})?", "period", _years),
        (rf"\b(?:за|в)\s+(?:последние|прошедшие)\s+(?P<n>{number})\s+(?P<u>{unit})",
         "period", _past),
        (rf"\b(?P<d>{DAY})(?:-?(?:го|е))?\s+(?P<m>{month})(?:\s+(?P<y>{YEAR})(?:\s*{yw})?)?",
         "date", _date),
        (r"\b(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b", "date", _numeric),
        (rf"(?:\b{part}\s+)?\b(?P<m>{month})(?:\s+(?:(?P<y>{YEAR})(?:\s*{yw})?"
         rf"|(?P<rel>{rel})\s+{yw}))?", "date", _date),
        (rf"(?:\b{part}\s+)?(?P<y>{YEAR})(?:-?(?:м|й|го|е)\b)?(?:\s*(?P<yw>{yw}))?",
         "date", _year),
        (rf"(?:\b{part}\s+)?\b(?P<rel>{rel})\s+(?P<u>{unit})", "date", _relative),
        (rf"\b(?P<w>{w.deictic_re})", "date", _deictic),
        (rf"\b(?:(?P<n>{number})\s+)?(?P<u>{unit})\s+(?:тому\s+)?назад\b", "date", _ago),
        (rf"\b(?:в|во)\s+(?:(?P<rel>{rel})\s+)?(?P<wd>{w.weekday_re})", "date", _weekday),
    ]  # fmt: skip
    return [(re.compile(regex), label, resolver) for regex, label, resolver in specs]


def plain_text(text: str) -> str:
    """Lower case with "ё" as "е", offsets unchanged."""
    return text.lower().replace("ё", "е")


OPENER = re.compile(r"(?:^|[\s(«\"])(?P<w>начиная\s+со?|со?|до|по)\s+$")
"""A word before a date that opens a period: since ("с мая"), until ("до 2025 года")."""


def match_dates(text: str, published: str | None) -> list[DateMatch]:
    """Every resolvable time expression of ``text``, non-overlapping, in text order."""
    lowered = plain_text(text)
    pub = parse_published(published)
    words = time_words()
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for regex, label, resolver in _patterns():
        for match in regex.finditer(lowered):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            value, period = resolver(match, pub, words)
            if not value:
                continue
            explicit = bool(match.groupdict().get("y") or match.groupdict().get("a"))
            found.append(_opened(lowered, match, label, value, period, explicit, published))
            taken.append((found[-1].start, found[-1].end))
    return sorted(found, key=lambda m: m.start)


def _opened(
    lowered: str,
    match: re.Match[str],
    label: str,
    value: str,
    period: Period | None,
    explicit: bool,
    published: str | None,
) -> DateMatch:
    """The date as found, or extended over an opening "с"/"до" and labelled a period's
    start (``since``) or end (``until``); a deadline's month looks ahead."""
    window_start = max(0, match.start() - 16)
    opener = OPENER.search(lowered[window_start : match.start()])
    if label != "date" or opener is None:
        if period is not None and label == "period":
            value = period.end or period.start or value
        return DateMatch(match.start(), match.end(), label, value, period, explicit)
    start = window_start + opener.start("w")
    if opener.group("w").startswith(("до", "по")):
        value = resolve_month_ahead(match.group(), published) or value
        return DateMatch(start, match.end(), "until", value, Period(end=value), explicit)
    return DateMatch(start, match.end(), "since", value, Period(start=value), explicit)


def resolve_month_ahead(text: str, published: str | None) -> str | None:
    """A deadline's date ("до 10 октября"): a month without a year is the next one."""
    pub = parse_published(published)
    words = time_words()
    for match in _patterns()[3][0].finditer(plain_text(text)):
        month = words.months.get(match.group("m").rstrip("."))
        if month is None:
            continue
        year = _full_year(match.group("y")) or _month_year(month, pub, None, True)
        return iso(year, month, int(match.group("d"))) if year else None
    return None


def resolve_period(text: str, published: str | None) -> Period | None:
    """The period a Russian expression names ("с 2015 года", "в 2019-2021 годах")."""
    found = match_dates(text, published)
    return found[0].period if found and found[0].label != "date" else None
