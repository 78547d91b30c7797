"""Snippets for documents found through an entity's mentions rather than the full-text index.

The index writes its own snippets for plain word searches; a document found because it
mentions an entity gets the text around that mention, with the mention and any other
query words marked by ``SNIPPET_MARK`` characters.
"""

from __future__ import annotations

import re

SNIPPET_MARK = "\x02", "\x03"
"""Control characters around matched words in snippets: safe to escape, then mark up."""
WIDTH = 110
"""Characters of context on each side of the mention."""


def snippet_around(text: str, start: int, end: int, words: list[str] | None = None) -> str:
    """The text around ``text[start:end]``, cut at spaces, the span and ``words`` marked."""
    left = max(0, start - WIDTH)
    right = min(len(text), end + WIDTH)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    before, hit, after = text[left:start], text[start:end], text[end:right]
    open_, close = SNIPPET_MARK
    marked = _mark(before, words) + open_ + hit + close + _mark(after, words)
    marked = " ".join(marked.split())
    return ("… " if left > 0 else "") + marked + (" …" if right < len(text) else "")


def _mark(text: str, words: list[str] | None) -> str:
    wanted = [w for w in words or [] if len(w) >= 2]
    if not wanted:
        return text
    open_, close = SNIPPET_MARK
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in wanted) + r")\w*", re.IGNORECASE
    )
    return pattern.sub(lambda m: open_ + m.group(0) + close, text)
