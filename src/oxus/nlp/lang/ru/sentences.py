"""Russian sentence boundaries: razdel's, a blank line, and a length cap.

razdel places boundaries from punctuation. As in the English pipeline a blank line also
ends a sentence, and so does a line break unless the next line carries on in lower case
(a headline, dateline or caption never joins the text under it; a hard-wrapped sentence
stays whole). An over-long run of tokens without a boundary (a table, a list) is cut,
since the parser's cost grows with the square of a sentence's length.
"""

from __future__ import annotations

from bisect import bisect_right

import razdel

MAX_TOKENS = 200
"""The most tokens one sentence may have before it is cut."""


def sentence_groups(text: str, words: list[str], starts: list[int]) -> list[list[int]]:
    """Token indices grouped by sentence, whitespace tokens left out.

    ``words`` are the Doc's token texts and ``starts`` their character offsets.
    """
    bounds = [sent.start for sent in razdel.sentenize(text)] or [0]
    groups: list[list[int]] = []
    current: list[int] = []
    last_sentence = -1
    paragraph = False
    for i, word in enumerate(words):
        if word.isspace():
            breaks = word.count("\n")
            paragraph = paragraph or breaks >= 2 or (breaks == 1 and not _lower_next(words, i))
            continue
        sentence = bisect_right(bounds, starts[i]) - 1
        if current and (sentence != last_sentence or paragraph or len(current) >= MAX_TOKENS):
            groups.append(current)
            current = []
        current.append(i)
        last_sentence = sentence
        paragraph = False
    if current:
        groups.append(current)
    return groups


def _lower_next(words: list[str], i: int) -> bool:
    """Whether the first word after position ``i`` starts in lower case."""
    following = next((w for w in words[i + 1 :] if not w.isspace()), "")
    return following[:1].islower()
