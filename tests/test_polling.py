"""Polling feeds: intervals, feed lists, conditional fetches, the schedule, ingestion."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from oxus.errors import OxusError, ReadError
from oxus.polling import FeedState, fetch, parse_every, poll_once, read_feed_list, run_every
from oxus.store import Store
from tests.feedserver import serve_folder

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Wire</title><link>http://valley.example/</link>
<description>Invented test feed</description>
{items}
</channel></rss>
"""
ITEM = """<item><title>{title}</title><link>http://valley.example/{n}</link>
<pubDate>Mon, 0{n} Apr 2024 09:00:00 GMT</pubDate><description>{text}</description></item>"""


def write_feed(folder: Path, *items: tuple[str, str]) -> Path:
    body = "\n".join(ITEM.format(n=i + 1, title=t, text=x) for i, (t, x) in enumerate(items))
    path = folder / "valley.xml"
    path.write_text(FEED.format(items=body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("1h", 3600), ("2h30m", 9000), ("90s", 90), ("1H", 3600)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "m", "1d", "0s", "-5m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(OxusError, match="bad interval"):
        parse_every(text)


def test_feed_lists(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# news\nhttps://a.example/rss\n\nhttp://b.example/atom  # b\nhttps://a.example/rss\n"
    )
    assert read_feed_list(listing) == ["https://a.example/rss", "http://b.example/atom"]
    listing.write_text("ftp://c.example/feed\n")
    with pytest.raises(OxusError, match="not an http"):
        read_feed_list(listing)
    listing.write_text("# nothing\n")
    with pytest.raises(OxusError, match="no feed URLs"):
        read_feed_list(listing)
    with pytest.raises(ReadError):
        read_feed_list(tmp_path / "missing.txt")


def test_fetch_asks_only_for_changes(tmp_path: Path) -> None:
    path = write_feed(tmp_path, ("One", "First item."))
    state = FeedState()
    with serve_folder(tmp_path) as base:
        assert fetch(f"{base}/valley.xml", state).startswith(b"<?xml")
        assert state.modified is not None
        assert fetch(f"{base}/valley.xml", state) is None  # 304 Not Modified
        later = time.time() + 5
        os.utime(path, (later, later))
        assert fetch(f"{base}/valley.xml", state) is not None
        with pytest.raises(ReadError, match="HTTP 404"):
            fetch(f"{base}/missing.xml", FeedState())
    with pytest.raises(ReadError, match="cannot be fetched"):
        fetch(base + "/valley.xml", FeedState(), timeout=2)  # the server is gone


def test_poll_ingests_new_entries_and_skips_stored_ones(tmp_path: Path, db_path: Path) -> None:
    write_feed(
        tmp_path,
        ("Police arrest five in Dushanbe", "Police arrested five men in Dushanbe on Monday."),
        ("Border calm", "The border with Afghanistan was calm, officials said."),
    )
    (tmp_path / "page.html").write_text("<html><body><p>Not a feed.</p></body></html>")
    store = Store(f"sqlite:///{db_path}")
    states: dict[str, FeedState] = {}
    with serve_folder(tmp_path) as base:
        urls = [f"{base}/valley.xml", f"{base}/page.html"]
        first = poll_once(urls, store, states=states)
        assert [f.status for f in first.feeds] == ["read", "failed"]
        assert "malformed feed" in (first.failed[0].reason or "")
        assert first.ingest.outcomes["added"] == 2
        again = poll_once(urls, store, states=states)
        assert again.feeds[0].status == "unchanged" and not again.ingest.outcomes
        fresh = poll_once(urls[:1], store, states={})
        assert fresh.ingest.outcomes == {"unchanged": 2}
    documents = [store.document(i) for i in store.document_ids()]
    assert {d.outlet for d in documents if d} == {"Valley Wire"}
    store.close()


def test_the_schedule_polls_every_interval() -> None:
    now = [0.0]
    slept: list[float] = []
    polled: list[float] = []

    def poll() -> None:
        polled.append(now[0])
        now[0] += 2.0  # a poll takes two seconds

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    assert run_every(10.0, poll, polls=3, sleep=sleep, clock=lambda: now[0]) == 3
    assert polled == [0.0, 10.0, 20.0] and slept == [8.0, 8.0]
