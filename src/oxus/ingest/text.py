"""Plain text and Markdown, with optional front matter between ``---`` lines.

The front matter holds the report's metadata (``title``, ``url``, ``outlet``,
``published``); other keys are ignored. It is read line by line rather than as YAML
because real titles contain colons ("Under Black Flag: ...") that strict YAML rejects.
"""

from __future__ import annotations

import re

from oxus.errors import EMPTY
from oxus.ingest.base import RawSource, make_document
from oxus.ingest.dates import normalize_date
from oxus.ingest.decoding import decode_text
from oxus.ingest.markdown import markdown_to_text
from oxus.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_KEYS = frozenset({"title", "url", "outlet", "published"})
_BLOCK_INDICATORS = frozenset({">", "|", ">-", "|-", ">+", "|+"})


def read(raw: RawSource) -> list[Document]:
    """Read a .txt or .md file into one Document."""
    content = decode_text(raw)
    meta, body = split_front_matter(content)
    markdown = raw.suffix in MARKDOWN_SUFFIXES
    title = meta.get("title")
    if markdown:
        body, heading = markdown_to_text(body)
        title = title if title is not None else heading
    if not body.strip():
        raise raw.fail("no text after the front matter", EMPTY)
    return [
        make_document(
            raw,
            body,
            media_type="text/markdown" if markdown else "text/plain",
            title=title,
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            published=normalize_date(meta.get("published")),
        )
    ]


def split_front_matter(content: str) -> tuple[dict[str, str], str]:
    """Split ``content`` into its front-matter fields and the text after them.

    Without a closed ``---`` block, everything is text and there are no fields.
    """
    content = content.removeprefix("\ufeff")
    match = _FENCE.match(content)
    if match is None:
        return {}, content
    return parse_fields(match.group(1)), content[match.end() :]


def parse_fields(block: str) -> dict[str, str]:
    """The known ``key: value`` fields of a front-matter block (quotes removed)."""
    fields: dict[str, str] = {}
    key: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FIELD.match(line) if not line[0].isspace() else None
        if match is not None:
            key = match.group(1).lower()
            if key in _KEYS:
                value = _unquote(match.group(2) or "")
                fields[key] = "" if value in _BLOCK_INDICATORS else value
        elif key in fields and line[0].isspace():
            # An indented line continues the previous value (YAML folded style).
            fields[key] = f"{fields[key]} {_unquote(line)}".strip()
    return fields


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
