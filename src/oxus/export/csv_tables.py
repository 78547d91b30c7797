"""CSV: a folder with one table per fact kind, each fact row with its evidence and source.

``entities.csv``, ``relations.csv`` (one row per evidence sentence, with the claim's
document count), ``events.csv`` and ``estimates.csv``; the columns are documented in
docs/exports.md. Rows are sorted so that two exports of the same store are identical.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from oxus.analysis.claims import ClaimEvidence
from oxus.export.snapshot import Snapshot, load_snapshot
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
        *SOURCE_COLUMNS,
    ],
    "events": [
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
            **_source(ev),
        }
        for c in sorted(snapshot.relations, key=lambda c: c.key)
        for ev in c.evidence
    ]
    events = [
        {
            "type": e.type,
            "date": e.date or "",
            "location_id": e.location.id if e.location else "",
            "location": e.location.name if e.location else "",
            "agents": "; ".join(a.name for a in e.agents),
            "targets": "; ".join(t.name for t in e.targets),
            **{key: e.counts.get(key, "") for key in COLUMNS["events"][6:11]},
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
    return {"entities": entities, "relations": relations, "events": events, "estimates": estimates}


def write_csv_folder(store: Store, folder: Path) -> dict[str, int]:
    """Write the four tables into ``folder`` (created if missing); return row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in tables(load_snapshot(store)).items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name])
            writer.writeheader()
            writer.writerows(rows)
        counts[name] = len(rows)
    return counts
