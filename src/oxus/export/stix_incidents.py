"""STIX for incidents: one occurrence as a ``grouping`` of the incident objects of its reports.

Each report of an occurrence is exported as an ``incident`` (``stix_objects``); the
grouping ties them together with the place and participants, and carries the
best-supported values and the disagreements between reports in ``x_oxus_incident``, and
what the occurrence is worth across its graded sources (``confidence``, ``x_oxus_grading``).
"""

from __future__ import annotations

from typing import Any

import stix2

from oxus.analysis.incidents.views import Incident
from oxus.export.stix_objects import EXTENSIONS, grading_json, stix_id, timestamp


def incident_grouping(incident: Incident, members: list[str], refs: dict[str, str]) -> Any:
    """One occurrence as a STIX grouping of the incident objects of its reports."""
    named = [incident.location, *incident.agents, *incident.targets]
    context_refs = [refs[e.id] for e in named if e is not None and e.id in refs]
    where = f" at {incident.location.name}" if incident.location else ""
    when = f" ({incident.date})" if incident.date else ""
    credence = incident.credence
    return stix2.v21.Grouping(
        id=stix_id("grouping", incident.id),
        created=timestamp(incident.first_reported),
        modified=timestamp(incident.last_reported),
        name=f"{incident.type.replace('_', ' ')}{where}{when}",
        description=f"One occurrence reported by {len(incident.documents)} document(s)"
        f" ({credence.code}).",
        context="suspicious-activity",
        object_refs=sorted(set(members)) + sorted(set(context_refs) - set(members)),
        confidence=round(credence.confidence * 100),
        x_oxus_grading=grading_json(credence),
        x_oxus_incident={
            "id": incident.id,
            "type": incident.type,
            "date": incident.date,
            "location": incident.location.id if incident.location else None,
            "counts": incident.counts,
            "disagreements": [
                {
                    "field": d.field,
                    "values": [{"value": v.label, "documents": v.documents} for v in d.values],
                }
                for d in incident.disagreements
            ],
            "documents": incident.documents,
        },
        allow_custom=True,
        extensions=EXTENSIONS,
    )
