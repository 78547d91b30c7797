"""Which reader reads a source: by file suffix, else by sniffing the first bytes.

Readers are imported on first use: the HTML reader pulls in trafilatura, which costs
more to import than reading a whole folder of text files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from oxus.errors import EMPTY, UNSUPPORTED
from oxus.ingest.base import RawSource
from oxus.ingest.decoding import bom_encoding
from oxus.model import Document

Reader = Callable[[RawSource], list[Document]]

READERS_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
SUPPORTED_SUFFIXES = frozenset(READERS_BY_SUFFIX)

_SNIFF_BYTES = 1024
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_STARTS = (b"<!doctype html", b"<html")


def sniff(data: bytes) -> str | None:
    """The reader for content whose suffix says nothing: PDF, feed or HTML signatures."""
    head = data[:_SNIFF_BYTES]
    encoding = bom_encoding(head)
    if encoding is not None and encoding != "utf-8-sig":
        head = head.decode(encoding, errors="ignore").encode("utf-8")
    if b"%PDF-" in head:
        return "pdf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(root in lowered for root in _FEED_ROOTS):
        return "feed"
    if lowered.startswith(_HTML_STARTS) or b"<html" in lowered:
        return "html"
    return None


def reader_name(raw: RawSource) -> str:
    """Choose the reader for ``raw``; raise ReadError(UNSUPPORTED) when none fits."""
    name = READERS_BY_SUFFIX.get(raw.suffix) or sniff(raw.data)
    if name is not None:
        return name
    if not raw.suffix:
        return "text"
    raise raw.fail(f"unsupported file type '{raw.suffix}'", UNSUPPORTED)


def get_reader(name: str) -> Reader:
    """The ``read`` function of the reader module ``oxus.ingest.<name>``."""
    module = importlib.import_module(f"oxus.ingest.{name}")
    return cast(Reader, module.read)


def read_raw(raw: RawSource) -> list[Document]:
    """Read a source's bytes with the reader that fits them."""
    if not raw.data.strip():
        raise raw.fail("empty file", EMPTY)
    return get_reader(reader_name(raw))(raw)
