"""No data-derived HTML in the DOM: names that are markup show as text everywhere.

The sample store gains a place named like an image tag with an error handler and a
group named like a script element (``tests/web/hostile.py``). In a real browser their
names must appear as text in the profile's map tooltip, the map's popup, the graph's
labels and the pages, and no element made from them may exist. Had any reached the
DOM as HTML, the page's Content-Security-Policy would report a violation (recorded
here) and an ``img[src=x]`` would exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oxus.store import open_store
from tests.browser.conftest import Server, shoot
from tests.web.hostile import IMG, SCRIPT, XG, XP, add_markup_names
from tests.web.sample import NF, build

pytestmark = pytest.mark.browser

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.sample || ""));
});
"""
INJECTED = """() => ({
  images: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
  scripts: [...document.scripts].filter(s => s.textContent.includes("PWNED")).length,
  handlers: document.querySelectorAll("[onerror]").length,
  pwned: typeof window.PWNED,
  violations: window.__violations || [],
})"""


@pytest.fixture
def marked_server(tmp_path: Path) -> Iterator[Server]:
    store = add_markup_names(build(open_store(str(tmp_path / "marked.db"))))
    server = Server(store)
    yield server
    server.stop()
    store.close()


def _nothing_injected(page: object) -> None:
    found = page.evaluate(INJECTED)  # type: ignore[attr-defined]
    assert found["images"] == 0 and found["scripts"] == 0 and found["handlers"] == 0, found
    assert found["pwned"] == "undefined", found
    assert found["violations"] == [], found


def test_profile_minimap_tooltip_shows_the_name_as_text(page, marked_server: Server) -> None:
    page.add_init_script(WATCH)
    page.goto(f"{marked_server.url}/entities/{NF.id}")
    page.wait_for_selector("#basemap[data-ready='1']")
    tooltips = page.locator("#basemap .leaflet-tooltip").all_inner_texts()
    assert IMG in tooltips, tooltips
    assert page.locator("#basemap .leaflet-tooltip img").count() == 0
    assert IMG in page.inner_text("main")
    shoot(page, "markup-names-profile")
    _nothing_injected(page)


def test_map_popup_shows_the_name_as_text(page, marked_server: Server) -> None:
    page.add_init_script(WATCH)
    page.goto(f"{marked_server.url}/map")
    page.wait_for_selector("#map[data-ready='1']")
    marker = page.locator(".base-icon").filter(has=page.locator("xpath=self::*[@title]"))
    titles = [marker.nth(i).get_attribute("title") for i in range(marker.count())]
    assert IMG in titles, titles
    marker.nth(titles.index(IMG)).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert IMG in popup.inner_text()
    assert NF.name in popup.inner_text()  # the group based there
    assert popup.locator("img, script").count() == 0
    page.wait_for_timeout(400)  # the popup fades in
    shoot(page, "markup-names-map")
    _nothing_injected(page)


def test_graph_labels_are_text(page, marked_server: Server) -> None:
    page.add_init_script(WATCH)
    page.goto(f"{marked_server.url}/graph")
    page.wait_for_selector("#cy[data-ready='1']")
    labels = page.evaluate("() => window.oxusGraph.nodes().map(n => n.data('label'))")
    assert SCRIPT in labels, labels
    shoot(page, "markup-names-graph")
    _nothing_injected(page)


def test_profiles_and_documents_show_markup_names_as_text(page, marked_server: Server) -> None:
    page.add_init_script(WATCH)
    for path, name in (
        (f"/entities/{XG.id}", SCRIPT),
        (f"/entities/{XP.id}", IMG),
        ("/documents/x1", IMG),
    ):
        page.goto(marked_server.url + path)
        page.wait_for_load_state("load")
        assert name in page.inner_text("h1"), path
        _nothing_injected(page)
