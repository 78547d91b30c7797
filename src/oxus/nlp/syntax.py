"""Dependency paths between tokens: the shape of the parse that links two words.

Learned scorers read how two mentions (or a trigger and an argument) are connected:
the labels climbed from one word to their lowest common ancestor and then descended
to the other, and the words along the way. The path is language-neutral in form; its
labels are whatever the parser of the document's language gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from oxus.nlp.tokenview import TokenView

CLIMB = 40
"""A parse deeper than this is cut short (a malformed tree must not loop)."""


@dataclass(frozen=True)
class DepPath:
    """From token ``a`` up to ``top`` (their lowest common ancestor), then down to ``b``."""

    up: tuple[int, ...]
    """Tokens from ``a`` (included) to below ``top``."""
    top: int
    down: tuple[int, ...]
    """Tokens from below ``top`` down to ``b`` (included)."""

    def __len__(self) -> int:
        return len(self.up) + len(self.down)

    def labels(self, view: TokenView) -> str:
        """``nsubj^ dobj_``: each step's dependency label, ``^`` climbing, ``_`` descending."""
        return " ".join(
            [*(f"{view.dep[t]}^" for t in self.up), *(f"{view.dep[t]}_" for t in self.down)]
        )

    def lexical(self, view: TokenView) -> str:
        """The labels with the top word's lemma in the middle (``nsubj^ lead dobj_``)."""
        ups = [f"{view.dep[t]}^" for t in self.up]
        downs = [f"{view.dep[t]}_" for t in self.down]
        return " ".join([*ups, view.lemma[self.top], *downs])

    def inner(self) -> list[int]:
        """The tokens strictly between the two ends, top included."""
        return [*self.up[1:], self.top, *self.down[:-1]]


def dep_path(view: TokenView, a: int, b: int) -> DepPath | None:
    """The path between two tokens of one sentence, or None (other sentences, same token)."""
    if a == b:
        return None
    head = view.head
    climb: dict[int, int] = {}
    chain_a: list[int] = []
    node = a
    for depth in range(CLIMB):
        climb[node] = depth
        chain_a.append(node)
        if head[node] == node:
            break
        node = head[node]
    chain_b: list[int] = []
    node = b
    for _ in range(CLIMB):
        if node in climb:
            return DepPath(
                up=tuple(chain_a[: climb[node]]), top=node, down=tuple(reversed(chain_b))
            )
        chain_b.append(node)
        if head[node] == node:
            return None
        node = head[node]
    return None


UD_COARSE = {
    "nsubj": "subj", "nsubj:pass": "subj", "csubj": "subj", "obj": "obj", "iobj": "obj",
    "flat": "comp", "flat:name": "comp", "amod": "mod", "det": "mod", "nummod": "mod",
    "nummod:gov": "mod", "advmod": "mod", "appos": "appos", "conj": "conj", "acl": "acl",
    "acl:relcl": "acl", "advcl": "clause", "ccomp": "clause", "parataxis": "clause",
    "obl:agent": "agent",
}  # fmt: skip
"""Universal Dependencies labels folded into a few coarse ones, the genitive told apart
from a prepositional phrase ("лидер X": ``gen^``; "в X": ``pp``): a parse read from few
documents is learned better as fewer, denser paths."""


def coarse_label(view: TokenView, t: int) -> str | None:
    """The coarse label of token ``t``'s UD dependency (None: a preposition, which the
    noun it marks already says)."""
    dep = view.dep[t]
    if dep == "case":
        return None
    if dep in ("obl", "nmod"):
        if any(view.dep[c] == "case" for c in view.children(t)):
            return "pp"
        return "gen" if "Gen" in view.doc[t].morph.get("Case", []) else "mod"
    if dep == "xcomp":
        return "pred" if view.pos[t] in ("NOUN", "ADJ", "PROPN") else "clause"
    return UD_COARSE.get(dep, dep)


def coarse_path(view: TokenView, path: DepPath) -> str:
    """A UD path in coarse labels (``gen^ appos_``)."""
    ups = [coarse_label(view, t) for t in path.up]
    downs = [coarse_label(view, t) for t in path.down]
    return " ".join([*(f"{u}^" for u in ups if u), *(f"{d}_" for d in downs if d)])
