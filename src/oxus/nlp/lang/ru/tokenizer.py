"""Russian tokenization: razdel's tokens as a spaCy ``Doc`` whose text is the input, exactly.

razdel (natasha's segmenter) keeps abbreviations ("т.е."), numbers with decimal
commas ("1,5") and hyphenated words ("17-й", "Ид-Гах") whole, which the models behind
natasha were trained on. spaCy wants each token with a flag for one trailing space, so
any other run of whitespace between two tokens (a line break, a blank line, two
spaces) becomes a whitespace token of its own, as spaCy's own tokenizers do; the
offsets of every token are then those of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import razdel
from spacy.tokens import Doc
from spacy.vocab import Vocab

_RUNS = re.compile(r"\s+|\S+")


def words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """The words of ``text`` (whitespace runs included) and their trailing-space flags,
    such that joining them gives back ``text``."""
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for token in razdel.tokenize(text):
        if token.start < position:
            continue  # never happens with razdel; kept so offsets can only move forward
        _gap(text[position : token.start], words, spaces)
        words.append(token.text)
        spaces.append(False)
        position = token.stop
    _gap(text[position:], words, spaces)
    return words, spaces


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Add the text between two tokens: one space becomes the previous token's trailing
    space, anything else whitespace (or text razdel skipped) tokens of their own."""
    if not gap:
        return
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    for run in _RUNS.findall(gap):
        words.append(run)
        spaces.append(False)


class RussianTokenizer:
    """The ``nlp.tokenizer`` of a Russian pipeline: text -> ``Doc`` of razdel tokens."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> RussianTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> RussianTokenizer:
        return self
