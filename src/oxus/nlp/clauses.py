"""Shared helpers over a parsed sentence: its mentions, lists of mentions, dates, evidence.

Relations, events and attribution all reason about the same things: which entity
mentions a sentence holds, which of them form a list ("IMU, JA and IJU"), what a token's
clause is, and where the evidence sentence sits in the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.model import Evidence
from oxus.nlp.extensions import DATES, MENTIONS, span_text

LIST_FILLERS = frozenset(
    {
        ",",
        "and",
        "or",
        "as",
        "well",
        "the",
        "a",
        "an",
        "(",
        ")",
        "both",
        "also",
        "its",
        "their",
        "&",
        "-",
        "–",
        "—",
        ";",
        "plus",
        "including",
        "such",
        "namely",
        "“",
        "”",
        '"',
        "'",
    }
)
"""Tokens that may sit between two mentions of one list ("IMU, JA and the IJU")."""


@dataclass(frozen=True)
class Ment:
    """One entity mention within a sentence: the span plus its resolved id and type."""

    span: Span
    id: str
    type: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def mentions_in(doc: Doc, start: int, end: int) -> list[Ment]:
    """Linked mentions whose tokens lie inside ``[start, end)``, in text order."""
    if MENTIONS not in doc.spans:
        return []
    found = [
        Ment(span, span.kb_id_, span.label_)
        for span in doc.spans[MENTIONS]
        if span.start >= start and span.end <= end and span.kb_id_
    ]
    found.sort(key=lambda m: (m.start, -m.end))
    return without_overlaps(found)


def sentence_mentions(sent: Span) -> list[Ment]:
    return mentions_in(sent.doc, sent.start, sent.end)


LINKED_KEY = "oxus_linked_mentions"


def linked_mentions(doc: Doc) -> list[Ment]:
    """Every linked mention of the Doc, sorted by (start, -end), overlaps kept.

    Relations, events and attribution each ask several times per Doc: the list is read
    once per mention group (the linker's), and each caller gets its own copy."""
    if MENTIONS not in doc.spans:
        return []
    group = doc.spans[MENTIONS]
    cached = doc.user_data.get(LINKED_KEY)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return list(cached[2])
    found = [Ment(span, span.kb_id_, span.label_) for span in group if span.kb_id_]
    found.sort(key=lambda m: (m.start, -m.end))
    doc.user_data[LINKED_KEY] = (group, len(group), found)
    return list(found)


def without_overlaps(found: list[Ment]) -> list[Ment]:
    """Drop mentions that overlap an earlier (longer-first) one."""
    out: list[Ment] = []
    for ment in found:
        if out and ment.start < out[-1].end:
            continue
        out.append(ment)
    return out


def sentences_with_mentions(doc: Doc) -> Iterator[tuple[int, Span, list[Ment]]]:
    """(index, sentence, its mentions) for every sentence, in one pass over the mentions.

    Same result as ``sentence_mentions`` per sentence, without rescanning the whole span
    group for each sentence (long reports hold hundreds of mentions).
    """
    found = linked_mentions(doc)
    starts = [m.start for m in found]
    for index, sent in enumerate(doc.sents):
        lo = bisect_left(starts, sent.start)
        hi = bisect_left(starts, sent.end, lo)
        yield index, sent, without_overlaps([m for m in found[lo:hi] if m.end <= sent.end])


def doc_mentions(doc: Doc) -> list[Ment]:
    """All linked mentions of the Doc (``mentions_in`` over the whole Doc)."""
    return without_overlaps(linked_mentions(doc))


def mention_lists(sent: Span, mentions: list[Ment]) -> list[list[Ment]]:
    """Group consecutive mentions separated only by list fillers into lists."""
    doc = sent.doc
    lists: list[list[Ment]] = []
    for ment in mentions:
        if lists:
            prev = lists[-1][-1]
            gap = doc[prev.end : ment.start]
            if len(gap) <= 6 and all(t.lower_ in LIST_FILLERS for t in gap):
                lists[-1].append(ment)
                continue
        lists.append([ment])
    return lists


def sentence_index_map(doc: Doc) -> dict[int, int]:
    """{first token index of a sentence: its position in the document}."""
    return {sent.start: i for i, sent in enumerate(doc.sents)}


def evidence_for(sent: Span, index: int) -> Evidence:
    """A sentence as evidence: its text without surrounding blank lines, offsets into the doc."""
    raw = span_text(sent)
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Evidence(text=text, start=start, end=start + len(text), sentence_index=index)


def dates_in(sent: Span) -> list[Span]:
    """Resolved date spans (``span._.date``) inside the sentence, in text order."""
    doc = sent.doc
    if DATES not in doc.spans:
        return []
    spans = [
        s for s in doc.spans[DATES] if s.start >= sent.start and s.end <= sent.end and s._.date
    ]
    return sorted(spans, key=lambda s: s.start)


def governing_verb(token: Token) -> Token:
    """The nearest verb (or the root) above a token: the head of its clause."""
    current = token
    while current.head.i != current.i:
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "compound"):
            return current
        current = current.head
    return current


def in_subtree(token: Token, root: Token) -> bool:
    return token.i == root.i or any(a.i == root.i for a in token.ancestors)
