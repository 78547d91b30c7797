from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from oxus.errors import EMPTY, MALFORMED_FEED, ReadError
from oxus.ingest import read_source
from oxus.ingest.feed import entry_id

Write = Callable[[str, str | bytes], Path]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Example Security Wire</title>
<link>https://example.org/</link>
<description>News</description>
<item>
  <title>Five arrested in Dushanbe</title>
  <link>https://example.org/news/1</link>
  <guid>urn:example:1</guid>
  <pubDate>Thu, 30 Nov 2023 23:30:00 -0500</pubDate>
  <description>&lt;p&gt;Police detained &lt;b&gt;five&lt;/b&gt; men.&lt;/p&gt;&lt;p&gt;They were
  accused of recruiting.&lt;/p&gt;</description>
</item>
<item>
  <title>Exercise near the border</title>
  <link>https://example.org/news/2</link>
  <pubDate>Fri, 01 Dec 2023 10:00:00 GMT</pubDate>
  <description>Troops held a joint exercise.</description>
</item>
<item><title></title><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom Desk</title>
  <id>urn:example:feed</id>
  <updated>2024-01-11T12:00:00Z</updated>
  <entry>
    <title>Group pledges allegiance</title>
    <id>urn:example:entry:7</id>
    <updated>2024-01-11T12:00:00Z</updated>
    <published>2024-01-10T09:00:00+05:00</published>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;A faction pledged allegiance to the group,
      a video showed.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries(write: Write) -> None:
    path = write("wire.rss", RSS)
    first, second = read_source(path)
    assert first.id == "feed-" + hashlib.sha256(b"urn:example:1").hexdigest()[:12]
    assert second.id == entry_id("https://example.org/news/2")
    assert first.title == "Five arrested in Dushanbe"
    assert first.url == "https://example.org/news/1"
    assert first.outlet == "Example Security Wire"
    assert first.published == "2023-11-30"  # the date as written, not shifted to UTC
    assert first.media_type == "application/rss+xml"
    assert first.source == str(path)
    assert first.text == (
        "Five arrested in Dushanbe\n\nPolice detained five men.\n\nThey were accused of recruiting."
    )
    assert second.text == "Exercise near the border\n\nTroops held a joint exercise."
    assert second.published == "2023-12-01"
    assert first.id != second.id


def test_atom_entry_uses_content_and_id(write: Write) -> None:
    [doc] = read_source(write("desk.atom", ATOM))
    assert doc.media_type == "application/atom+xml"
    assert doc.outlet == "Example Atom Desk"
    assert doc.published == "2024-01-10"
    assert doc.text.endswith("A faction pledged allegiance to the group, a video showed.")
    assert "Short summary" not in doc.text
    assert doc.id == entry_id("urn:example:entry:7")


def test_xml_suffix_and_stable_ids(write: Write) -> None:
    ids = [d.id for d in read_source(write("wire.xml", RSS))]
    again = [d.id for d in read_source(write("copy/other-name.rss", RSS))]
    assert ids == again


@pytest.mark.parametrize(
    "content",
    [
        "this is not a feed",
        "<rss version='2.0'><channel><title>x</title><item><title></item></channel>",
        "<html><body><p>A web page</p></body></html>",
    ],
)
def test_malformed_feed(write: Write, content: str) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("bad.rss", content))
    assert info.value.code == MALFORMED_FEED


def test_feed_without_entries(write: Write) -> None:
    content = "<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    with pytest.raises(ReadError) as info:
        read_source(write("quiet.rss", content))
    assert info.value.code == EMPTY


def test_feed_text_that_looks_like_a_url_is_not_fetched(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("url.rss", "http://127.0.0.1:9/feed"))
    assert info.value.code == MALFORMED_FEED


def test_entries_sharing_a_link_are_two_documents(write: Write) -> None:
    items = "".join(
        f"<item><title>Update {n}</title><link>https://example.org/live</link>"
        f"{guid}<description>Update number {n} on the clashes.</description></item>"
        for n, guid in ((1, "<guid>live-1</guid>"), (2, "<guid>live-2</guid>"), (3, ""), (4, ""))
    )
    feed = f"<rss version='2.0'><channel><title>Live</title>{items}</channel></rss>"
    documents = read_source(write("live.rss", feed))
    assert len({d.id for d in documents}) == 4
    assert [d.id for d in read_source(write("again.rss", feed))] == [d.id for d in documents]
