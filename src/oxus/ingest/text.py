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
from oxus.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_KEYS = frozenset({"title", "url", "outlet", "published"})
_BLOCK_INDICATORS = frozenset({">", "|", ">-", "|-", ">+", "|+"})

# Markdown syntax that is not part of the prose (applied line by line, in order).
_MD_RULES = [
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), ""),  # code fences
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S.*$", re.M), ""),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1"),  # bullet markers
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # links and images
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis *x*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _x_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]
_MD_HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)


def read(raw: RawSource) -> list[Document]:
    """Read a .txt or .md file into one Document."""
    content = decode_text(raw)
    meta, body = split_front_matter(content)
    markdown = raw.suffix in MARKDOWN_SUFFIXES
    title = meta.get("title")
    if markdown:
        if title is None and (heading := _MD_HEADING.search(body)):
            title = strip_markdown(heading.group(1))
        body = strip_markdown(body)
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


def strip_markdown(text: str) -> str:
    """Remove Markdown markup, keeping the words and the paragraph structure."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
