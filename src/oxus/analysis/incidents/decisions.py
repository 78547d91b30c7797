"""The analyst's corrections to linking: join incidents, split reports off, undo either.

A decision is kept as the stable keys of the events it concerns (document, sentence,
type), applied as a constraint every time linking runs, and audited. Undoing one marks
it undone (it stays in the record) and relinks, which restores what linking alone gives.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from oxus.analysis.incidents.persist import ensure_incidents, relink
from oxus.analysis.incidents.records import load_event_records
from oxus.analysis.refs import Resolver
from oxus.errors import NotFound, StoreError
from oxus.store import Store, schema
from oxus.store.curation import record_audit
from oxus.store.repository import now


@dataclass
class DecisionRecord:
    id: int
    kind: str
    events: list[str]
    others: list[str]
    status: str
    actor: str
    at: str


def _keys(conn: Connection, incident_id: str) -> dict[int, str]:
    """{event id: key} of an incident's reports."""
    ie = schema.incident_events
    ids = list(conn.execute(select(ie.c.event_id).where(ie.c.incident_id == incident_id)).scalars())
    if not ids:
        raise NotFound(f"no incident {incident_id!r}")
    return {r.id: r.key for r in load_event_records(conn, Resolver(conn), ids)}


def _incident_of(conn: Connection, key_event: int) -> str:
    ie = schema.incident_events
    return str(
        conn.execute(select(ie.c.incident_id).where(ie.c.event_id == key_event)).scalar_one()
    )


def _record(conn: Connection, kind: str, events: list[str], others: list[str], actor: str) -> int:
    d = schema.incident_decisions
    result = conn.execute(
        d.insert().values(
            kind=kind,
            events=json.dumps(events),
            others=json.dumps(others),
            status="active",
            actor=actor,
            at=now(),
        )
    )
    return int((result.inserted_primary_key or (0,))[0])


def join_incidents(store: Store, incident_ids: Sequence[str], *, actor: str = "cli") -> str:
    """Make these incidents one, for good; return the id of the joined incident."""
    wanted = list(dict.fromkeys(incident_ids))
    if len(wanted) < 2:
        raise StoreError("name at least two different incidents to join")
    ensure_incidents(store)
    with store.engine.begin() as conn:
        members = {incident: _keys(conn, incident) for incident in wanted}
        keys = [key for found in members.values() for key in found.values()]
        first_event = next(iter(members[wanted[0]]))
        number = _record(conn, "join", keys, [], actor)
        record_audit(conn, actor, "incident-join", "+".join(wanted), decision=number)
    relink(store)
    with store.engine.connect() as conn:
        return _incident_of(conn, first_event)


def split_incident(
    store: Store, incident_id: str, event_ids: Sequence[int], *, actor: str = "cli"
) -> str:
    """Take these reports out of the incident into one of their own; return its id."""
    ensure_incidents(store)
    with store.engine.begin() as conn:
        members = _keys(conn, incident_id)
        moved = [members[e] for e in dict.fromkeys(event_ids) if e in members]
        if len(moved) != len(set(event_ids)):
            missing = sorted(set(event_ids) - set(members))
            raise StoreError(f"incident {incident_id!r} has no report {missing}")
        rest = [key for key in members.values() if key not in moved]
        if not moved or not rest:
            raise StoreError("a split needs some of the incident's reports, not all of them")
        number = _record(conn, "split", moved, rest, actor)
        record_audit(conn, actor, "incident-split", incident_id, decision=number, moved=moved)
    relink(store)
    with store.engine.connect() as conn:
        return _incident_of(conn, next(e for e in event_ids if e in members))


def undo_decision(store: Store, decision_id: int, *, actor: str = "cli") -> None:
    """Withdraw a join or split; linking alone decides again."""
    d = schema.incident_decisions
    with store.engine.begin() as conn:
        done = conn.execute(
            update(d).where(d.c.id == decision_id, d.c.status == "active").values(status="undone")
        )
        if done.rowcount == 0:
            raise StoreError(f"no active incident decision {decision_id}")
        record_audit(conn, actor, "incident-undo", f"decision:{decision_id}")
    relink(store)


def decisions(store: Store, *, limit: int = 50) -> list[DecisionRecord]:
    """The latest decisions, active and undone, newest first."""
    d = schema.incident_decisions
    with store.engine.connect() as conn:
        rows = conn.execute(select(d).order_by(d.c.id.desc()).limit(limit)).all()
    return [
        DecisionRecord(
            r.id,
            r.kind,
            json.loads(r.events),
            json.loads(r.others or "[]"),
            r.status,
            r.actor,
            r.at,
        )
        for r in rows
    ]
