"""Russian sentence boundaries: razdel's, a blank line, and a length cap.

razdel places boundaries from punctuation; a blank line also ends a sentence (as in
the English pipeline, so a headline never joins the first sentence under it), and an
over-long run of tokens without one (a table, a list) is cut, since the parser's cost
grows with the square of a sentence's length.
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
            paragraph = paragraph or word.count("\n") >= 2
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
