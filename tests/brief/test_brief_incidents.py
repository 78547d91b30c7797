"""The brief's activity timeline: one line per incident, differing figures side by side."""

from __future__ import annotations

from oxus.brief.build import country_brief, entity_brief
from oxus.brief.render import render_markdown
from oxus.store import Store
from tests.analysis.incident_facts import FREEDONIA, HALL, hall_attack_reports, store_reports


def _timeline(markdown: str) -> str:
    return markdown.split("## Activity timeline")[1].split("##")[0]


def test_one_line_per_incident_with_both_tolls_and_both_sources(fresh_db: Store) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    brief = entity_brief(store, HALL.id)
    timeline = _timeline(render_markdown(brief))
    lines = [line for line in timeline.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "2024-03-22" in lines[0]
    assert "killed 146 per Second Daily, 143 per First Wire" in lines[0]
    assert "2 reports" in lines[0]
    cited = {s.document_id for s in brief.sources}
    assert {"wire-1", "daily-2"} <= cited


def test_since_keeps_only_later_reports(fresh_db: Store) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    brief = entity_brief(store, HALL.id, since="2025")
    assert {s.document_id for s in brief.sources} == {"daily-2"}


def test_a_country_brief_lists_the_incidents_placed_in_it(fresh_db: Store) -> None:
    store = store_reports(fresh_db, *hall_attack_reports())
    timeline = _timeline(render_markdown(country_brief(store, FREEDONIA.id)))
    assert "Hall 9" in timeline and "Hilltown" in timeline
