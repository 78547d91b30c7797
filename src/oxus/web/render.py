"""Turning analysis results into safe HTML fragments: highlighted documents, snippets.

Everything taken from documents is escaped here before any markup is added, so a
report containing ``<script>`` renders as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from oxus.analysis.search import SNIPPET_MARK
from oxus.model import Mention


@dataclass(frozen=True)
class Span:
    """A sentence to anchor (and maybe highlight) in a document."""

    start: int
    end: int
    highlight: bool = False


def entity_href(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe=':')}"


def evidence_href(evidence: Any) -> str:
    """The document page opened at the sentence of a piece of evidence, highlighted."""
    start, end = evidence.start, evidence.end
    return f"/documents/{quote(evidence.document_id)}?hl={start}-{end}#ev-{start}-{end}"


def parse_highlight(value: str | None, length: int) -> Span | None:
    """``?hl=120-245`` -> the span to highlight, when it lies inside the text."""
    if not value:
        return None
    found = re.fullmatch(r"(\d{1,12})-(\d{1,12})", value, flags=re.ASCII)
    if found is None:
        return None
    start, end = int(found[1]), int(found[2])
    if 0 <= start < end <= length:
        return Span(start, end, highlight=True)
    return None


def _sentences(spans: Iterable[Span], highlight: Span | None) -> list[Span]:
    """Non-overlapping sentence spans, the highlighted one winning any overlap."""
    chosen: list[Span] = [highlight] if highlight else []
    for span in sorted(set(spans), key=lambda s: (s.start, -s.end)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def highlight_document(
    text: str,
    mentions: list[Mention],
    *,
    evidence: Iterable[tuple[int, int]] = (),
    highlight: Span | None = None,
    names: dict[str, str] | None = None,
) -> Markup:
    """The document text as HTML: sentences anchored ``ev-START-END``, mentions linked."""
    names = names or {}
    sentences = _sentences((Span(s, e) for s, e in evidence), highlight)
    marks: list[tuple[int, int, str]] = []  # (offset, order, html): closes before opens
    for sentence in sentences:
        classes = "ev hl" if sentence.highlight else "ev"
        marks.append(
            (sentence.start, 2, f'<span id="ev-{sentence.start}-{sentence.end}" class="{classes}">')
        )
        close = sentence.end
        while close > sentence.start + 1 and text[close - 1].isspace():
            close -= 1  # keep trailing blank lines out of the highlight
        marks.append((close, 1, "</span>"))
    for mention in _linkable(mentions, sentences, len(text)):
        kind = escape(mention.entity_id.split(":", 1)[0])
        title = escape(names.get(mention.entity_id, mention.entity_id))
        href = escape(entity_href(mention.entity_id))
        marks.append((mention.start, 3, f'<a class="m m-{kind}" href="{href}" title="{title}">'))
        marks.append((mention.end, 0, "</a>"))
    marks.sort(key=lambda m: (m[0], m[1]))
    out, pos = [], 0
    for offset, _, html in marks:
        out.append(str(escape(text[pos:offset])))
        out.append(html)
        pos = offset
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _linkable(mentions: list[Mention], sentences: list[Span], length: int) -> list[Mention]:
    """Mentions that nest cleanly: overlapping no other mention and no sentence edge."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not 0 <= mention.start < mention.end <= length:
            continue
        if kept and mention.start < kept[-1].end:
            continue
        straddles = any(
            s.start < mention.end
            and mention.start < s.end
            and not (s.start <= mention.start and mention.end <= s.end)
            for s in sentences
        )
        if not straddles:
            kept.append(mention)
    return kept


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its matched words in ``<mark>``, everything else escaped."""
    start, end = SNIPPET_MARK
    escaped = str(escape(snippet))
    return Markup(escaped.replace(start, "<mark>").replace(end, "</mark>"))
