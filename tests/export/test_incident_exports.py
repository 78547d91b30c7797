"""Incidents and dated relations in the exports: STIX groupings, CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from stix2validator import ValidationOptions, validate_string

from oxus.export.csv_tables import write_csv_folder
from oxus.export.geojson import write_geojson
from oxus.export.stix import bundle_json, export_stix
from oxus.store import Store
from tests.analysis.incident_facts import (
    FRONT,
    HALL,
    MINISTER,
    RIVERTON,
    Report,
    hall_attack_reports,
    store_reports,
)


def _store(fresh_db: Store) -> Store:
    dated = Report("dated", "2021-03-01", ["Its former leader Ana Vale lives abroad."]).relation(
        0, MINISTER.id, "leader_of", FRONT.id
    )
    first = Report("first", "2012-05-01", ["Ana Vale leads the Red Front."]).relation(
        0, MINISTER.id, "leader_of", FRONT.id
    )
    return store_reports(fresh_db, *hall_attack_reports(), first, dated)


def test_stix_has_a_grouping_per_incident_with_its_reports(fresh_db: Store) -> None:
    text = bundle_json(export_stix(_store(fresh_db)))
    assert validate_string(text, ValidationOptions(version="2.1")).is_valid
    objects = json.loads(text)["objects"]
    groupings = [o for o in objects if o["type"] == "grouping"]
    hall = next(g for g in groupings if "Hall 9" in g["name"])
    members = [r for r in hall["object_refs"] if r.startswith("incident--")]
    assert len(members) == 2
    incident = hall["x_oxus_incident"]
    assert incident["date"] == "2024-03-22"
    killed = next(d for d in incident["disagreements"] if d["field"] == "killed")
    assert [v["value"] for v in killed["values"]] == ["146", "143"]
    ids = {o["id"] for o in objects}
    assert all(ref in ids for g in groupings for ref in g["object_refs"])


def test_stix_relationships_carry_first_seen_and_end(fresh_db: Store) -> None:
    objects = json.loads(bundle_json(export_stix(_store(fresh_db))))["objects"]
    leads = next(o for o in objects if o.get("relationship_type") == "leader-of")
    assert leads["start_time"].startswith("2012-05-01")
    assert leads["stop_time"].startswith("2021-03-01")


def test_csv_and_geojson_count_incidents(fresh_db: Store, tmp_path: Path) -> None:
    store = _store(fresh_db)
    write_csv_folder(store, tmp_path)
    with (tmp_path / "incidents.csv").open(encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    hall = next(r for r in rows.values() if r["location_id"] == HALL.id)
    assert (hall["date"], hall["killed"], hall["reports"]) == ("2024-03-22", "146", "2")
    assert "killed: 146 (daily-2) / 143 (wire-1)" in hall["disagreements"]
    with (tmp_path / "relations.csv").open(encoding="utf-8") as handle:
        leads = [r for r in csv.DictReader(handle) if r["predicate"] == "leader_of"]
    assert {(r["claim_first_seen"], r["claim_ended"]) for r in leads} == {
        ("2012-05-01", "2021-03-01")
    }
    out = io.StringIO()
    write_geojson(store, out)
    places = {f["id"]: f["properties"] for f in json.loads(out.getvalue())["features"]}
    assert (places[HALL.id]["events"], places[HALL.id]["incidents"]) == (1, 1)
    # The second report placed it in Riverton: an event there, but the incident is one.
    assert (places[RIVERTON.id]["events"], places[RIVERTON.id]["incidents"]) == (1, 0)
