"""When a relation was seen to hold, over every statement of it, and whether it ended.

``first_seen`` is the earliest date a statement says it held (its ``since``, else the
date its sentence speaks of); ``last_seen`` the latest (its ``until``, else that date).
It *ended* when the latest statement that ends it (an ``until``, "former", "until his
death") is no earlier than the latest that starts or affirms it. Dates compare as ISO
strings, so "2021" sorts before "2021-06": a year counts from its first day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, case, func, select

from oxus.analysis.refs import Resolver
from oxus.model import Predicate
from oxus.store import schema


@dataclass
class Period:
    """The dates statements give for one relation."""

    first_seen: str | None = None
    last_seen: str | None = None
    ended: str | None = None
    """The date by which it ended, when the latest word on it is that it did."""
    cue: str | None = None
    """What said so: "former", "until his death", "until" (a date the text gives)."""
    last_affirmed: str | None = None
    last_ending: str | None = None

    def describe(self) -> str:
        """ "2021-09 – 2023-11-30", or "2012, ended by 2021-03 (former)"."""
        first, last = self.first_seen, self.last_seen
        span = first if first == last or not last else f"{first or '…'} – {last}"
        if self.ended:
            ended = f"ended by {self.ended}" + (f" ({self.cue})" if self.cue else "")
            return f"{span}, {ended}" if span else ended
        return span or ""

    def merge(self, other: Period) -> None:
        self.first_seen = _min(self.first_seen, other.first_seen)
        self.last_seen = _max(self.last_seen, other.last_seen)
        self.last_affirmed = _max(self.last_affirmed, other.last_affirmed)
        if other.last_ending and (not self.last_ending or other.last_ending >= self.last_ending):
            self.last_ending, self.cue = other.last_ending, other.cue
        self._settle()

    def _settle(self) -> None:
        ending = self.last_ending
        open_after = self.last_affirmed is not None and (
            ending is None or self.last_affirmed > ending
        )
        self.ended = None if open_after or ending is None else ending
        if self.first_seen is None and self.ended is None:
            self.first_seen = self.last_affirmed


def _min(a: str | None, b: str | None) -> str | None:
    return min(filter(None, (a, b)), default=None)


def _max(a: str | None, b: str | None) -> str | None:
    return max(filter(None, (a, b)), default=None)


Key = tuple[str, str, str]


def statement_dates() -> tuple[ColumnElement, ColumnElement, ColumnElement]:
    """(start, end, ends) of a relation row, from its dating row or its own fields."""
    r, t, d = schema.relations, schema.relation_times, schema.documents
    ends = func.coalesce(t.c.ends, r.c.until.is_not(None))
    start = case(
        (t.c.relation_id.is_not(None), t.c.start), else_=func.coalesce(r.c.since, d.c.published)
    )
    end = func.coalesce(t.c.end, r.c.until, d.c.published)
    return start, end, ends


def relation_periods(
    conn: Connection, resolver: Resolver, where: Iterable[ColumnElement[bool]] = ()
) -> dict[Key, Period]:
    """{(subject, predicate, object) with ids resolved through merges: its period}.

    Only affirmed statements that were not rejected count; symmetric predicates are
    keyed with the smaller id first, as claims are.
    """
    r, t, d = schema.relations, schema.relation_times, schema.documents
    start, end, ends = statement_dates()
    query = (
        select(
            r.c.subject_id,
            r.c.predicate,
            r.c.object_id,
            func.min(start).label("first_seen"),
            func.max(case((ends, r.c.until), else_=end)).label("last_seen"),
            func.max(case((ends, None), else_=start)).label("last_affirmed"),
            func.max(case((ends, end))).label("last_ending"),
            func.max(case((ends, t.c.cue))).label("cue"),
        )
        .join(d, d.c.id == r.c.document_id)
        .outerjoin(t, t.c.relation_id == r.c.id)
        .where(r.c.review != "rejected", r.c.polarity == "affirmed", *where)
        .group_by(r.c.subject_id, r.c.predicate, r.c.object_id)
    )
    periods: dict[Key, Period] = {}
    for row in conn.execute(query):
        subject, obj = resolver(row.subject_id) or "", resolver(row.object_id) or ""
        if Predicate(row.predicate).symmetric and obj < subject:
            subject, obj = obj, subject
        period = Period(
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            cue=row.cue,
            last_affirmed=row.last_affirmed,
            last_ending=row.last_ending,
        )
        key = (subject, row.predicate, obj)
        if key in periods:
            periods[key].merge(period)
        else:
            period._settle()
            periods[key] = period
    return periods


def entity_periods(conn: Connection, resolver: Resolver, family: list[str]) -> dict[Key, Period]:
    """Periods of every relation with the entity (or an id merged into it) at either end."""
    r = schema.relations
    periods = relation_periods(conn, resolver, [r.c.subject_id.in_(family)])
    periods.update(relation_periods(conn, resolver, [r.c.object_id.in_(family)]))
    return periods
