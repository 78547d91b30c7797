"""Parts of a document that are not text to annotate: reference lists, footnotes with
URLs, credits, bylines, source lines and the agency in a dateline (facts format,
"Entities").

Detected line by line with the ``non_text_lines`` patterns of ``entity_cues.yaml``, plus
everything after a back-matter heading ("References", "Notes"). Mentions that start
inside these ranges are dropped.
"""

from __future__ import annotations

from bisect import bisect_right

from oxus.nlp.entities.cues import EntityCues


class Boilerplate:
    """Sorted character ranges of non-text lines, with a fast membership test."""

    def __init__(self, text: str, cues: EntityCues) -> None:
        ranges: list[tuple[int, int]] = []
        for pattern in cues.non_text_lines:
            # A pattern with a group named "skip" skips only that part of what it matches.
            group = "skip" if "skip" in pattern.groupindex else 0
            ranges.extend((m.start(group), m.end(group)) for m in pattern.finditer(text))
        heading = cues.back_matter.search(text)
        if heading is not None:
            ranges.append((heading.start(), len(text)))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._starts = [s for s, _ in merged]
        self._ranges = merged

    def __contains__(self, char: int) -> bool:
        index = bisect_right(self._starts, char) - 1
        return index >= 0 and char < self._ranges[index][1]

    def __bool__(self) -> bool:
        return bool(self._ranges)


KEPT = 64
"""Texts whose :class:`Boilerplate` is kept: more than a pipeline batch holds, as each
component sees every document of a batch before the next component runs."""

_kept: dict[tuple[int, str], tuple[EntityCues, Boilerplate]] = {}


def boilerplate_of(text: str, cues: EntityCues) -> Boilerplate:
    """The text's :class:`Boilerplate`, reused when the same text comes again: the
    gazetteer, the linker and the decoder all ask for it on every document."""
    key = (id(cues), text)
    kept = _kept.get(key)
    if kept is not None and kept[0] is cues:
        return kept[1]
    if len(_kept) >= KEPT:
        del _kept[next(iter(_kept))]
    found = Boilerplate(text, cues)
    _kept[key] = (cues, found)
    return found
