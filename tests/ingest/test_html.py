from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from oxus.errors import BINARY, EMPTY, MALFORMED_HTML, ReadError
from oxus.ingest import read_source
from oxus.ingest.html import html_to_text

Write = Callable[[str, str | bytes], Path]

ARTICLE = """<!DOCTYPE html>
<html><head>
<title>Arrests in Dushanbe | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-11-30T08:00:00Z">
<link rel="canonical" href="https://example.org/news/arrests">
<script>var tracking = "do not read me";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<article>
<h1>Arrests in Dushanbe</h1>
<p>Police in Dushanbe detained five men suspected of links to an extremist group,
officials said on Thursday.</p>
<p>The suspects were accused of recruiting young people online and planning to travel
abroad to join militants in Syria, according to the interior ministry.</p>
<p>The ministry said the men had been under surveillance for several months before the
arrests were made in two districts of the capital.</p>
</article>
<aside>Most read: celebrity gossip of the week</aside>
<footer>Copyright 2023 Example News. All rights reserved. Cookie policy.</footer>
</body></html>
"""


def test_article_text_and_metadata(write: Write) -> None:
    [doc] = read_source(write("arrests.html", ARTICLE))
    assert doc.id == "arrests"
    assert doc.media_type == "text/html"
    assert doc.title == "Arrests in Dushanbe"
    assert doc.url == "https://example.org/news/arrests"
    assert doc.outlet == "Example News"
    assert doc.published == "2023-11-30"
    assert doc.text.startswith("Arrests in Dushanbe\n\nPolice in Dushanbe detained five men")
    assert "officials said on Thursday." in doc.text
    assert "\n\nThe suspects were accused" in doc.text
    for boilerplate in ("Subscribe", "Copyright", "celebrity", "tracking", "Home"):
        assert boilerplate not in doc.text


def test_short_page_falls_back_to_visible_text(write: Write) -> None:
    page = (
        "<html><head><title>Short note</title><script>x=1</script></head>"
        "<body><p>Five arrested in Khujand.</p></body></html>"
    )
    [doc] = read_source(write("short.htm", page))
    assert "Five arrested in Khujand." in doc.text
    assert "x=1" not in doc.text
    assert doc.title == "Short note"


def test_utf8_without_charset_declaration(write: Write) -> None:
    page = "<html><body><p>Полиция задержала пятерых мужчин в Душанбе.</p></body></html>"
    [doc] = read_source(write("ru.html", page.encode("utf-8")))
    assert "Полиция задержала" in doc.text
    assert doc.language == "ru"


def test_no_markup_is_malformed(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("plain.html", "just some words, no tags"))
    assert info.value.code == MALFORMED_HTML


def test_unparseable_markup_is_malformed(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("broken.html", "<!-- only a comment -->"))
    assert info.value.code == MALFORMED_HTML


def test_page_without_text_is_empty(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("blank.html", "<html><body><div></div></body></html>"))
    assert info.value.code == EMPTY


def test_binary_html(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("bin.html", b"<html>\x00\x01\x02"))
    assert info.value.code == BINARY


def test_html_to_text_blocks_and_inline() -> None:
    markup = "<p>One <b>bold</b>\n  word.</p><ul><li>a</li><li>b</li></ul>x<br>y<!-- c --> z"
    assert html_to_text(markup).split() == ["One", "bold", "word.", "a", "b", "x", "y", "z"]
    assert "word.\n\n" in html_to_text(markup)
    assert "x\ny" in html_to_text(markup)


def test_html_to_text_plain_text_unchanged() -> None:
    assert html_to_text("no markup\nhere") == "no markup\nhere"
