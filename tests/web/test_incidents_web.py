"""Incident pages in process: source grades on every report, bounded ids and offsets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.source_registry import add_source
from oxus.store import Store
from oxus.web import create_app
from tests.analysis.incident_facts import HALL, hall_attack_reports, store_reports
from tests.web.conftest import Client, text_of


@pytest.fixture
def hall(fresh_db: Store) -> Iterator[tuple[Client, Store, str]]:
    store = store_reports(fresh_db, *hall_attack_reports())
    add_source(store, "First Wire", kind="wire", grade="B", reason="Invented wire.")
    incident = next(i for i in list_incidents(store, entity=HALL.id).incidents if i.reports)
    client = Client(create_app(store, allow_hosts=["testserver"]))
    yield client, store, incident.id
    client.close()


def test_an_incident_shows_its_code_and_each_reports_grade(hall) -> None:
    client, _, incident_id = hall
    html = client.get(f"/incidents/{incident_id}").text
    grade = text_of(html.split('id="incident-grade">')[1].split("</dd>")[0])
    assert grade.startswith("B2") and "First Wire B" in grade and "Second Daily F" in grade
    assert 'class="grade g-B"' in html and 'class="grade g-F"' in html
    listing = client.get("/incidents?multi=true").text
    assert '<span class="code"' in listing and 'class="g g-F"' in listing


def test_a_regrade_shows_on_the_incident_page_at_once(hall) -> None:
    client, store, incident_id = hall
    add_source(store, "Second Daily", kind="independent press", grade="C", reason="Invented.")
    html = client.get(f"/incidents/{incident_id}").text
    assert text_of(html.split('id="incident-grade">')[1]).startswith("B1")


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("get", "/api/incidents?offset=10000001", None),
        ("get", "/incidents?page=100001", None),
        ("post", "/api/incidents/decisions/0/undo", None),
        ("post", "/api/incidents/decisions/9223372036854775808/undo", None),
        ("post", "/api/incidents/x/split", {"reports": [9223372036854775808]}),
    ],
)
def test_out_of_range_numbers_are_refused_before_any_query(hall, method, path, body) -> None:
    client = hall[0]
    kwargs: dict = {"json": body} if body is not None else {}
    if method == "post":
        kwargs["headers"] = {"x-csrf-token": client.csrf(), "origin": "http://testserver"}
    assert getattr(client, method)(path, **kwargs).status_code == 422
