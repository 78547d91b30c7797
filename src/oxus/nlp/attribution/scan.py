"""One pass over a parsed Doc that attribution reads many times: tokens, mentions, paragraphs.

Attribution looks at every sentence's tokens, mentions and text several times. Asking
spaCy for ``doc.text``, ``doc[i]`` or a sentence's span group each time dominates its
cost, so the attributes are copied into plain lists once per Doc. A sentence is cut
into *segments* at blank lines: when the sentencizer runs a heading or a paragraph into
the next one, a hedge or a source in one paragraph must not leak into the other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc

from oxus.nlp.clauses import Ment, linked_mentions, without_overlaps
from oxus.nlp.tokenview import TokenView, token_view

PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[A-Z0-9\u0410-\u042f\u0401“\"«(])")
"""A blank line, or a line break before a capital (Latin or Cyrillic): a heading, caption or
byline ends there (a hard-wrapped sentence continues in lower case)."""
SCOPE_BOUNDARIES = frozenset({"relcl", "acl", "appos"})
"""Dependencies that open a nominal modifier: a hedge or denial outside does not reach in."""
UD_SCOPE_BOUNDARIES = frozenset({"acl", "acl:relcl"})
"""The same in a Russian parse, where a name is in apposition to its descriptor noun
("группировки «X»": X is the group itself, not a modifier)."""
COMPLEMENT_HOSTS = frozenset({"тот"})
COMPLEMENT_MARKS = frozenset({"что", "будто", "якобы"})
"""A clause hung on "том" is what is said, not a modifier: "опроверг сообщения о том, что
..." (the parse labels it ``acl``)."""


@dataclass
class Segment:
    """A run of tokens of one sentence that sits inside one paragraph."""

    sentence: int
    start: int
    end: int
    start_char: int
    end_char: int
    mentions: list[Ment] = field(default_factory=list)


class DocView(TokenView):
    """The Doc's token view, plus each sentence's paragraph segments and their mentions."""

    def __init__(self, doc: Doc) -> None:
        base = token_view(doc)
        self.__dict__.update(base.__dict__)
        self.segments = self._segments()
        self.boundaries = SCOPE_BOUNDARIES if doc.lang_ == "en" else UD_SCOPE_BOUNDARIES
        self._roots: dict[int, int] = {}

    def root_of(self, mention: Ment) -> int:
        """The token index of a segment mention's root, worked out once (the segments hold
        their mentions as long as the view lives, so a mention's identity is its key)."""
        root = self._roots.get(id(mention))
        if root is None:
            root = self._roots[id(mention)] = mention.span.root.i
        return root

    def in_scope(self, anchor: int, token: int) -> bool:
        """Whether ``token`` sits in the clause of ``anchor`` and not in a modifier inside it.

        "X is believed to be a splinter of Y, which Z founded": the hedge on "believed"
        covers X and Y, not Z's founding.
        """
        i, steps = token, 0
        while i != anchor:
            if self.head[i] == i or steps > 64:
                return False
            if (
                self.dep[i] in self.boundaries
                and not self._complement(i)
                and not self._names_head(i)
            ):
                return False
            i, steps = self.head[i], steps + 1
        return True

    def _names_head(self, i: int) -> bool:
        """Whether ``i`` is a name in apposition to a common noun it names ("the group's
        leader, X, is believed to ..."): the same person, in the clause, not a modifier."""
        return (
            self.dep[i] == "appos" and self.pos[i] == "PROPN" and self.pos[self.head[i]] == "NOUN"
        )

    def _complement(self, i: int) -> bool:
        """Whether a Russian clause the parse hangs on a noun says what the noun says
        ("сообщения о том, что ...", "утверждения, что ..."), rather than modifying it."""
        if self.lemma[self.head[i]] in COMPLEMENT_HOSTS:
            return True
        return any(
            self.dep[c] == "mark" and self.lemma[c] in COMPLEMENT_MARKS for c in self.children(i)
        )

    def _segments(self) -> list[list[Segment]]:
        """Per sentence, its paragraph segments with their (non-overlapping) mentions."""
        found = linked_mentions(self.doc)
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
                ments = without_overlaps([m for m in found[first:last] if m.end <= hi])
                end_char = self.idx[hi] if hi < len(self.idx) else len(self.text)
                segs.append(Segment(index, lo, hi, self.idx[lo], end_char, ments))
            out.append(segs)
        return out


def fact_ids(fact: object) -> list[str]:
    """Entity ids a fact names, the ones that locate it inside its sentence."""
    ids = [getattr(fact, "subject", None), getattr(fact, "object", None)]
    ids.extend(getattr(fact, "agents", None) or [])
    ids.extend(getattr(fact, "targets", None) or [])
    ids.append(getattr(fact, "location", None))
    return [i for i in ids if i]
