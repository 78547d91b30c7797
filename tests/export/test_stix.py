from __future__ import annotations

import json

import pytest
from stix2validator import ValidationOptions, validate_string

from oxus.errors import ExportError
from oxus.export.stix import RELATIONSHIP_TYPES, bundle_json, export_stix, stix_id
from oxus.export.stix_import import import_stix
from oxus.store import Store
from tests.export.factstore import NF, VP, build_store


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build_store(fresh_db)


@pytest.fixture
def bundle(store: Store) -> dict:
    return json.loads(bundle_json(export_stix(store)))


def _of(bundle: dict, kind: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def test_bundle_passes_the_validator(store: Store) -> None:
    result = validate_string(bundle_json(export_stix(store)), ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for r in result.object_results for e in r.errors]


def test_validator_catches_a_broken_bundle(bundle: dict) -> None:
    del _of(bundle, "relationship")[0]["source_ref"]
    result = validate_string(json.dumps(bundle), ValidationOptions(version="2.1"))
    assert not result.is_valid


def test_mapping_of_entities(bundle: dict) -> None:
    groups = {o["name"]: o for o in _of(bundle, "intrusion-set")}
    assert set(groups) == {"Northern Front", "Eastern Brigade"}  # merged N. Front is gone
    group = groups["Northern Front"]
    assert group["name"] == "Northern Front" and "NF" in group["aliases"]
    assert group["id"] == stix_id("intrusion-set", NF.id)
    classes = {o["name"]: o["identity_class"] for o in _of(bundle, "identity")}
    assert classes["Ali Karimov"] == "individual"
    assert classes["Police"] == "organization"
    (place,) = [o for o in _of(bundle, "location") if o["name"] == "Valley Province"]
    assert (place["latitude"], place["longitude"], place["country"]) == (38.5, 70.25, "TJ")


def test_relationships_aggregate_evidence_and_carry_confidence(bundle: dict) -> None:
    rels = {o["x_oxus_predicate"]: o for o in _of(bundle, "relationship")}
    based = rels["based_in"]
    assert based["relationship_type"] == RELATIONSHIP_TYPES["based_in"] == "located-at"
    # Two ungraded outlets (weight 0.5) affirm it, at extraction confidence 0.7 and 0.9:
    # 1 - (1 - 0.35) * (1 - 0.45) = 0.6425.
    assert based["confidence"] == 64
    assert based["x_oxus_grading"]["code"] == "F4"  # the group denies it: doubtful
    assert [e["document"] for e in based["x_oxus_evidence"]] == ["d1", "d2", "d3"]
    assert based["created"].startswith("2024-04-02") and based["modified"].startswith("2024-08-01")
    assert rels["allied_with"]["relationship_type"] == "cooperates-with"


def test_attribution_notes_opinions_incidents_estimates(bundle: dict) -> None:
    opinions = _of(bundle, "opinion")
    assert [o["opinion"] for o in opinions] == ["strongly-disagree"]
    notes = _of(bundle, "note")
    estimates = [n for n in notes if "x_oxus_estimate" in n]
    assert sorted(n["x_oxus_estimate"]["low"] for n in estimates) == [200, 300, 6500]
    attributed = [n for n in notes if "x_oxus_estimate" not in n]
    assert [n["authors"] for n in attributed] == [["UN Team"]]
    incidents = {o["x_oxus_event_type"]: o for o in _of(bundle, "incident")}
    assert incidents["attack"]["x_oxus_counts"] == {"killed": 4}
    assert incidents["attack"]["x_oxus_location_ref"] == stix_id("location", VP.id)


def test_reports_refer_to_what_each_document_supports(bundle: dict) -> None:
    reports = {r["x_oxus_document"]["id"]: r for r in _of(bundle, "report")}
    assert set(reports) == {"d1", "d2", "d3"}
    assert reports["d1"]["published"].startswith("2024-04-02")
    ids = {o["id"] for o in bundle["objects"]}
    for report in reports.values():
        assert set(report["object_refs"]) <= ids
    leader = stix_id("relationship", "person:ali-karimov", "leader_of", NF.id)
    assert leader in reports["d1"]["object_refs"] and leader not in reports["d2"]["object_refs"]


def test_export_is_deterministic(store: Store) -> None:
    assert bundle_json(export_stix(store)) == bundle_json(export_stix(store))


def test_export_import_export_is_stable(store: Store) -> None:
    first = bundle_json(export_stix(store))
    other = Store("sqlite://")
    try:
        result = import_stix(other, first)
        assert (result.documents, result.relations) == (3, 6)
        assert bundle_json(export_stix(other)) == first
    finally:
        other.close()


def test_import_foreign_bundle_without_evidence(fresh_db: Store) -> None:
    group = {
        "type": "intrusion-set",
        "spec_version": "2.1",
        "id": "intrusion-set--0a5b8c2e-7f1d-4c3a-9b6e-1d2f3a4b5c6d",
        "created": "2023-01-01T00:00:00.000Z",
        "modified": "2023-01-01T00:00:00.000Z",
        "name": "Southern Wing",
        "x_opencti_aliases": ["SW"],
    }
    country = {
        "type": "location",
        "spec_version": "2.1",
        "id": "location--1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d",
        "created": "2023-01-01T00:00:00.000Z",
        "modified": "2023-01-01T00:00:00.000Z",
        "name": "Kyrgyzstan",
        "country": "KG",
    }
    rel = {
        "type": "relationship",
        "spec_version": "2.1",
        "id": "relationship--2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        "created": "2023-01-01T00:00:00.000Z",
        "modified": "2023-01-01T00:00:00.000Z",
        "relationship_type": "originates-from",
        "source_ref": group["id"],
        "target_ref": country["id"],
    }
    unknown = dict(
        rel, id="relationship--3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a", relationship_type="uses"
    )
    bundle = {
        "type": "bundle",
        "id": "bundle--4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b",
        "objects": [group, country, rel, unknown],
    }
    result = import_stix(fresh_db, json.dumps(bundle))
    assert result.relations == 1 and len(result.skipped) == 1
    (doc_id,) = fresh_db.document_ids()
    facts = fresh_db.document_facts(doc_id)
    (relation,) = facts.relations
    assert (relation.subject, relation.predicate.value, relation.object) == (
        "group:southern-wing",
        "based_in",
        "state:kyrgyzstan",
    )
    assert (
        facts.document.text[relation.evidence.start : relation.evidence.end]
        == relation.evidence.text
    )
    assert fresh_db.find_entities("SW") == ["group:southern-wing"]


def test_import_rejects_what_is_not_a_bundle(fresh_db: Store) -> None:
    with pytest.raises(ExportError):
        import_stix(fresh_db, '{"type": "report"}')
    with pytest.raises(ExportError):
        import_stix(fresh_db, "not json")


def test_key_order_does_not_depend_on_the_process(store: Store) -> None:
    for obj in json.loads(bundle_json(export_stix(store)))["objects"]:
        keys = list(obj)
        assert keys[:3] == ["type", "spec_version", "id"]
        tail = [
            k
            for k in keys
            if k not in ("type", "spec_version", "id", "created_by_ref", "created", "modified")
        ]
        assert tail == sorted(tail)
