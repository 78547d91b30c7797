"""Lexicon phrases written as lemma sequences, found in a Doc by its tokens' lemmas.

English lexicon phrases are matched on the lower-cased text ("according to"). A Russian
phrase changes its endings with case, number and tense, so its lexicon entry is the
sequence of its words' lemmas ("по данные" for "по данным", "запретить в Россия" for
"запрещена в России") and is found by comparing token lemmas. Whitespace tokens are
skipped, so a phrase broken by a line break is still found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from oxus.nlp.lexicon import phrase_set

T = TypeVar("T")


class LemmaPhrases(Generic[T]):
    """Phrases (lemma sequences) with a label each, indexed by their first lemma."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, label in phrases:
            words = tuple(phrase.lower().replace("ё", "е").split())
            if words:
                self.by_first.setdefault(words[0], []).append((words, label))
        for entries in self.by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def find(self, lemmas: list[str], start: int, end: int) -> list[tuple[int, int, T]]:
        """(first token, end token, label) of every phrase in ``lemmas[start:end]``, the
        longest first where several start at one token."""
        found: list[tuple[int, int, T]] = []
        for i in range(start, end):
            entries = self.by_first.get(lemmas[i])
            if not entries:
                continue
            for words, label in entries:
                stop = _match(lemmas, i, end, words)
                if stop is not None:
                    found.append((i, stop, label))
        return found


def _match(lemmas: list[str], i: int, end: int, words: tuple[str, ...]) -> int | None:
    """The end of ``words`` matched from token ``i`` (whitespace tokens skipped), else None."""
    j = i
    for word in words:
        while j < end and not lemmas[j].strip():
            j += 1
        if j >= end or lemmas[j] != word:
            return None
        j += 1
    return j


def lemma_phrase_set(values: list[str] | None) -> LemmaPhrases[str]:
    """A lexicon list of phrases as a :class:`LemmaPhrases` labelled by the phrase itself."""
    return LemmaPhrases((p, p) for p in phrase_set(values))
