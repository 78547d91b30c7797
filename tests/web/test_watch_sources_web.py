"""The web app's Sources, What's new, Atom feeds, search suggestions and filters (in-process)."""

from __future__ import annotations

import feedparser

from oxus.store import Store
from oxus.store.watch_lists import WatchTarget, add_watch_items
from tests.web.conftest import Client, text_of
from tests.web.sample import NF, documents


def test_sources_page_lists_and_regrades(client: Client) -> None:
    page = client.get("/sources")
    assert page.status_code == 200 and 'id="src-rfe-rl"' in page.text
    done = client.form("/sources/grade", {"name": "rfe-rl", "grade": "C", "reason": "Testing."})
    assert done.status_code == 303 and "msg=" in done.headers["location"]
    row = client.get("/api/sources").json()["sources"]
    rfe = next(s for s in row if s["source"]["id"] == "rfe-rl")
    assert (rfe["source"]["grade"], rfe["source"]["origin"], rfe["seed"]["grade"]) == (
        "C",
        "analyst",
        "B",
    )
    audit = client.get("/api/audit").json()
    assert audit[0]["action"] == "source-grade" and audit[0]["actor"].startswith("web@")
    bad = client.form("/sources/grade", {"name": "rfe-rl", "grade": "Z"})
    assert "error=" in bad.headers["location"]
    added = client.form(
        "/sources/add",
        {"name": "Test Wire", "kind": "wire", "grade": "A", "reason": "Invented.", "domain": ""},
    )
    assert "msg=" in added.headers["location"]
    profile = client.get(f"/entities/{NF.id}").text
    assert 'title="outlet Test Wire: A – Completely reliable"' in profile
    assert client.form("/sources/reset", {"name": "rfe-rl"}).status_code == 303


def test_source_edits_need_the_csrf_token(client: Client) -> None:
    client.get("/sources")
    refused = client.post("/sources/grade", data={"name": "rfe-rl", "grade": "E"})
    assert refused.status_code == 403
    api = client.post(
        "/api/sources/rfe-rl/grade",
        json={"grade": "E"},
        headers={"x-csrf-token": client.csrf(), "origin": "http://testserver"},
    )
    assert api.status_code == 200 and api.json()["reliability"] == "E - Unreliable"


def test_whats_new_page_and_feed(client: Client, store: Store) -> None:
    empty = text_of(client.get("/watch").text)
    assert "You watch nothing yet" in empty
    assert client.form("/watch/add", {"list": "nf", "name": "Northern Front"}).status_code == 303
    assert "no watch list" in client.get("/watch/other.atom").text
    store.save(_changed(documents()[0]))
    page = client.get("/watch?list=nf")
    assert page.text.count("data-fact=") >= 2
    assert 'type="application/atom+xml"' in page.text
    feed = client.get("/watch/nf.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == page.text.count("data-fact=")
    entry = parsed.entries[0]
    assert entry.link.startswith("http://testserver/documents/")
    assert entry.id.startswith("urn:oxus:alert:nf:")
    assert parsed.feed.title == "oxus watch list: nf"
    api = client.get("/api/alerts?list=nf").json()
    assert {a["document_id"] for a in api} == {"r1-new"}
    assert client.get("/api/watch").json()[0]["name"] == "nf"
    bad = client.form("/watch/add", {"list": "bad name", "name": "Northern Front"})
    assert "error=" in bad.headers["location"]
    gone = client.form("/watch/remove", {"list": "nf"})
    assert gone.status_code == 303 and client.get("/api/watch").json() == []


def _changed(facts):  # the sample's first report again, under a new id
    facts.document.id = "r1-new"
    facts.document.content_hash = "hash-r1-new"
    return facts


def test_search_suggestions_and_filters(client: Client, store: Store) -> None:
    add_watch_items(store, "x", [WatchTarget("entity", NF.id, NF.name)])
    suggest = client.get("/search/suggest?q=Shimoli%20Front")
    assert suggest.status_code == 200
    assert "documents about <b>Northern Front</b>" in suggest.text
    assert client.get("/search/suggest?q=").text.strip() == ""
    page = client.get("/search?q=NF")
    assert 'id="expanded"' in page.text and "Northern Front" in text_of(page.text)
    for path in ("/graph", "/map", "/timeline", "/watch"):
        html = client.get(path).text
        filters = html.split('class="filters"', 1)[1].split("</form>", 1)[0]
        assert "placeholder=" not in filters, path
        assert 'class="hint"' in filters, path
    assert 'id="edge-legend"' in client.get("/graph").text
