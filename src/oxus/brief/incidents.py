"""The brief's activity timeline: one line per incident, every report cited.

Figures reports disagree on are written side by side ("killed 146 per Asia-Plus, 143
per TASS"), each number as some report states it; each line ends with the incident's
Admiralty code and best sources across its reports ("(B1, RFE/RL; C1, TASS)").
"""

from __future__ import annotations

from dataclasses import replace

from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.incidents.views import Incident
from oxus.brief.model import Citations, Line
from oxus.brief.phrases import graded, incident_date, incident_sentence
from oxus.store import Store

INCIDENT_LIMIT = 200


def incidents_since(
    store: Store, since: str | None, *, entity: str | None = None, country: str | None = None
) -> list[Incident]:
    """Incidents oldest first, with only the reports published since ``since``."""
    found = list_incidents(
        store, entity=entity, country=country, limit=INCIDENT_LIMIT, reports=None
    ).incidents
    kept = []
    for incident in found:
        reports = [r for r in incident.reports if (r.evidence.published or "") >= (since or "")]
        if reports:
            documents = list(dict.fromkeys(r.evidence.document_id for r in reports))
            kept.append(replace(incident, reports=reports, documents=documents))
    return sorted(kept, key=lambda i: (i.date or i.first_reported or "", i.id))


def incident_lines(incidents: list[Incident], cite: Citations) -> list[Line]:
    lines = []
    for incident in incidents:
        text = graded(
            f"{incident_date(incident)}: {incident_sentence(incident)}", incident.credence
        )
        text += "."
        lines.append(Line(text, cite.cite([r.evidence for r in incident.reports])))
    return lines
