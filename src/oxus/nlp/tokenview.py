"""Plain-list copies of a parsed Doc's token attributes, built once per Doc.

Indexing a Doc builds a new Token object every time; the components that walk every
pair of mentions (relations), every candidate's sources (attribution) or every token of
a sentence read these lists instead. One view per Doc, shared through ``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy
from spacy.attrs import DEP, HEAD, IDX, POS, SENT_START, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from oxus.nlp.extensions import doc_text, token_strings

VIEW_KEY = "oxus_token_view"


class TokenView:
    """Text, lower case, lemma, part of speech, tag, dependency and head of every token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        array = doc.to_array([IDX, POS, DEP, HEAD, SENT_START, TAG])
        strings = doc.vocab.strings
        tokens = token_strings(doc)
        self.text = doc_text(doc)
        self.words = tokens.text
        self.idx: list[int] = array[:, 0].tolist()
        self.lower = tokens.lower
        self.lemma = tokens.lemma
        self.pos = _names(array[:, 1], strings)
        self.dep = _names(array[:, 2], strings)
        self.head = [i + rel for i, rel in enumerate(array[:, 3].astype("int64").tolist())]
        starts = array[:, 4].astype("int64")
        self.sent_starts: list[int] = [0, *(numpy.flatnonzero(starts[1:] == 1) + 1).tolist()]
        self.tag = _names(array[:, 5], strings)
        self._children: dict[int, list[int]] = {}
        self._subtrees: dict[int, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self.idx)

    def token_at(self, char: int) -> int:
        """The index of the token that covers (or last starts before) a character offset."""
        return max(bisect_right(self.idx, char) - 1, 0)

    def sentence_of(self, i: int) -> int:
        """The index of the sentence token ``i`` is in."""
        return bisect_right(self.sent_starts, i) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of sentence ``index``."""
        starts = self.sent_starts
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.head)

    def children(self, i: int) -> list[int]:
        """Dependents of token ``i``, found within its sentence (the first question about a
        sentence indexes the dependents of all its tokens in one pass)."""
        found = self._children.get(i)
        if found is None:
            self._index_sentence(i)
            found = self._children[i]
        return found

    def _index_sentence(self, i: int) -> None:
        lo, hi = self.sentence_span(self.sentence_of(i))
        found: dict[int, list[int]] = {t: [] for t in range(lo, hi)}
        head = self.head
        for j in range(lo, hi):
            h = head[j]
            if h != j and lo <= h < hi:
                found[h].append(j)
        self._children.update(found)

    @cached_property
    def negated(self) -> frozenset[int]:
        """Tokens that are a negation ("not", "never") or have one among their dependents."""
        found: set[int] = set()
        for j, dep in enumerate(self.dep):
            if dep == "neg":
                found.add(j)
                h = self.head[j]
                if h != j and self.sentence_of(h) == self.sentence_of(j):
                    found.add(h)
        return frozenset(found)

    def subtree(self, i: int) -> frozenset[int]:
        """Token indices under ``i``, including ``i`` (cached)."""
        found = self._subtrees.get(i)
        if found is None:
            out, stack = [], [i]
            while stack:
                j = stack.pop()
                out.append(j)
                stack.extend(self.children(j))
            found = self._subtrees[i] = frozenset(out)
        return found


def token_view(doc: Doc) -> TokenView:
    """The Doc's view, built on first use (after the parser has run)."""
    found = doc.user_data.get(VIEW_KEY)
    if not isinstance(found, TokenView) or found.doc is not doc:
        found = doc.user_data[VIEW_KEY] = TokenView(doc)
    return found


def _names(column: numpy.ndarray, strings: StringStore) -> list[str]:
    """The strings behind a column of hashes, each distinct hash looked up once."""
    if not len(column):
        return []
    keys, inverse = numpy.unique(column, return_inverse=True)
    table = [strings[int(k)] if k else "" for k in keys]
    return [table[k] for k in inverse.tolist()]
