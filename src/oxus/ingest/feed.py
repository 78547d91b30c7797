"""RSS and Atom feeds: one Document per entry.

An entry's id is derived from its guid (RSS) or id (Atom), else its link, so that
reading the same feed again, or another feed that syndicates the same item, gives the
same document id, while two entries that share a link (a live page updated through the
day) stay two documents.
"""

from __future__ import annotations

import hashlib
import io
import time
from typing import Any

import feedparser

from oxus.errors import BINARY, EMPTY, MALFORMED_FEED
from oxus.ingest.base import RawSource, make_document, with_title
from oxus.ingest.dates import normalize_date
from oxus.ingest.decoding import looks_binary
from oxus.ingest.html import html_to_text
from oxus.ingest.normalize import normalize_text
from oxus.model import Document

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read(raw: RawSource) -> list[Document]:
    """Read every entry of an RSS or Atom feed that has text."""
    if looks_binary(raw.data):
        raise raw.fail("binary data, not a feed", BINARY)
    # A file object, never bytes or str: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(raw.data))
    if not parsed.get("version"):
        reason = _first_line(parsed.get("bozo_exception")) or "not an RSS or Atom feed"
        raise raw.fail(f"malformed feed: {reason}", MALFORMED_FEED)
    outlet = parsed.feed.get("title")
    atom = parsed.version.startswith("atom")
    media_type = "application/atom+xml" if atom else "application/rss+xml"
    documents: list[Document] = []
    keys: set[str] = set()
    for entry in parsed.entries:
        document = _entry_document(raw, entry, outlet=outlet, media_type=media_type, keys=keys)
        if document is not None:
            documents.append(document)
    if not documents:
        if parsed.get("bozo"):
            reason = _first_line(parsed.get("bozo_exception")) or "no readable entries"
            raise raw.fail(f"malformed feed: {reason}", MALFORMED_FEED)
        raise raw.fail("feed has no entries with text", EMPTY)
    return documents


def entry_id(key: str) -> str:
    """The document id of a feed entry: ``feed-`` and 12 hex digits of its key's hash."""
    return "feed-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def entry_key(entry: Any, text: str, keys: set[str]) -> str:
    """What identifies an entry: its guid or id, else its link, else its text.

    An entry without a guid whose link an earlier entry of the feed already used is
    told apart by its title and text, so it is not stored over the earlier one.
    """
    key = str(entry.get("id") or entry.get("link") or text)
    if key in keys:
        key = "\n".join((key, str(entry.get("title") or ""), text))
    keys.add(key)
    return key


def _entry_document(
    raw: RawSource, entry: Any, *, outlet: str | None, media_type: str, keys: set[str]
) -> Document | None:
    """The entry as a Document, or None when it has no text at all."""
    title = html_to_text(entry.get("title") or "").strip() or None
    body = _entry_text(entry)
    if not body.strip() and not title:
        return None
    text = with_title(title, body)
    if not normalize_text(text):
        return None
    link = entry.get("link") or None
    return make_document(
        raw,
        text,
        doc_id=entry_id(entry_key(entry, text, keys)),
        media_type=media_type,
        title=title,
        url=link,
        outlet=outlet,
        published=_entry_date(entry),
    )


def _entry_text(entry: Any) -> str:
    """The fullest text of the entry: its longest content, else its summary."""
    candidates = [
        (item.get("value") or "", item.get("type") or "text/html")
        for item in entry.get("content") or []
    ]
    if not candidates and entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    if not candidates:
        return ""
    value, kind = max(candidates, key=lambda candidate: len(candidate[0]))
    return html_to_text(value) if kind in _HTML_TYPES else value


def _entry_date(entry: Any) -> str | None:
    """The date as the feed writes it; feedparser's parsed (UTC) time as the fallback."""
    for key in ("published", "updated", "created"):
        if date := normalize_date(entry.get(key)):
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _first_line(error: object) -> str:
    text = str(error or "").strip()
    return text.splitlines()[0] if text else ""
