"""The timeline: incidents in time order, filtered by entity, country, type and period.

Each row is an incident (one occurrence, however many reports describe it), so the
timeline counts events, not articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.incidents.views import Incident
from oxus.store import Store

DEFAULT_LIMIT = 200


@dataclass
class Timeline:
    incidents: list[Incident]
    total: int
    types: list[str]


def timeline(
    store: Store,
    *,
    group: str | None = None,
    country: str | None = None,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Timeline:
    """Incidents newest first; ``group`` is an entity id (named in a report, or the place)."""
    page = list_incidents(
        store,
        entity=group,
        country=country,
        types=types,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return Timeline(page.incidents, page.total, page.types)
