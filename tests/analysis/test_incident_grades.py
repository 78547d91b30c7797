"""Incidents carry their reports' source grades; a regrade shows at once everywhere."""

from __future__ import annotations

import json

from stix2validator import ValidationOptions, validate_string

from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.incidents.views import Incident
from oxus.analysis.source_registry import add_source, grade_source
from oxus.brief.build import entity_brief
from oxus.brief.render import render_markdown
from oxus.export.stix import bundle_json, export_stix
from oxus.store import Store
from tests.analysis.incident_facts import HALL, hall_attack_reports, store_reports


def _hall(store: Store) -> Incident:
    return next(i for i in list_incidents(store, entity=HALL.id).incidents if i.type == "attack")


def test_reports_are_graded_and_the_incident_combines_its_sources(fresh_db: Store) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    before = _hall(store)
    assert {r.evidence.label: r.grading.grade for r in before.reports if r.grading} == {
        "First Wire": "F",
        "Second Daily": "F",
    }
    assert before.credence.code == "F6"  # only ungraded outlets: cannot be judged
    add_source(store, "First Wire", kind="wire", grade="B", reason="Invented wire.")
    add_source(store, "Second Daily", kind="independent press", grade="C", reason="Invented.")
    after = _hall(store)
    assert sorted(r.grading.grade for r in after.reports if r.grading) == ["B", "C"]
    assert after.credence.code == "B1"  # two sources graded A-C agree: confirmed
    assert after.credence.confidence > before.credence.confidence


def test_a_regrade_reaches_the_incident_line_of_the_brief_and_its_stix_grouping(
    fresh_db: Store,
) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    add_source(store, "First Wire", kind="wire", grade="B", reason="Invented wire.")
    timeline = render_markdown(entity_brief(store, HALL.id)).split("## Activity timeline")[1]
    line = next(t for t in timeline.splitlines() if "2024-03-22" in t)
    assert line.endswith("2 reports (B2, First Wire; F2, Second Daily).[1][2]")

    grade_source(store, "First Wire", "E", reason="Caught inventing tolls.")
    text = bundle_json(export_stix(store))
    assert validate_string(text, ValidationOptions(version="2.1")).is_valid
    grouping = next(
        o for o in json.loads(text)["objects"] if o["type"] == "grouping" and "Hall 9" in o["name"]
    )
    sources = {s["name"]: s["grade"] for s in grouping["x_oxus_grading"]["sources"]}
    assert sources == {"First Wire": "E", "Second Daily": "F"}
    assert grouping["confidence"] == round(_hall(store).credence.confidence * 100)
    assert grouping["description"].endswith(f"({_hall(store).credence.code}).")
