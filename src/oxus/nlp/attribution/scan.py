"""One pass over a parsed Doc that attribution reads many times: tokens, mentions, paragraphs.

Attribution looks at every sentence's tokens, mentions and text several times. Asking
spaCy for ``doc.text``, ``doc[i]`` or a sentence's span group each time dominates its
cost, so the attributes are copied into plain lists once per Doc. A sentence is cut
into *segments* at blank lines: when the sentencizer runs a heading or a paragraph into
the next one, a hedge or a source in one paragraph must not leak into the other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

import numpy
from spacy.attrs import DEP, HEAD, IDX, POS, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc

from oxus.nlp.clauses import Ment
from oxus.nlp.extensions import MENTIONS, doc_text, token_strings

PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[A-Z0-9“\"«(])")
"""A blank line, or a line break before a capital: a heading, caption or byline ends there
(a hard-wrapped sentence continues in lower case)."""
SCOPE_BOUNDARIES = frozenset({"relcl", "acl", "appos"})
"""Dependencies that open a nominal modifier: a hedge or denial outside does not reach in."""


@dataclass
class Segment:
    """A run of tokens of one sentence that sits inside one paragraph."""

    sentence: int
    start: int
    end: int
    start_char: int
    end_char: int
    mentions: list[Ment] = field(default_factory=list)


class DocView:
    """Plain-list copies of the token attributes attribution reads, built once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # One array call; strings are looked up once per distinct value, not per token.
        array = doc.to_array([IDX, POS, DEP, HEAD, SENT_START])
        strings = doc.vocab.strings
        tokens = token_strings(doc)
        self.text = doc_text(doc)
        self.idx: list[int] = array[:, 0].tolist()
        self.lower = tokens.lower
        self.lemma = tokens.lemma
        self.pos = _names(array[:, 1], strings)
        self.dep = _names(array[:, 2], strings)
        self.head = [i + rel for i, rel in enumerate(array[:, 3].astype("int64").tolist())]
        starts = array[:, 4].astype("int64")
        self.sent_starts: list[int] = [0, *(numpy.flatnonzero(starts[1:] == 1) + 1).tolist()]
        self._children: dict[int, list[int]] = {}
        self.segments = self._segments()

    def token_at(self, char: int) -> int:
        """The index of the token that covers (or last starts before) a character offset."""
        return max(bisect_right(self.idx, char) - 1, 0)

    def children(self, i: int) -> list[int]:
        """Dependents of token ``i``, found within its sentence and cached (few are asked)."""
        found = self._children.get(i)
        if found is None:
            at = bisect_right(self.sent_starts, i) - 1
            lo = self.sent_starts[at]
            hi = self.sent_starts[at + 1] if at + 1 < len(self.sent_starts) else len(self.head)
            found = [j for j in range(lo, hi) if self.head[j] == i and j != i]
            self._children[i] = found
        return found

    def subtree(self, i: int) -> list[int]:
        """Token indices under ``i``, including ``i``."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j))
        return out

    def in_scope(self, anchor: int, token: int) -> bool:
        """Whether ``token`` sits in the clause of ``anchor`` and not in a modifier inside it.

        "X is believed to be a splinter of Y, which Z founded": the hedge on "believed"
        covers X and Y, not Z's founding.
        """
        i, steps = token, 0
        while i != anchor:
            if self.dep[i] in SCOPE_BOUNDARIES or self.head[i] == i or steps > 64:
                return False
            i, steps = self.head[i], steps + 1
        return True

    def _segments(self) -> list[list[Segment]]:
        """Per sentence, its paragraph segments with their (non-overlapping) mentions."""
        found = _linked(self.doc)
        starts = [m.start for m in found]
        out: list[list[Segment]] = []
        size = len(self.idx)
        bounds = self.sent_starts if size else []
        for index, (start, end) in enumerate(pairwise([*bounds, size])):
            cuts = [start]
            start_char = self.idx[start]
            end_char = self.idx[end] if end < size else len(self.text)
            for brk in PARAGRAPH.finditer(self.text[start_char:end_char].rstrip()):
                tok = bisect_left(self.idx, start_char + brk.end(), start, end)
                if cuts[-1] < tok < end:
                    cuts.append(tok)
            cuts.append(end)
            segs = []
            for lo, hi in pairwise(cuts):
                first = bisect_left(starts, lo)
                last = bisect_left(starts, hi, first)
                ments = _greedy([m for m in found[first:last] if m.end <= hi])
                end_char = self.idx[hi] if hi < len(self.idx) else len(self.text)
                segs.append(Segment(index, lo, hi, self.idx[lo], end_char, ments))
            out.append(segs)
        return out


def _names(column: numpy.ndarray, strings: StringStore) -> list[str]:
    """The strings behind a column of hashes, each distinct hash looked up once."""
    if not len(column):
        return []
    keys, inverse = numpy.unique(column, return_inverse=True)
    table = [strings[int(k)] if k else "" for k in keys]
    return [table[k] for k in inverse.tolist()]


def _linked(doc: Doc) -> list[Ment]:
    if MENTIONS not in doc.spans:
        return []
    found = [Ment(span, span.kb_id_, span.label_) for span in doc.spans[MENTIONS] if span.kb_id_]
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _greedy(found: list[Ment]) -> list[Ment]:
    """Drop mentions that overlap an earlier (longer-first) one."""
    out: list[Ment] = []
    for ment in found:
        if out and ment.start < out[-1].end:
            continue
        out.append(ment)
    return out


def fact_ids(fact: object) -> list[str]:
    """Entity ids a fact names, the ones that locate it inside its sentence."""
    ids = [getattr(fact, "subject", None), getattr(fact, "object", None)]
    ids.extend(getattr(fact, "agents", None) or [])
    ids.extend(getattr(fact, "targets", None) or [])
    ids.append(getattr(fact, "location", None))
    return [i for i in ids if i]
