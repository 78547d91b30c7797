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


ENGLISH_COARSE = {
    "nsubj": "subj", "nsubjpass": "subj", "csubj": "subj", "csubjpass": "subj", "expl": "subj",
    "dobj": "obj", "dative": "obj", "oprd": "obj", "attr": "pred", "acomp": "pred",
    "poss": "gen", "compound": "comp", "amod": "mod", "nmod": "mod", "nummod": "mod",
    "det": "mod", "advmod": "mod", "npadvmod": "mod", "quantmod": "mod", "appos": "appos",
    "conj": "conj", "relcl": "acl", "acl": "acl", "advcl": "clause", "xcomp": "clause",
    "ccomp": "clause", "parataxis": "clause", "pcomp": "clause",
}  # fmt: skip
UD_COARSE = {
    "nsubj": "subj", "nsubj:pass": "subj", "csubj": "subj", "obj": "obj", "iobj": "obj",
    "flat": "comp", "flat:name": "comp", "amod": "mod", "det": "mod", "nummod": "mod",
    "nummod:gov": "mod", "advmod": "mod", "appos": "appos", "conj": "conj", "acl": "acl",
    "acl:relcl": "acl", "advcl": "clause", "ccomp": "clause", "parataxis": "clause",
    "obl:agent": "agent",
}  # fmt: skip
"""Either parser's labels mapped onto one coarse set, so a path learned from English
reports ("leader of X": ``gen^``) reads the same in Russian ("лидер X": ``gen^``)."""
SKIPPED = frozenset({"prep", "agent", "case"})


def coarse_label(view: TokenView, t: int, english: bool) -> str | None:
    """The coarse label of token ``t``'s dependency (None: a preposition, merged into its
    object)."""
    dep = view.dep[t]
    if dep in SKIPPED and english:
        return None
    if english:
        if dep == "pobj":
            prep = view.head[t]
            if view.dep[prep] == "agent":
                return "agent"
            return "gen" if view.lower[prep] == "of" else "pp"
        return ENGLISH_COARSE.get(dep, dep)
    if dep in ("obl", "nmod"):
        if any(view.dep[c] == "case" for c in view.children(t)):
            return "pp"
        return "gen" if "Gen" in view.doc[t].morph.get("Case", []) else "mod"
    if dep == "xcomp":
        return "pred" if view.pos[t] in ("NOUN", "ADJ", "PROPN") else "clause"
    return UD_COARSE.get(dep, dep)


def coarse_path(view: TokenView, path: DepPath, english: bool) -> str:
    """The path in coarse labels (``gen^ appos_``), prepositions merged into their objects."""
    ups = [coarse_label(view, t, english) for t in path.up]
    downs = [coarse_label(view, t, english) for t in path.down]
    return " ".join([*(f"{u}^" for u in ups if u), *(f"{d}_" for d in downs if d)])
