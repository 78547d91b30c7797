"""Markdown to plain text with a real CommonMark parser (markdown-it-py).

Regular expressions over Markdown go quadratic on unclosed emphasis and misread nested
syntax; the parser reads any input in time proportional to its length. The words stay,
the markup goes: headings, paragraphs, list items and table rows keep their own lines,
so paragraph breaks reach sentence splitting as blank lines.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is imported when a Markdown file is first read
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_TAGS = re.compile(r"<[^<>\n]*>")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """The prose of a Markdown text, and its first top-level heading (or None)."""
    blocks: list[tuple[str, bool]] = []  # (text, joins the previous block with one newline)
    title: str | None = None
    tokens = _parser().parse(source)
    in_heading = ""
    tight = False
    row: list[str] = []
    in_cell = False
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            in_heading = token.tag
        elif kind == "heading_close":
            in_heading = ""
        elif kind == "paragraph_open":
            tight = token.hidden
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = token.nesting == 1
        elif kind == "tr_close":
            blocks.append((" ".join(cell for cell in row if cell), True))
            row = []
        elif kind == "inline":
            text = inline_text(token.children or [])
            if in_cell:
                row.append(text)
                continue
            if in_heading == "h1" and title is None:
                title = text
            blocks.append((text, tight))
            tight = False
        elif kind in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), False))
        elif kind == "html_block":
            blocks.append((_TAGS.sub("", token.content).strip(), False))
    return _join(blocks), title


def inline_text(children: list[Token]) -> str:
    """The words of an inline run: text, code and image descriptions, breaks as newlines."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(inline_text(child.children or []) or child.content)
    return "".join(parts)


def _join(blocks: list[tuple[str, bool]]) -> str:
    out: list[str] = []
    previous_tight = False
    for text, tight in blocks:
        if not text.strip():
            continue
        if out:
            out.append("\n" if tight and previous_tight else "\n\n")
        out.append(text)
        previous_tight = tight
    return "".join(out)
