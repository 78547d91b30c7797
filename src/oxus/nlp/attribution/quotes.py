"""Quotations that run over several sentences, and who speaks inside them.

"“A. B,” X warned." names its speaker only in the sentence where the quotation closes;
"X said: “A. B.”" only in the one where it opens. The sentences in between, and the
first one of the former, name nobody, yet the text credits them to X. A quotation is
read within one paragraph: one that is left open at a paragraph's end is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from oxus.nlp.attribution.scan import DocView, Segment

OPENING = frozenset({"“", "«", "„"})
CLOSING = frozenset({"”", "»"})
STRAIGHT = '"'
LONGEST = 6
"""The most segments one quotation is read over: a stray quote mark reaches no further."""


@dataclass(frozen=True)
class Quotation:
    """A quotation over several segments: their places in document order (sentence,
    segment), the token that opens it and the one that closes it."""

    places: tuple[tuple[int, int], ...]
    opening: int
    closing: int


def quotations(view: DocView) -> list[Quotation]:
    """Every quotation that opens in one segment and closes in a later one."""
    if not any(mark in view.text for mark in (*OPENING, STRAIGHT)):
        return []  # most reports quote nobody: no walk over their words
    found: list[Quotation] = []
    opened: int | None = None
    places: list[tuple[int, int]] = []
    for index, segs in enumerate(view.segments):
        for at, seg in enumerate(segs):
            if opened is not None:
                places.append((index, at))
            for i in range(seg.start, seg.end):
                mark = view.lower[i]
                if opened is None and (mark in OPENING or mark == STRAIGHT):
                    opened, places = i, [(index, at)]
                elif opened is not None and (mark in CLOSING or mark == STRAIGHT):
                    if len(places) > 1:
                        found.append(Quotation(tuple(places), opened, i))
                    opened, places = None, []
            if opened is not None and (_ends_paragraph(view, seg) or len(places) >= LONGEST):
                opened, places = None, []
    return found


def _ends_paragraph(view: DocView, seg: Segment) -> bool:
    """Whether a line break follows the segment's last word."""
    text = view.text[seg.start_char : seg.end_char]
    return "\n" in text[len(text.rstrip()) :]
