"""Browser tests of incidents (reports side by side, split and undo) and "as of" views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oxus.store import open_store
from tests.analysis.incident_facts import hall_attack_reports, store_reports
from tests.browser.conftest import Server, shoot

pytestmark = pytest.mark.browser
PROFILE = "Jamaat Ansarullah"


@pytest.fixture
def incident_server(tmp_path: Path) -> Iterator[Server]:
    """The app over hand-made reports of one attack with two death tolls."""
    store = store_reports(open_store(str(tmp_path / "incidents.db")), *hall_attack_reports())
    server = Server(store)
    yield server
    server.stop()
    store.close()


def test_incident_view_shows_tolls_side_by_side_and_a_split_can_be_undone(
    page, incident_server: Server
) -> None:
    page.goto(f"{incident_server.url}/incidents?multi=true")
    row = page.locator("tr.incident.disagrees").first
    counts = " ".join(row.locator("td.counts-cell").inner_text().split())
    assert "146 per Second Daily vs 143 per First Wire" in counts
    shoot(page, "incidents")
    row.locator("a").first.click()
    page.wait_for_url("**/incidents/*")
    assert "Hall 9, Riverton, North Province, Freedonia" in " ".join(
        page.inner_text("#incident-place").split()
    )
    assert page.locator(".disagreements .side").count() == 2
    shoot(page, "incident")
    page.locator("tr[data-report] input[type=checkbox]").first.check()
    page.click("#split-button")
    page.wait_for_url("**msg=*")
    assert "split off" in page.inner_text(".flash.ok")
    assert page.locator("tr[data-report]").count() == 1
    page.goto(f"{incident_server.url}/review#incidents")
    decision = page.locator("#incidents form[action='/review/incident-undo'] button").first
    decision.click()
    page.wait_for_url("**msg=*")
    assert "undone" in page.inner_text(".flash.ok")
    page.goto(f"{incident_server.url}/incidents?multi=true")
    assert page.locator("tr.incident").count() == 1


def test_an_incident_of_several_corpus_reports(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/incidents?multi=true")
    rows = page.locator("tr.incident")
    assert rows.count() >= 3
    rows.first.locator("a").first.click()
    page.wait_for_url("**/incidents/*")
    documents = {
        text.split("·")[0].strip()
        for text in page.locator("tr[data-report] td.nowrap .muted").all_inner_texts()
    }
    assert len(documents) >= 2
    assert page.locator("tr[data-report] q").count() >= 2


def _edges(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.evaluate("window.oxusGraph.edges().length"))


def test_graph_as_of_slider_shows_the_network_then(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/graph")
    page.wait_for_selector("#cy[data-ready]")
    everything = _edges(page)
    page.evaluate("document.getElementById('cy').removeAttribute('data-ready')")
    page.check(".asof input[type=checkbox]")
    page.wait_for_selector("#cy[data-ready]")
    slider = page.locator(".asof input[type=range]")
    months = (2015 - int(page.get_attribute(".asof", "data-first") or 2015)) * 12
    page.evaluate("document.getElementById('cy').removeAttribute('data-ready')")
    slider.fill(str(max(0, months)))
    page.wait_for_selector("#cy[data-ready]")
    assert page.inner_text(".asof output") == "2015-01-01"
    early = _edges(page)
    shoot(page, "graph-as-of")
    assert 0 < early < everything
    focused = f"{corpus_server.url}/graph?focus={PROFILE}&as_of="
    page.goto(focused + "2015-01-01")
    page.wait_for_selector("#cy[data-ready]")
    then = _edges(page)
    page.goto(focused + "2024-12-31")
    page.wait_for_selector("#cy[data-ready]")
    assert _edges(page) > then > 0


def test_map_as_of_a_date(page, corpus_server: Server) -> None:
    def markers(query: str) -> int:
        page.goto(f"{corpus_server.url}/map{query}")
        page.wait_for_selector("#map[data-ready]")
        return int(page.locator("#map .leaflet-interactive").count())

    now = markers("")
    then = markers("?as_of=2015-01-01")
    assert page.is_checked(".asof input[type=checkbox]")
    shoot(page, "map-as-of")
    assert 0 < then < now


def test_profile_draws_leaders_and_bases_over_time(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/entities/{PROFILE}")
    chart = page.locator("#s-periods")
    assert chart.count() == 1
    assert chart.locator("g.period-row").count() >= 3
    assert page.locator("#s-leaders .period").count() > 0
    chart.scroll_into_view_if_needed()
    shoot(page, "profile-periods")
