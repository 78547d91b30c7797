"""Browser tests on the shared corpus, ingested by the real pipeline (one session fixture)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Server, shoot

pytestmark = pytest.mark.browser
PROFILE = "Jamaat Ansarullah"


def test_dashboard(page, corpus_server: Server) -> None:
    page.goto(corpus_server.url + "/")
    documents = page.locator(".count b").first.inner_text().replace(",", "")
    assert int(documents) >= 40
    assert page.locator("section.panel table tbody tr").count() > 5
    shoot(page, "dashboard")


def test_profile_leader_evidence_opens_the_highlighted_sentence(
    page, corpus_server: Server
) -> None:
    page.goto(f"{corpus_server.url}/entities/{PROFILE}")
    assert page.url.endswith("/entities/group:jamaat-ansarullah")
    assert PROFILE in page.inner_text("h1")
    leaders = page.locator("#s-leaders")
    assert leaders.count() == 1, "the profile lists no leader"
    leader = leaders.locator("td.who a.ent").first.inner_text()
    assert leader
    link = leaders.locator("a.src").first
    sentence = link.get_attribute("title")
    shoot(page, "profile")
    link.click()
    page.wait_for_url("**/documents/**")
    highlighted = page.locator("#doctext .ev.hl")
    assert highlighted.count() == 1
    assert highlighted.inner_text().strip() == (sentence or "").strip()
    assert highlighted.is_visible()
    box = highlighted.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    shoot(page, "document")


def test_network_graph_and_click_through(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/graph")
    page.wait_for_selector("#cy[data-ready]")
    nodes = page.evaluate("window.oxusGraph.nodes().length")
    assert nodes > 10
    shoot(page, "graph")
    position = page.evaluate(
        "(() => { const n = window.oxusGraph.nodes().max(x => x.degree()).ele;"
        " const p = n.renderedPosition(); const r = document.getElementById('cy')"
        ".getBoundingClientRect(); return {x: r.left + p.x, y: r.top + p.y, id: n.id()}; })()"
    )
    page.mouse.click(position["x"], position["y"])
    page.wait_for_url("**/entities/**")
    assert page.url.endswith("/entities/" + position["id"])


def test_map_draws_outlines_and_places(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/map")
    page.wait_for_selector("#map[data-ready][data-outlines]")
    assert page.locator("#map path.leaflet-interactive").count() > 0  # event circles
    assert page.locator("#map .base-icon").count() > 0
    assert page.locator("#map svg path").count() > 100  # country outlines
    shoot(page, "map")


def test_timeline_filters_by_type(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/timeline")
    rows = page.locator("table.events tbody tr").count()
    assert rows > 5
    page.select_option("select[name=types]", "arrest")
    page.click("form.filters button")
    page.wait_for_url("**types=arrest**")
    types = page.locator("table.events tbody .etype").all_inner_texts()
    assert types and set(types) == {"arrest"}
    page.goto(f"{corpus_server.url}/timeline")
    shoot(page, "timeline")


def test_search_live_results(page, corpus_server: Server) -> None:
    page.goto(f"{corpus_server.url}/search")
    page.fill(".search-big input[name=q]", "Ansarullah")
    page.wait_for_selector("#results .hits li a")
    entities = page.locator("#results a.ent").all_inner_texts()
    assert PROFILE in entities
    assert page.locator("#results mark").count() > 0
    shoot(page, "search")
