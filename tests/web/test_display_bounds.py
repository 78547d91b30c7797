"""Data reaches pages as text, and one huge value cannot make a huge page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from markupsafe import Markup, escape

from oxus.model import Entity, EntityType
from oxus.store import Store
from oxus.web import create_app
from oxus.web.limits import DISPLAY_CHARS, clip
from tests.web.conftest import Client
from tests.web.hostile import IMG, SCRIPT, XG, XP, add_markup_names
from tests.web.sample import NF

HUGE = Entity(
    "group:huge-name",
    EntityType.GROUP,
    "Huge " + "N" * 2_000_000,
    aliases=["Huge alias " + "A" * 2_000_000],
)


@pytest.fixture
def marked(store: Store) -> Iterator[Client]:
    add_markup_names(store)
    store.sync_pack([HUGE])
    c = Client(create_app(store, allow_hosts=["testserver"]))
    yield c
    c.close()


def test_markup_names_are_escaped_in_pages(marked: Client) -> None:
    for path in (f"/entities/{XP.id}", f"/entities/{XG.id}", f"/entities/{NF.id}", "/documents/x1"):
        html = marked.get(path).text
        assert IMG not in html and SCRIPT not in html, path
        assert str(escape(IMG)) in html or str(escape(SCRIPT)) in html, path
    assert str(escape(IMG)) in marked.get(f"/entities/{XP.id}").text
    assert str(escape(SCRIPT)) in marked.get(f"/entities/{XG.id}").text
    minimap = marked.get(f"/entities/{NF.id}").text
    assert "\\u003cimg src=x" in minimap  # the bases' JSON for the minimap, escaped


def test_a_huge_name_is_cut_with_a_marker(marked: Client) -> None:
    page = marked.get(f"/entities/{HUGE.id}")
    assert page.status_code == 200
    assert len(page.content) < 100_000, len(page.content)
    assert f"[{2_000_005 - DISPLAY_CHARS:,} more characters]" in page.text
    assert "Huge alias AAAA" in page.text


def test_clip_leaves_short_text_and_markup_alone() -> None:
    assert clip("short") == "short"
    assert clip(12) == 12
    long_markup = Markup("<b>" + "x" * 5000 + "</b>")
    assert clip(long_markup) is long_markup
    assert clip("y" * 1500).endswith("… [500 more characters]")
