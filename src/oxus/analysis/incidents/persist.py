"""Linking the whole store and keeping the result: after ingest, and whenever facts change.

Incidents are derived data: every run recomputes them from the events, the place
hierarchy and the analyst's decisions, and replaces the stored ones in one
transaction. A fingerprint of what they were computed from (events, merges, reviews
and decisions, all of which leave an audit row or change the events) tells readers
whether they are current; :func:`ensure_incidents` relinks only when it changed.
"""

from __future__ import annotations

import json
import threading
import time
import weakref
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, select

from oxus.analysis.incidents.consensus import consensus
from oxus.analysis.incidents.constraints import Constraints, Decision
from oxus.analysis.incidents.linker import Draft, link_events
from oxus.analysis.incidents.places import PlaceTree
from oxus.analysis.incidents.records import load_event_records
from oxus.analysis.incidents.rules import LinkRules, default_rules
from oxus.analysis.incidents.summary import dump_summary
from oxus.analysis.refs import Resolver
from oxus.store import Store, schema
from oxus.store.derived import read_state, write_state
from oxus.store.engine import write_transaction
from oxus.store.writer import insert_rows

STATE_KEY = "incidents"
_locks: weakref.WeakKeyDictionary[Store, threading.Lock] = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


@dataclass
class LinkReport:
    """What a linking run made: incidents, the events in them, and how long it took."""

    events: int
    incidents: int
    multi_report: int
    seconds: float


def fingerprint(conn: Connection, rules: LinkRules | None = None) -> str:
    """A cheap summary of everything incidents depend on, the linking rules included."""
    ev, au, en = schema.events, schema.audit, schema.entities
    row = conn.execute(
        select(
            select(func.count()).select_from(ev).scalar_subquery(),
            select(func.max(ev.c.id)).scalar_subquery(),
            select(func.max(au.c.id)).scalar_subquery(),
            select(func.count())
            .select_from(en)
            .where(en.c.merged_into.is_not(None))
            .scalar_subquery(),
        )
    ).one()
    return json.dumps([*row, (rules or default_rules()).digest()])


def load_decisions(conn: Connection) -> list[Decision]:
    d = schema.incident_decisions
    return [
        Decision(row.id, row.kind, json.loads(row.events), json.loads(row.others or "[]"))
        for row in conn.execute(select(d).where(d.c.status == "active").order_by(d.c.id))
    ]


def incident_id(draft: Draft) -> str:
    """A readable id from the incident's earliest report: document, sentence start, type."""
    first = min(draft.members, key=lambda e: (e.published or "~", e.key))
    document, _, rest = first.key.partition(":")
    start = rest.split("-", 1)[0]
    number = first.key.partition("#")[2]
    return f"{document}-{start}-{first.type}" + (f"-{number}" if number else "")


def relink(store: Store, *, rules: LinkRules | None = None) -> LinkReport:
    """Recompute every incident from the stored events and the analyst's decisions."""
    started = time.perf_counter()
    rules = rules or default_rules()
    # Read and written holding the write lock: a relink that read the events before
    # another process saved its own must not overwrite that process's incidents.
    with write_transaction(store.engine, exclusive=True) as conn:
        resolver = Resolver(conn)
        tree = PlaceTree.load(conn, resolver, near_km=rules.places["near_km"])
        events = load_event_records(conn, resolver)
        constraints = Constraints.from_decisions(load_decisions(conn))
        drafts = link_events(events, tree, rules, constraints)
        _write(conn, drafts, tree)
        write_state(conn, STATE_KEY, fingerprint(conn, rules))
    multi = sum(1 for d in drafts if len({e.document_id for e in d.members}) > 1)
    return LinkReport(len(events), len(drafts), multi, time.perf_counter() - started)


def _write(conn: Connection, drafts: list[Draft], tree: PlaceTree) -> None:
    conn.execute(delete(schema.incident_events))
    conn.execute(delete(schema.incidents))
    incident_rows, member_rows = [], []
    for draft in drafts:
        number = incident_id(draft)
        summary = consensus(draft.members, tree)
        ordered = sorted(draft.members, key=lambda e: (e.published or "~", e.document_id, e.id))
        documents = list(dict.fromkeys(e.document_id for e in ordered))
        incident_rows.append(
            {
                "id": number,
                "type": summary.type,
                "date": summary.date,
                "location_id": summary.location,
                "sort_date": summary.date or summary.first_reported,
                "reports": len(draft.members),
                "documents": len(documents),
                "summary": dump_summary(summary, documents),
            }
        )
        scores = {event.id: score for event, score in zip(draft.members, draft.scores, strict=True)}
        member_rows += [
            {"event_id": event.id, "incident_id": number, "score": scores[event.id], "position": n}
            for n, event in enumerate(ordered)
        ]
    insert_rows(conn, schema.incidents, incident_rows)
    insert_rows(conn, schema.incident_events, member_rows)


def _lock(store: Store) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(store, threading.Lock())


def is_current(store: Store) -> bool:
    with store.engine.connect() as conn:
        return read_state(conn, STATE_KEY) == fingerprint(conn)


def ensure_incidents(store: Store) -> LinkReport | None:
    """Relink if the facts changed since incidents were last computed; else do nothing."""
    if is_current(store):
        return None
    with _lock(store):
        if is_current(store):
            return None
        return relink(store)
