"""Alerts: the new facts about what is watched, newest first, each with its document and sentence.

One fact that concerns two watched things (a group and the country it struck) is one
alert naming both. Each alert reads as a line an analyst can scan ("attack by Jamaat
Ansarullah in Badakhshan, 2023-09") and links to the sentence that states it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select

from oxus.analysis.refs import Resolver, evidence_columns
from oxus.errors import StoreError
from oxus.store import Store, schema
from oxus.store.chunks import chunks

DEFAULT_LIMIT = 200
FACT_TABLES: dict[str, Table] = {
    "relation": schema.relations,
    "event": schema.events,
    "estimate": schema.estimates,
}


@dataclass
class Alert:
    """A fact about something watched, recorded when its document was stored."""

    id: int
    fingerprint: str
    """Stable across re-ingestion of a changed document that still states the fact."""
    created_at: str
    kind: str
    fact_id: int
    summary: str
    lists: list[str]
    watched: list[str]
    """The watched things it concerns (their labels)."""
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    evidence: str
    start: int
    end: int
    source: str = ""
    grade: str = "F"
    asserted_by: str | None = None
    polarity: str = "affirmed"
    hedged: bool = False

    @property
    def href(self) -> str:
        """The document page opened at the sentence, highlighted."""
        span = f"{self.start}-{self.end}"
        return f"/documents/{self.document_id}?hl={span}#ev-{span}"


def list_alerts(
    store: Store,
    *,
    list_name: str | None = None,
    since: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Alert]:
    """Alerts newest first; ``since`` is a date or time (alerts recorded from then on)."""
    al, wl, wi = schema.alerts, schema.watch_lists, schema.watch_items
    with store.engine.connect() as conn:
        if list_name is not None:
            known = conn.execute(select(wl.c.id).where(wl.c.name == list_name)).first()
            if known is None:
                raise StoreError(f"no watch list {list_name!r}")
        query = (
            select(al, wl.c.name.label("list_name"), wi.c.label)
            .join(wl, wl.c.id == al.c.list_id)
            .join(wi, wi.c.id == al.c.item_id)
            .order_by(al.c.created_at.desc(), al.c.id)
        )
        if list_name is not None:
            query = query.where(wl.c.name == list_name)
        if since:
            query = query.where(al.c.created_at >= since)
        grouped: dict[tuple[str, int], list[Any]] = {}
        for row in conn.execute(query):
            key = (row.fact_kind, row.fact_id)
            if key not in grouped and len(grouped) >= limit:
                continue
            grouped.setdefault(key, []).append(row)
        resolver = Resolver(conn)
        facts = _load_facts(conn, resolver, [k for k in grouped])
        alerts = []
        for key, rows in grouped.items():
            fact = facts.get(key)
            if fact is None:
                continue
            first = rows[0]
            alerts.append(_alert(resolver, fact, key, first, rows))
    return alerts


def _load_facts(
    conn: Connection, resolver: Resolver, keys: list[tuple[str, int]]
) -> dict[tuple[str, int], Any]:
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, fact_id in keys:
        by_kind[kind].append(fact_id)
    found: dict[tuple[str, int], Any] = {}
    for kind, fact_ids in by_kind.items():
        table = FACT_TABLES[kind]
        for chunk in chunks(fact_ids):
            for row in conn.execute(
                select(table, *evidence_columns())
                .join(schema.evidence, schema.evidence.c.id == table.c.evidence_id)
                .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
                .where(table.c.id.in_(chunk), table.c.review != "rejected")
            ):
                found[(kind, row.id)] = row
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    event_ids = [i for kind, i in found if kind == "event"]
    p = schema.event_participants
    for chunk in chunks(event_ids):
        for part in conn.execute(select(p).where(p.c.event_id.in_(chunk)).order_by(p.c.position)):
            roles[part.event_id][part.role].append(part.entity_id)
    ids: list[str | None] = []
    for (kind, fact_id), row in found.items():
        ids.append(row.asserted_by)
        if kind == "relation":
            ids += [row.subject_id, row.object_id]
        elif kind == "estimate":
            ids.append(row.subject_id)
        else:
            ids.append(row.location_id)
            ids += roles[fact_id]["agent"] + roles[fact_id]["target"]
    resolver.load(ids)
    for (kind, fact_id), row in found.items():
        if kind == "event":
            found[(kind, fact_id)] = (row, roles[fact_id])
    return found


def _name(resolver: Resolver, entity_id: str | None) -> str:
    ref = resolver.ref(entity_id)
    return ref.name if ref else "?"


def _summary(resolver: Resolver, kind: str, fact: Any) -> str:
    if kind == "relation":
        verb = fact.predicate.replace("_", " ")
        not_ = "not " if fact.polarity == "denied" else ""
        return f"{_name(resolver, fact.subject_id)} {not_}{verb} {_name(resolver, fact.object_id)}"
    if kind == "estimate":
        low, high = fact.low, fact.high
        figure = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        qualifier = fact.qualifier.replace("_", " ")
        return f"{_name(resolver, fact.subject_id)}: {qualifier} {figure} {fact.measure}"
    row, roles = fact
    text = row.type.replace("_", " ")
    agents = dict.fromkeys(_name(resolver, i) for i in roles["agent"])
    targets = dict.fromkeys(_name(resolver, i) for i in roles["target"])
    if agents:
        text += " by " + ", ".join(agents)
    if targets:
        text += " against " + ", ".join(targets)
    if row.location_id:
        text += " in " + _name(resolver, row.location_id)
    counts = json.loads(row.counts or "{}")
    if counts:
        text += " (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")"
    return text + (f", {row.date}" if row.date else "")


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _alert(
    resolver: Resolver, fact: Any, key: tuple[str, int], first: Any, rows: list[Any]
) -> Alert:
    kind, fact_id = key
    row = fact[0] if kind == "event" else fact
    grading = resolver.grading(row, row.asserted_by)
    return Alert(
        id=first.id,
        fingerprint=first.fingerprint,
        created_at=first.created_at,
        kind=kind,
        fact_id=fact_id,
        summary=_summary(resolver, kind, fact),
        lists=sorted({r.list_name for r in rows}),
        watched=sorted({r.label for r in rows}),
        document_id=row.ev_doc,
        title=row.ev_title,
        outlet=row.ev_outlet,
        published=row.ev_published,
        url=row.ev_url,
        evidence=row.ev_text,
        start=row.ev_start,
        end=row.ev_end,
        source=grading.source,
        grade=grading.grade,
        asserted_by=_name(resolver, row.asserted_by) if row.asserted_by else None,
        polarity=getattr(row, "polarity", "affirmed"),
        hedged=bool(row.hedged),
    )


def latest_alert_id(store: Store) -> int:
    """The newest alert's id (0 when none): a mark to count what an ingest adds."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.max(schema.alerts.c.id))).scalar() or 0)


def new_alerts(store: Store, after_id: int) -> int:
    """How many facts were alerted after the alert ``after_id`` (one per fact)."""
    al = schema.alerts
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(al.c.fact_kind, al.c.fact_id).where(al.c.id > after_id).distinct()
        ).all()
    return len(rows)
