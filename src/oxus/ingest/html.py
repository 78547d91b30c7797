"""HTML pages: the article's main text and metadata, without navigation and boilerplate.

trafilatura finds the main text and the title, date, canonical URL and site name. When it
finds no article (very short pages, unusual layouts) the reader falls back to the visible
text of the page, so a page with text is never lost for lack of an article template.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from oxus.errors import BINARY, EMPTY, MALFORMED_HTML
from oxus.ingest.base import RawSource, make_document, with_title
from oxus.ingest.dates import normalize_date
from oxus.ingest.decoding import decode_text, looks_binary
from oxus.model import Document

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]{1,40})""", re.I
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DECLARATION_BYTES = 4096
_TEXT_MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
_WHITESPACE = re.compile(r"\s+")
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside"}
    | {"form", "button", "select", "svg", "iframe", "title", "meta", "link"}
)
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure"}
    | {"figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"}
    | {"table", "tr", "td", "th", "caption", "hr", "body", "html"}
)
_DATE_OPTIONS = {"original_date": True, "extensive_search": True}


def read(raw: RawSource) -> list[Document]:
    """Read an HTML page into one Document."""
    if looks_binary(raw.data):
        raise raw.fail("binary data, not HTML", BINARY)
    markup = _XML_DECLARATION.sub("", decode_text(raw, declared=declared_charset(raw.data)), 1)
    if _TEXT_MARKUP.search(markup[:65536]) is None:
        raise raw.fail("malformed HTML: no markup found", MALFORMED_HTML)
    tree = _parse(raw, markup)
    result = trafilatura.bare_extraction(
        markup,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATE_OPTIONS,
    )
    extracted: dict[str, Any] = {}
    if isinstance(result, dict):
        extracted = result
    elif result is not None:
        extracted = result.as_dict()
    if extracted.get("text"):
        # trafilatura puts one block per line; blank lines make the paragraphs explicit.
        body = str(extracted["text"]).replace("\n", "\n\n")
        title, url, outlet = extracted.get("title"), extracted.get("url"), extracted.get("sitename")
        published = normalize_date(extracted.get("date"))
    else:
        body = element_text(tree)
        title, url, outlet, published = _page_metadata(tree)
    if not body.strip():
        raise raw.fail("HTML page has no text", EMPTY)
    return [
        make_document(
            raw,
            with_title(title, body),
            media_type="text/html",
            title=title,
            url=url,
            outlet=outlet,
            published=published,
        )
    ]


def _parse(raw: RawSource, markup: str) -> lxml.html.HtmlElement:
    """Parse the decoded page (libxml2 would guess Latin-1 for bytes without a meta)."""
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as e:
        raise raw.fail(f"malformed HTML: {e}", MALFORMED_HTML) from e


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first kilobytes (``<meta charset>``), if any."""
    match = _META_CHARSET.search(data[:_DECLARATION_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment, one paragraph per block element.

    Text without any markup is returned as it is (feeds mix plain and HTML summaries).
    """
    if _TEXT_MARKUP.search(markup) is None:
        return markup
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return markup
    return element_text(fragment)


def element_text(root: lxml.html.HtmlElement) -> str:
    """Visible text under ``root``: whitespace as a browser shows it, blocks as paragraphs."""
    parts: list[str] = []
    skipping = 0  # depth inside an invisible element (script, nav, ...)
    events = ("start", "end", "comment", "pi")
    for event, element in lxml.etree.iterwalk(root, events=events):
        if event in ("comment", "pi"):
            # Comments and processing instructions are invisible; their tail is not.
            if not skipping and element.tail:
                parts.append(_WHITESPACE.sub(" ", element.tail))
            continue
        tag = element.tag
        if event == "start":
            if skipping or tag in _SKIP:
                skipping += 1
                continue
            parts.append("\n\n" if tag in _BLOCKS else "\n" if tag == "br" else "")
            if element.text:
                parts.append(_WHITESPACE.sub(" ", element.text))
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif tag in _BLOCKS:
            parts.append("\n\n")
        if element.tail and element is not root:
            parts.append(_WHITESPACE.sub(" ", element.tail))
    return "".join(parts)


def _page_metadata(tree: lxml.html.HtmlElement) -> tuple[str | None, ...]:
    """Title, URL, site name and date from the page head, for the fallback path."""

    def meta(*names: str) -> str | None:
        for name in names:
            for attribute in ("property", "name", "itemprop"):
                found = tree.xpath(f'//meta[@{attribute}="{name}"]/@content')
                if found and found[0].strip():
                    return str(found[0]).strip()
        return None

    title = meta("og:title", "twitter:title") or tree.findtext(".//title")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = meta("og:url") or (str(canonical[0]) if canonical else None)
    outlet = meta("og:site_name", "application-name")
    date = meta("article:published_time", "datePublished", "date", "pubdate", "dc.date")
    return title, url, outlet, normalize_date(date)
