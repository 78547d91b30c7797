"""natasha's dependency parse made a tree that spaCy accepts.

slovnet picks each token's head by argmax, so a sentence can come back with no root,
several roots or a cycle. spaCy needs exactly one root per sentence and no cycle
(sentences are read off the tree), so extra roots are attached to the first, and a
cycle is broken by attaching one of its tokens to the root.
"""

from __future__ import annotations

ROOT = "ROOT"
"""The root label, written as the English model writes it."""


def repair_tree(heads: list[int], rels: list[str]) -> tuple[list[int], list[str]]:
    """Heads (0-based within the sentence, a root pointing at itself) and labels.

    ``heads`` are natasha's 1-based head ids (0 = root) for one sentence.
    """
    size = len(heads)
    out = [h - 1 if 0 < h <= size else -1 for h in heads]
    labels = list(rels)
    for i in range(size):
        if out[i] == i:
            out[i] = -1
    roots = [i for i in range(size) if out[i] == -1]
    root = roots[0] if roots else _cycle_member(out)
    for i in roots[1:]:
        out[i] = root
        if labels[i] == "root":
            labels[i] = "parataxis"
    out[root] = root
    labels[root] = ROOT
    for i in range(size):
        _break_cycle(out, labels, i, root)
    return out, labels


def _cycle_member(heads: list[int]) -> int:
    """A token on a cycle (a sentence without a root is nothing but cycles below)."""
    node, seen = 0, set()
    while node not in seen:
        seen.add(node)
        node = heads[node]
    return node


def _break_cycle(heads: list[int], labels: list[str], start: int, root: int) -> None:
    """Follow heads from ``start``; when they loop before reaching the root, attach the
    token where the loop closed to the root."""
    path: list[int] = []
    on_path: set[int] = set()
    node = start
    while node != root and node not in on_path:
        path.append(node)
        on_path.add(node)
        node = heads[node]
    if node != root:
        heads[node] = root
        if labels[node] == "root":
            labels[node] = "parataxis"
