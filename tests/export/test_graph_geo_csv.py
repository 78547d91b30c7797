from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import networkx as nx
import pytest

from oxus.analysis.claims import all_relation_claims
from oxus.export.csv_tables import COLUMNS, write_csv_folder
from oxus.export.geojson import write_geojson
from oxus.export.graph import write_gexf, write_graphml
from oxus.export.snapshot import load_snapshot
from oxus.store import Store
from tests.export.factstore import EB, NF, VP, build_store


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build_store(fresh_db)


def test_graphml_loads_with_the_store_counts(store: Store, tmp_path: Path) -> None:
    write_graphml(store, tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert graph.number_of_nodes() == len(load_snapshot(store).entities) == 6
    assert graph.number_of_edges() == len(all_relation_claims(store)) == 3
    assert graph.nodes[NF.id]["type"] == "group" and graph.nodes[NF.id]["name"] == "Northern Front"
    (edge,) = graph.get_edge_data(NF.id, VP.id).values()
    assert (edge["predicate"], edge["count"], edge["denied"]) == ("based_in", 3, 1)
    assert "group:n-front" not in graph


def test_gexf_loads(store: Store, tmp_path: Path) -> None:
    write_gexf(store, tmp_path / "g.gexf")
    graph = nx.read_gexf(tmp_path / "g.gexf")
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 3
    assert graph.has_edge(EB.id, NF.id) or graph.has_edge(NF.id, EB.id)


def _check_rfc7946(collection: dict) -> None:
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_points_with_facts(store: Store) -> None:
    out = StringIO()
    assert write_geojson(store, out) == 1
    collection = json.loads(out.getvalue())
    _check_rfc7946(collection)
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [70.25, 38.5]  # [lon, lat]
    props = feature["properties"]
    assert props["events"] == 2 and props["event_types"] == {"arrest": 1, "attack": 1}
    assert [(b["name"], b["documents"], b["denied"]) for b in props["bases"]] == [
        ("Northern Front", 2, 1)
    ]


def test_csv_tables_with_evidence(store: Store, tmp_path: Path) -> None:
    counts = write_csv_folder(store, tmp_path / "out")
    assert counts == {
        "entities": 6,
        "relations": 6,
        "events": 2,
        "incidents": 2,
        "estimates": 3,
    }
    for name, columns in COLUMNS.items():
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == columns
        if name not in ("entities", "incidents"):
            assert all(r["evidence"] and r["document_id"] and r["published"] for r in rows)
    with (tmp_path / "out" / "relations.csv").open(encoding="utf-8") as handle:
        denied = [r for r in csv.DictReader(handle) if r["polarity"] == "denied"]
    assert [(r["document_id"], r["asserted_by"], r["claim_documents"]) for r in denied] == [
        ("d3", "Northern Front", "3")
    ]
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8") as handle:
        events = {r["incident"] for r in csv.DictReader(handle)}
    with (tmp_path / "out" / "incidents.csv").open(encoding="utf-8") as handle:
        assert {r["id"] for r in csv.DictReader(handle)} == events
    before = (tmp_path / "out" / "relations.csv").read_bytes()
    write_csv_folder(store, tmp_path / "out")
    assert (tmp_path / "out" / "relations.csv").read_bytes() == before
