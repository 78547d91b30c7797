"""GeoJSON (RFC 7946): places and states with coordinates, as Point features with their facts.

Each feature says what the store knows about the place: who is reported to be based
there, how many events were reported there (by type), how many incidents (one per
occurrence, however many reports) are placed there, how many documents name it.
Coordinates are ``[longitude, latitude]`` in WGS 84, as the RFC requires.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import IO, Any

from oxus.export.snapshot import Snapshot, load_snapshot
from oxus.model import EntityType
from oxus.store import Store

LOCATED = (EntityType.PLACE, EntityType.STATE)


def build_geojson(snapshot: Snapshot) -> dict[str, Any]:
    """A FeatureCollection with one Point per place or state that has coordinates."""
    based: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in snapshot.relations:
        if claim.predicate == "based_in" and claim.affirmed:
            based[claim.object.id].append(
                {
                    "id": claim.subject.id,
                    "name": claim.subject.name,
                    "documents": len({e.document_id for e in claim.affirmed}),
                    "denied": len(claim.denied),
                }
            )
    events: dict[str, Counter[str]] = defaultdict(Counter)
    for event in snapshot.events:
        if event.location is not None:
            events[event.location.id][event.type] += 1
    incidents: dict[str, Counter[str]] = defaultdict(Counter)
    for incident in snapshot.incidents:
        if incident.location is not None:
            incidents[incident.location.id][incident.type] += 1
    documents: Counter[str] = Counter()
    for item in snapshot.support().values():
        documents.update(item.entities)
    features = []
    for entity in snapshot.entities.values():
        if entity.type not in LOCATED or entity.lat is None or entity.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": entity.id,
                "geometry": {"type": "Point", "coordinates": [entity.lon, entity.lat]},
                "properties": {
                    "id": entity.id,
                    "name": entity.name,
                    "type": entity.type.value,
                    "country": entity.country,
                    "parent": entity.parent,
                    "bases": sorted(based.get(entity.id, []), key=lambda b: b["name"]),
                    "events": sum(events[entity.id].values()),
                    "event_types": dict(sorted(events[entity.id].items())),
                    "incidents": sum(incidents[entity.id].values()),
                    "incident_types": dict(sorted(incidents[entity.id].items())),
                    "documents": documents.get(entity.id, 0),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(store: Store, out: IO[str]) -> int:
    """Write the collection; return the number of features."""
    collection = build_geojson(load_snapshot(store))
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])
