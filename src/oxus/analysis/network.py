"""The relation network: entities as nodes, relations aggregated into weighted edges.

Edges are aggregated in SQL (one row per subject, predicate and object) so the graph
costs one grouped query whatever the number of documents; the largest nodes by degree
are kept when the graph would be too big to draw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
from sqlalchemy import case, func, select

from oxus.analysis.dating.asof import relations_as_of
from oxus.analysis.dating.derive import ensure_dated
from oxus.analysis.refs import Resolver, until_bound
from oxus.store import Store, schema

DEFAULT_MAX_NODES = 250


@dataclass
class Node:
    id: str
    name: str
    type: str
    degree: int
    centrality: float


@dataclass
class Edge:
    source: str
    target: str
    predicate: str
    weight: int
    """How many sentences state it."""
    denied: int = 0
    first_seen: str | None = None
    """With an "as of" date: the earliest date a statement says it held."""


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = False


def network(
    store: Store,
    *,
    types: Sequence[str] = (),
    predicates: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    focus: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    as_of: str | None = None,
) -> Network:
    """The graph of relations reported in documents published within the period.

    ``types`` keeps only nodes of these entity types, ``predicates`` only these edges;
    ``focus`` keeps the entity's neighbourhood (one step). ``as_of`` keeps the relations
    that held on that date by the statements dated up to it (ended ones drop out).
    """
    r = schema.relations
    query = (
        select(
            r.c.subject_id,
            r.c.predicate,
            r.c.object_id,
            func.count().label("n"),
            func.sum(case((r.c.polarity == "denied", 1), else_=0)).label("denied"),
        )
        .join(schema.documents, schema.documents.c.id == r.c.document_id)
        .where(r.c.review != "rejected")
        .group_by(r.c.subject_id, r.c.predicate, r.c.object_id)
    )
    if predicates:
        query = query.where(r.c.predicate.in_(list(predicates)))
    if since:
        query = query.where(schema.documents.c.published >= since)
    if until:
        query = query.where(schema.documents.c.published <= until_bound(until))
    if as_of:
        ensure_dated(store)
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        edges: dict[tuple[str, str, str], Edge] = {}
        rows = [] if as_of else conn.execute(query).all()
        if as_of:
            where = [query.whereclause] if query.whereclause is not None else []
            for held in relations_as_of(conn, resolver, as_of, where):
                key = (held.subject, held.predicate, held.object)
                edges[key] = Edge(
                    held.subject,
                    held.object,
                    held.predicate,
                    held.sentences,
                    held.denied,
                    held.first_seen,
                )
            resolver.load(i for key in edges for i in (key[0], key[2]))
        resolver.load(i for row in rows for i in (row.subject_id, row.object_id))
        for row in rows:
            source, target = resolver(row.subject_id), resolver(row.object_id)
            if not source or not target or source == target:
                continue
            if row.predicate in ("allied_with", "rival_of"):
                source, target = sorted((source, target))
            key = (source, row.predicate, target)
            edge = edges.setdefault(key, Edge(source, target, row.predicate, 0))
            edge.weight += row.n
            edge.denied += row.denied or 0
        refs = {i: resolver.ref(i) for key in edges for i in (key[0], key[2])}
    if types:
        wanted = set(types)
        edges = {
            k: e
            for k, e in edges.items()
            if refs[e.source].type in wanted and refs[e.target].type in wanted  # type: ignore[union-attr]
        }
    if focus:
        centre = resolver(focus) or focus
        edges = {k: e for k, e in edges.items() if centre in (e.source, e.target)}
    graph = nx.MultiDiGraph()
    for edge in edges.values():
        graph.add_edge(edge.source, edge.target, weight=edge.weight)
    degree = Counter(dict(graph.degree()))
    truncated = len(degree) > max_nodes
    keep = {node for node, _ in degree.most_common(max_nodes)}
    centrality = nx.degree_centrality(nx.Graph(graph)) if graph.number_of_nodes() > 1 else {}
    nodes = [
        Node(
            id=node,
            name=refs[node].name,  # type: ignore[union-attr]
            type=refs[node].type,  # type: ignore[union-attr]
            degree=degree[node],
            centrality=round(centrality.get(node, 0.0), 4),
        )
        for node in sorted(keep)
    ]
    kept_edges = [e for e in edges.values() if e.source in keep and e.target in keep]
    return Network(nodes=nodes, edges=kept_edges, truncated=truncated)
