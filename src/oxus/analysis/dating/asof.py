"""Relations as reported up to a date: which held then, by the statements dated so far.

A statement counts from the date it speaks of. A relation holds on a date when a
statement up to then affirms it and no later statement up to then ends it: as of
2015-01-01 a leader named in 2021 is not yet known; as of 2024 one said to have led
"until his death in 2021" no longer leads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from oxus.analysis.dating.periods import statement_dates
from oxus.analysis.refs import Resolver, until_bound
from oxus.model import Predicate
from oxus.store import schema


@dataclass
class HeldRelation:
    """A relation that held on the date asked about, with how it is known."""

    subject: str
    predicate: str
    object: str
    sentences: int
    denied: int
    first_seen: str | None
    last_affirmed: str


def relations_as_of(
    conn: Connection,
    resolver: Resolver,
    as_of: str,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[HeldRelation]:
    """Relations (ids resolved through merges) that held on ``as_of`` by the statements."""
    r, t, d = schema.relations, schema.relation_times, schema.documents
    start, end, ends = statement_dates()
    bound = until_bound(as_of)
    affirmed = r.c.polarity == "affirmed"
    known = case((ends, func.coalesce(start, end)), else_=start)
    query = (
        select(
            r.c.subject_id,
            r.c.predicate,
            r.c.object_id,
            func.count().label("n"),
            func.sum(case((r.c.polarity == "denied", 1), else_=0)).label("denied"),
            func.min(case((affirmed, start))).label("first_seen"),
            func.max(case((and_(affirmed, start <= bound), start))).label("affirmed"),
            func.max(case((and_(affirmed, ends, end <= bound), end))).label("ended"),
        )
        .join(d, d.c.id == r.c.document_id)
        .outerjoin(t, t.c.relation_id == r.c.id)
        .where(r.c.review != "rejected", known <= bound, *where)
        .group_by(r.c.subject_id, r.c.predicate, r.c.object_id)
    )
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in conn.execute(query):
        subject, obj = resolver(row.subject_id) or "", resolver(row.object_id) or ""
        if not subject or not obj or subject == obj:
            continue
        if Predicate(row.predicate).symmetric and obj < subject:
            subject, obj = obj, subject
        item = merged.setdefault(
            (subject, row.predicate, obj),
            {"n": 0, "denied": 0, "first_seen": None, "affirmed": None, "ended": None},
        )
        item["n"] += row.n
        item["denied"] += row.denied or 0
        for name, pick in (("first_seen", min), ("affirmed", max), ("ended", max)):
            values = [v for v in (item[name], getattr(row, name)) if v]
            item[name] = pick(values) if values else None
    return [
        HeldRelation(s, p, o, v["n"], v["denied"], v["first_seen"], v["affirmed"])
        for (s, p, o), v in merged.items()
        if v["affirmed"] and (v["ended"] is None or v["affirmed"] > v["ended"])
    ]


DEFAULT_FIRST_YEAR = 2000


def first_year(conn: Connection) -> int:
    """The year of the earliest publication in the store: where an "as of" slider starts."""
    earliest = conn.execute(select(func.min(schema.documents.c.published))).scalar()
    try:
        return int(str(earliest)[:4]) if earliest else DEFAULT_FIRST_YEAR
    except ValueError:
        return DEFAULT_FIRST_YEAR
