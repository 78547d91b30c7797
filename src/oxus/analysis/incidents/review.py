"""What the review queue shows about incidents: links worth checking, and decisions taken.

An analyst should look first at incidents whose reports disagree (two tolls, two
dates) and at the weakest links (reports joined on least evidence), and be able to
undo any join or split.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from oxus.analysis.incidents.decisions import DecisionRecord, decisions
from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.views import Incident, build_incidents
from oxus.analysis.refs import Resolver
from oxus.store import Store, schema

CHECK_LIMIT = 20


@dataclass
class IncidentReview:
    to_check: list[Incident]
    weakest: dict[str, float]
    """{incident id: the lowest score that joined a report to it}."""
    decisions: list[DecisionRecord]


def incident_review(store: Store, *, limit: int = CHECK_LIMIT) -> IncidentReview:
    """Incidents of several reports, weakest links first, and the latest decisions."""
    ensure_incidents(store)
    i, ie = schema.incidents, schema.incident_events
    weakest = func.min(ie.c.score).label("weakest")
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(i.c.id, weakest)
            .join(ie, ie.c.incident_id == i.c.id)
            .where(i.c.reports > 1)
            .group_by(i.c.id)
            .order_by(weakest, i.c.id)
            .limit(limit)
        ).all()
        resolver = Resolver(conn)
        found = build_incidents(conn, resolver, [r.id for r in rows])
    found.sort(key=lambda incident: not incident.disagreements)
    return IncidentReview(
        to_check=found,
        weakest={r.id: float(r.weakest) for r in rows if r.weakest is not None},
        decisions=decisions(store, limit=limit),
    )
