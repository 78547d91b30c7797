"""GraphML and GEXF: entities as nodes, aggregated relations as edges (networkx).

One edge per claim (subject, predicate, object), keyed by predicate, so two entities
linked in two ways keep both edges. Attribute values are plain strings and numbers,
as both formats require.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from oxus.export.snapshot import Snapshot, load_snapshot
from oxus.store import Store


def build_graph(snapshot: Snapshot) -> nx.MultiDiGraph:
    """The knowledge graph: nodes are canonical entities, edges aggregated relations."""
    graph = nx.MultiDiGraph(name="oxus")
    documents: dict[str, int] = {}
    for item in snapshot.support().values():
        for entity_id in item.entities:
            documents[entity_id] = documents.get(entity_id, 0) + 1
    for entity in snapshot.entities.values():
        attributes: dict[str, str | float | int] = {
            "name": entity.name,
            "type": entity.type.value,
            "status": entity.status,
            "aliases": "; ".join(entity.aliases),
            "documents": documents.get(entity.id, 0),
        }
        if entity.country:
            attributes["country"] = entity.country
        if entity.lat is not None and entity.lon is not None:
            attributes.update(lat=entity.lat, lon=entity.lon)
        graph.add_node(entity.id, label=entity.name, **attributes)
    for claim in snapshot.relations:
        if claim.subject.id not in graph or claim.object.id not in graph:
            continue
        graph.add_edge(
            claim.subject.id,
            claim.object.id,
            key=claim.predicate,
            predicate=claim.predicate,
            label=claim.predicate,
            count=len(claim.documents),
            sentences=len(claim.evidence),
            affirmed=len(claim.affirmed),
            denied=len(claim.denied),
            symmetric=claim.symmetric,
            confidence=round(claim.confidence, 3),
            first_reported=claim.first_reported or "",
            last_reported=claim.last_reported or "",
            documents="; ".join(claim.documents),
        )
    return graph


def write_graphml(store: Store, path: Path) -> nx.MultiDiGraph:
    graph = build_graph(load_snapshot(store))
    nx.write_graphml(graph, path, encoding="utf-8")
    return graph


def write_gexf(store: Store, path: Path) -> nx.MultiDiGraph:
    graph = build_graph(load_snapshot(store))
    nx.write_gexf(graph, path, encoding="utf-8")
    return graph
