"""Browser tests for graded sources, watch lists, live search and readable filters.

They run on a copy of the ingested shared corpus; the watch test stores an invented
report of its own (sentences written for the test, not corpus text).
"""

from __future__ import annotations

import feedparser
import httpx
import pytest

from oxus.ingestion import ingest_paths
from tests.browser.conftest import Server, shoot

pytestmark = pytest.mark.browser
REPORT = """---
title: Border post attacked in Badakhshan
outlet: RFE/RL
url: https://www.rferl.org/a/invented-border-post-report.html
published: 2025-03-02
---
Border post attacked in Badakhshan

Jamaat Ansarullah fighters attacked a border post in Badakhshan on 1 March 2025, killing two guards.
"""


def test_live_search_in_the_top_bar_expands_aliases(page, corpus_server: Server) -> None:
    page.goto(corpus_server.url + "/timeline")
    page.locator("#quick-q").press_sequentially("ISKP", delay=40)
    page.wait_for_selector("#quick-results .suggest-item.doc")
    note = page.inner_text("#quick-results .suggest-note")
    assert "Islamic State Khorasan Province" in note
    shoot(page, "search-suggest")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('suggest-item')")
    page.keyboard.press("Escape")
    page.wait_for_timeout(600)  # an answer still on its way must not reopen the list
    assert page.locator("#quick-results .suggest-item").count() == 0
    page.locator("#quick-q").press_sequentially("x", delay=40)  # typing opens it again
    page.wait_for_selector("#quick-results .suggest-item")
    page.goto(
        corpus_server.url + "/search?q=%D0%98%D0%93-%D0%A5%D0%BE%D1%80%D0%B0%D1%81%D0%B0%D0%BD"
    )
    assert "Islamic State Khorasan Province" in page.inner_text("#expanded")
    assert page.locator("#results .hits li").count() >= 10  # English reports, Russian query


def test_sources_page_regrade_shows_on_the_profile(page, corpus_server: Server) -> None:
    page.goto(corpus_server.url + "/sources")
    row = page.locator("tr#src-long-war-journal")
    assert row.locator(".grade").inner_text() == "B"
    shoot(page, "sources")
    row.locator("select[name=grade]").select_option("D")
    row.locator("input[name=reason]").fill("Regraded in a browser test")
    row.locator("button", has_text="Regrade").click()
    page.wait_for_url("**/sources?msg=**")
    assert page.locator("tr#src-long-war-journal .grade").inner_text() == "D"
    page.goto(corpus_server.url + "/entities/group:jamaat-ansarullah")
    titles = page.locator("#s-leaders .grade").evaluate_all("els => els.map(e => e.title)")
    assert any("Long War Journal: D" in t for t in titles)
    page.goto(corpus_server.url + "/sources")
    page.locator("tr#src-long-war-journal button", has_text="reset").click()
    page.wait_for_url("**/sources?msg=**")
    assert page.locator("tr#src-long-war-journal .grade").inner_text() == "B"


def test_watch_page_lists_new_facts_and_the_feed(page, corpus_server: Server, tmp_path) -> None:
    page.goto(corpus_server.url + "/watch")
    page.fill("#watch-add input[name=list]", "browser-ja")
    page.fill("#watch-add input[name=name]", "Jamaat Ansarullah")
    page.click("#watch-add button")
    page.wait_for_url("**/watch?**")
    assert "browser-ja now watches Jamaat Ansarullah" in page.inner_text(".flash.ok")
    assert page.locator("#alerts tbody tr[data-fact]").count() == 0
    report = tmp_path / "border-post.md"
    report.write_text(REPORT, encoding="utf-8")
    assert ingest_paths([report], corpus_server.store).outcomes["added"] == 1
    page.goto(corpus_server.url + "/watch?list=browser-ja")
    rows = page.locator("#alerts tbody tr[data-fact]")
    assert rows.count() >= 1
    assert "Jamaat Ansarullah" in rows.first.inner_text()
    assert "RFE/RL" in rows.first.inner_text()
    shoot(page, "watch")
    feed = httpx.get(corpus_server.url + "/watch/browser-ja.atom")
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == rows.count()
    assert ingest_paths([report], corpus_server.store).outcomes["unchanged"] == 1
    page.reload()
    assert page.locator("#alerts tbody tr[data-fact]").count() == len(parsed.entries)


def test_graph_legend_and_labels_that_do_not_overlap(page, corpus_server: Server) -> None:
    page.goto(corpus_server.url + "/graph")
    page.wait_for_selector("#cy[data-labels]")
    keys = page.locator("#edge-legend .edge-key")
    assert keys.count() >= 3
    drawn = set(page.evaluate("window.oxusGraph.edges().map(e => e.data('predicate'))"))
    assert set(keys.evaluate_all("els => els.map(e => e.dataset.predicate)")) == drawn
    overlaps = page.evaluate(
        """(() => {
        const labelOnly = {includeNodes: false, includeEdges: false, includeLabels: true};
        const boxes = window.oxusGraph.nodes().filter(n => !n.hasClass('quiet')).map(
          n => n.renderedBoundingBox(labelOnly));
        let count = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
        }
        return {count: count, shown: boxes.length};
      })()"""
    )
    assert overlaps["shown"] > 5 and overlaps["count"] == 0
    shoot(page, "graph-legend")


def test_empty_filters_look_empty_and_map_popups_name_the_source(
    page, corpus_server: Server
) -> None:
    for path in ("/graph", "/map", "/timeline", "/incidents"):
        page.goto(corpus_server.url + path)
        boxes = page.locator("form.filters input:not([type=checkbox]):not([type=range])")
        for i in range(boxes.count()):
            box = boxes.nth(i)
            assert not box.get_attribute("placeholder"), f"{path}: a placeholder reads as a value"
            assert box.input_value() == ""
        assert page.locator("form.filters .hint").count() >= 1
    page.goto(corpus_server.url + "/map")
    page.wait_for_selector("#map[data-ready]")
    page.locator("#map path.leaflet-interactive").first.click(force=True)
    popup = page.locator(".leaflet-popup-content .pop-source").first
    popup.wait_for()
    page.wait_for_timeout(400)  # the popup fades in
    assert any(ch.isdigit() for ch in popup.inner_text())  # a publication date
    shoot(page, "map-popup")
