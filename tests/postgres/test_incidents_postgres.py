"""Incidents, their decisions and dated relations on a real PostgreSQL server."""

from __future__ import annotations

import pytest

from oxus.analysis.incidents.decisions import split_incident, undo_decision
from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.network import network
from oxus.analysis.profile import entity_profile
from oxus.store import Store
from tests.analysis.incident_facts import (
    FRONT,
    MINISTER,
    Report,
    hall_attack_reports,
    store_reports,
)

pytestmark = pytest.mark.postgres


def test_incidents_and_dates_on_postgres(pg_store: Store) -> None:
    former = Report("later", "2021-03-01", ["Its former leader Ana Vale lives abroad."])
    first = Report("first", "2012-05-01", ["Ana Vale leads the Red Front."])
    store = store_reports(
        pg_store,
        *hall_attack_reports(),
        first.relation(0, MINISTER.id, "leader_of", FRONT.id),
        former.relation(0, MINISTER.id, "leader_of", FRONT.id),
    )
    hall = next(i for i in list_incidents(store, multi_report=True).incidents)
    assert sorted(hall.documents) == ["daily-2", "wire-1"]
    assert hall.disagreement("killed") is not None
    split_incident(store, hall.id, [hall.reports[-1].fact_id])
    assert list_incidents(store, multi_report=True).total == 0
    undo_decision(store, 1)
    assert list_incidents(store, multi_report=True).total == 1
    leader = entity_profile(store, FRONT.id).section("leaders").links[0]  # type: ignore[union-attr]
    assert (leader.dates.first_seen, leader.dates.ended) == ("2012-05-01", "2021-03-01")  # type: ignore[union-attr]
    assert network(store, as_of="2015-01-01").edges
    assert not network(store, as_of="2024-01-01", predicates=["leader_of"]).edges
