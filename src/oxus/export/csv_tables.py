"""CSV: a folder with one table per fact kind, each fact row with its evidence and source.

``entities.csv``, ``relations.csv`` (one row per evidence sentence, with the claim's
document count and when the relation was first and last seen), ``events.csv`` (each with
the incident it reports), ``incidents.csv`` and ``estimates.csv``; the columns are
documented in docs/exports.md. Rows are sorted so that two exports of the same store are identical.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from oxus.analysis.claims import ClaimEvidence
from oxus.analysis.dating.periods import Period
from oxus.analysis.incidents.views import Incident
from oxus.export.snapshot import Snapshot, load_snapshot
from oxus.model import COUNT_KEYS
from oxus.store import Store

SOURCE_COLUMNS = [
    "asserted_by_id",
    "asserted_by",
    "polarity",
    "hedged",
    "confidence",
    "document_id",
    "title",
    "outlet",
    "published",
    "start",
    "end",
    "evidence",
]
COLUMNS = {
    "entities": [
        "id",
        "type",
        "name",
        "aliases",
        "status",
        "country",
        "parent",
        "lat",
        "lon",
        "documents",
    ],
    "relations": [
        "subject_id",
        "subject",
        "predicate",
        "object_id",
        "object",
        "claim_documents",
        "role",
        "since",
        "until",
        "claim_first_seen",
        "claim_last_seen",
        "claim_ended",
        *SOURCE_COLUMNS,
    ],
    "events": [
        "incident",
        "type",
        "date",
        "location_id",
        "location",
        "agents",
        "targets",
        "killed",
        "wounded",
        "arrested",
        "cases",
        "participants",
        *SOURCE_COLUMNS,
    ],
    "incidents": [
        "id",
        "type",
        "date",
        "location_id",
        "place",
        "agents",
        "targets",
        "killed",
        "wounded",
        "arrested",
        "cases",
        "participants",
        "disagreements",
        "reports",
        "documents",
        "first_reported",
        "last_reported",
    ],
    "estimates": [
        "subject_id",
        "subject",
        "measure",
        "qualifier",
        "low",
        "high",
        "as_of",
        *SOURCE_COLUMNS,
    ],
}


def _source(ev: ClaimEvidence) -> dict[str, Any]:
    return {
        "asserted_by_id": ev.asserted_by.id if ev.asserted_by else "",
        "asserted_by": ev.asserted_by.name if ev.asserted_by else "",
        "polarity": ev.polarity,
        "hedged": ev.hedged,
        "confidence": ev.confidence,
        "document_id": ev.document_id,
        "title": ev.title or "",
        "outlet": ev.outlet or "",
        "published": ev.published or "",
        "start": ev.start,
        "end": ev.end,
        "evidence": ev.text,
    }


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def tables(snapshot: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table, in a stable order."""
    documents: Counter[str] = Counter()
    for item in snapshot.support().values():
        documents.update(item.entities)
    entities = [
        {
            "id": e.id,
            "type": e.type.value,
            "name": e.name,
            "aliases": json.dumps(e.aliases, ensure_ascii=False),
            "status": e.status,
            "country": e.country or "",
            "parent": e.parent or "",
            "lat": "" if e.lat is None else e.lat,
            "lon": "" if e.lon is None else e.lon,
            "documents": documents.get(e.id, 0),
        }
        for e in snapshot.entities.values()
    ]
    incident_of = snapshot.incident_of()
    empty = Period()
    relations = [
        {
            "subject_id": c.subject.id,
            "subject": c.subject.name,
            "predicate": c.predicate,
            "object_id": c.object.id,
            "object": c.object.name,
            "claim_documents": len(c.documents),
            "role": ev.role or "",
            "since": ev.since or "",
            "until": ev.until or "",
            "claim_first_seen": snapshot.periods.get(c.key, empty).first_seen or "",
            "claim_last_seen": snapshot.periods.get(c.key, empty).last_seen or "",
            "claim_ended": snapshot.periods.get(c.key, empty).ended or "",
            **_source(ev),
        }
        for c in sorted(snapshot.relations, key=lambda c: c.key)
        for ev in c.evidence
    ]
    events = [
        {
            "incident": incident_of.get(e.fact_id, ""),
            "type": e.type,
            "date": e.date or "",
            "location_id": e.location.id if e.location else "",
            "location": e.location.name if e.location else "",
            "agents": "; ".join(a.name for a in e.agents),
            "targets": "; ".join(t.name for t in e.targets),
            **{key: e.counts.get(key, "") for key in COUNT_KEYS},
            **_source(e.evidence),
        }
        for e in snapshot.events
    ]
    estimates = [
        {
            "subject_id": s.subject.id,
            "subject": s.subject.name,
            "measure": s.measure,
            "qualifier": p.qualifier,
            "low": _number(p.low),
            "high": _number(p.high),
            "as_of": p.as_of or "",
            **_source(p.evidence),
        }
        for s in snapshot.estimates
        for p in s.points
    ]
    incidents = [incident_row(i) for i in snapshot.incidents]
    return {
        "entities": entities,
        "relations": relations,
        "events": events,
        "incidents": incidents,
        "estimates": estimates,
    }


def incident_row(incident: Incident) -> dict[str, Any]:
    """One incident: best-supported values; disagreements as "killed: 146 (a010) / 143 (n226)"."""
    disagreements = "; ".join(
        f"{d.field}: " + " / ".join(f"{v.label} ({' '.join(v.documents)})" for v in d.values)
        for d in incident.disagreements
    )
    return {
        "id": incident.id,
        "type": incident.type,
        "date": incident.date or "",
        "location_id": incident.location.id if incident.location else "",
        "place": incident.place_label,
        "agents": "; ".join(a.name for a in incident.agents),
        "targets": "; ".join(t.name for t in incident.targets),
        **{key: incident.counts.get(key, "") for key in COUNT_KEYS},
        "disagreements": disagreements,
        "reports": len(incident.reports),
        "documents": " ".join(incident.documents),
        "first_reported": incident.first_reported or "",
        "last_reported": incident.last_reported or "",
    }


def write_csv_folder(store: Store, folder: Path) -> dict[str, int]:
    """Write the tables into ``folder`` (created if missing); return row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in tables(load_snapshot(store)).items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name])
            writer.writeheader()
            writer.writerows(rows)
        counts[name] = len(rows)
    return counts
