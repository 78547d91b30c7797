"""An incident's consensus kept with it, so that lists need not read every report.

Linking computes each incident's best-supported values and disagreements once
(:func:`oxus.analysis.incidents.consensus.consensus`) and stores them as JSON in
``incidents.summary``; a page of incidents then reads a few reports of each, however
many documents repeat a syndicated story.
"""

from __future__ import annotations

import json
from typing import Any

from oxus.analysis.incidents.consensus import Consensus, Variant


def dump_summary(summary: Consensus, documents: list[str]) -> str:
    data: dict[str, Any] = {
        "type": summary.type,
        "date": summary.date,
        "location": summary.location,
        "place_path": summary.place_path,
        "agents": summary.agents,
        "targets": summary.targets,
        "counts": summary.counts,
        "disagreements": {
            name: [{"value": v.value, "events": v.events, "documents": v.documents} for v in values]
            for name, values in summary.disagreements.items()
        },
        "first_reported": summary.first_reported,
        "last_reported": summary.last_reported,
        "documents": documents,
    }
    return json.dumps(data, ensure_ascii=False)


def load_summary(text: str) -> tuple[Consensus, list[str]]:
    """The stored consensus and the ids of every document that reports the incident."""
    data = json.loads(text)
    summary = Consensus(
        type=data["type"],
        date=data["date"],
        location=data["location"],
        place_path=data["place_path"],
        agents=data["agents"],
        targets=data["targets"],
        counts=data["counts"],
        disagreements={
            name: [Variant(v["value"], v["events"], v["documents"]) for v in values]
            for name, values in data["disagreements"].items()
        },
        first_reported=data["first_reported"],
        last_reported=data["last_reported"],
    )
    return summary, data["documents"]
