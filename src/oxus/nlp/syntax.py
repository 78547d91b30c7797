"""Dependency paths between tokens: the shape of the parse that links two words.

Learned scorers read how two mentions (or a trigger and an argument) are connected:
the labels climbed from one word to their lowest common ancestor and then descended
to the other, and the words along the way. The path is language-neutral in form; its
labels are whatever the parser of the document's language gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True)
class DepPath:
    """From token ``a`` up to ``top`` (their lowest common ancestor), then down to ``b``."""

    up: tuple[Token, ...]
    """Tokens from ``a`` (included) to below ``top``."""
    top: Token
    down: tuple[Token, ...]
    """Tokens from below ``top`` down to ``b`` (included)."""

    def __len__(self) -> int:
        return len(self.up) + len(self.down)

    def labels(self) -> str:
        """``nsubj^ dobj_``: each step's dependency label, ``^`` climbing, ``_`` descending."""
        ups = [f"{t.dep_}^" for t in self.up]
        downs = [f"{t.dep_}_" for t in self.down]
        return " ".join(ups + downs)

    def lexical(self, lemma: list[str]) -> str:
        """The labels with the top word's lemma in the middle (``nsubj^ lead dobj_``)."""
        ups = [f"{t.dep_}^" for t in self.up]
        downs = [f"{t.dep_}_" for t in self.down]
        return " ".join([*ups, lemma[self.top.i], *downs])

    def inner(self) -> list[Token]:
        """The tokens strictly between the two ends, top included."""
        return [*self.up[1:], self.top, *self.down[:-1]] if self.up or self.down else []


def dep_path(a: Token, b: Token) -> DepPath | None:
    """The path between two tokens of one sentence, or None (other sentences, too long)."""
    if a.i == b.i:
        return None
    climb: dict[int, int] = {}
    chain_a: list[Token] = []
    node = a
    for depth in range(40):
        climb[node.i] = depth
        chain_a.append(node)
        if node.head.i == node.i:
            break
        node = node.head
    chain_b: list[Token] = []
    node = b
    for _ in range(40):
        if node.i in climb:
            top = node
            up = tuple(chain_a[: climb[node.i]])
            return DepPath(up=up, top=top, down=tuple(reversed(chain_b)))
        chain_b.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    return None
