"""Dates at the precision reports give them, as ranges of days that can be compared.

"2024" is any day of 2024, "2024-03" any day of March 2024, "2024-03-22" that day. An
undated event happened on or before its report was published. Two reports can describe
one occurrence only if their ranges overlap.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

EARLIEST = date(1, 1, 1)
LATEST = date(9999, 12, 31)


def precision(value: str | None) -> int:
    """0 for no date, 1 for a year, 2 for a month, 3 for a day."""
    if not value:
        return 0
    return min(3, value.count("-") + 1)


def parse_range(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision can mean (None if unreadable)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")[:3]]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day, day


@dataclass(frozen=True)
class DateSpan:
    """The days an event can have happened on."""

    first: date
    last: date

    @property
    def empty(self) -> bool:
        return self.first > self.last

    def overlaps(self, other: DateSpan) -> bool:
        return self.first <= other.last and other.first <= self.last

    def meet(self, other: DateSpan) -> DateSpan:
        return DateSpan(max(self.first, other.first), min(self.last, other.last))


def event_span(value: str | None, published: str | None, *, tolerance_days: int) -> DateSpan:
    """Days an event dated ``value`` (reported on ``published``) can have happened on.

    A day is widened by ``tolerance_days`` each way (time zones, overnight attacks); an
    undated event happened before publication, if that is known.
    """
    known = parse_range(value)
    if known is not None:
        slack = timedelta(days=tolerance_days) if precision(value) == 3 else timedelta()
        return DateSpan(known[0] - slack, known[1] + slack)
    reported = parse_range(published)
    return DateSpan(EARLIEST, reported[1] if reported else LATEST)


def days_between(earlier: str | None, later: str | None) -> int | None:
    """Days from the first possible day of ``earlier`` to the last of ``later``."""
    a, b = parse_range(earlier), parse_range(later)
    if a is None or b is None:
        return None
    return (b[1] - a[0]).days
