"""Incidents and dated knowledge on the shared corpus, ingested by the real pipeline.

The gold of incident clusters (tests/analysis/incident_gold.yaml) was written by
reading the corpus. Linking is scored pair by pair; extraction quality (event dates,
places, counts) bounds what linking can reach, so the floor below is today's level
with a margin, and the note in docs/evaluation.md says what is missing for more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oxus.analysis.incidents.gold import load_gold, score_linking
from oxus.analysis.incidents.queries import list_incidents
from oxus.analysis.incidents.views import Incident
from oxus.analysis.network import network
from oxus.analysis.profile import entity_profile
from oxus.store import open_store

pytestmark = pytest.mark.slow
GOLD = Path(__file__).resolve().parents[1] / "analysis" / "incident_gold.yaml"
F1_FLOOR = 0.83
PRECISION_FLOOR = 0.9


def test_linking_scores_against_the_incident_gold(corpus_db: Path) -> None:
    store = open_store(str(corpus_db))
    result = score_linking(store, load_gold(GOLD))
    store.close()
    assert result.coverage > 0.8, "most gold reports should be found among the events"
    assert result.precision >= PRECISION_FLOOR, result.joined
    assert result.f1 >= F1_FLOOR, result.split


def _crocus(corpus_db: Path) -> Incident:
    store = open_store(str(corpus_db))
    page = list_incidents(store, entity="place:crocus-city-hall", types=["attack"])
    store.close()
    found = [i for i in page.incidents if {"a010", "n226"} <= set(i.documents)]
    assert found, "no incident holds both reports of the Crocus City Hall attack"
    return found[0]


def test_crocus_city_hall_is_one_incident_of_both_reports_in_krasnogorsk(corpus_db: Path) -> None:
    crocus = _crocus(corpus_db)
    assert crocus.date == "2024-03-22"
    assert "place:krasnogorsk" in {p.id for p in crocus.place_path}


def test_crocus_city_hall_tolls_side_by_side(corpus_db: Path) -> None:
    killed = _crocus(corpus_db).disagreement("killed")
    assert killed is not None
    assert {v.label for v in killed.values} == {"146", "143"}


def test_jamaat_ansarullah_leaders_and_bases_are_dated(corpus_db: Path) -> None:
    store = open_store(str(corpus_db))
    profile = entity_profile(store, "Jamaat Ansarullah")
    for key in ("leaders", "bases"):
        section = profile.section(key)
        assert section is not None and section.links
        assert all(link.dates and link.dates.first_seen for link in section.links), key
    early = network(store, as_of="2015-01-01", focus=profile.entity.id)
    late = network(store, as_of="2024-12-31", focus=profile.entity.id)
    store.close()
    edges = {(e.source, e.predicate, e.target) for e in early.edges}
    assert edges != {(e.source, e.predicate, e.target) for e in late.edges}
    assert len(late.edges) > len(early.edges)
