"""Coordinated names share what ties the list to the rest of the sentence.

"Four member states of the CSTO – Kazakhstan, Kyrgyzstan, Russia and Tajikistan" or
"the suspects, identified as A, B and C": the words that relate the list to its group
sit next to the list's nearest name only; the others are reached through commas and
"and", which a dependency path or the words between say little about. Each name of a
list therefore also carries what its nearest list-mate's pair has: the rules that fired
on it, its dependency path, and its cue words, as ``list`` features the scorer weighs
apart from the name's own.
"""

from __future__ import annotations

from itertools import pairwise

from oxus.disjoint_sets import DisjointSets
from oxus.nlp.relations.args import DEMONYM, NAME, Arg
from oxus.nlp.scoring.linear import Features
from oxus.nlp.tokenview import TokenView

GLUE = frozenset({",", "and", "or", ";", "&", "as", "well", "the", "also"})
"""Words that may join two names of one list ("A, B, as well as the C")."""
LISTED_KINDS = frozenset({NAME, DEMONYM})
SHARED_PREFIXES = ("rule|", "path|", "pcue|", "bcue|")
"""What a list-mate's pair lends: rule hits, its path and the cue words on or beside it."""
PAREN_LIMIT = 6
"""Longest parenthesis (an acronym, a gloss) skipped between two names of a list."""


def coordination_lists(view: TokenView, args: list[Arg]) -> dict[int, int]:
    """{position in ``args``: list number} for names coordinated with a name of their type,
    by the words between them ("A, B and C", "A (AB) and C") or by the parse (``conj``)."""
    named = [i for i, a in enumerate(args) if a.kind in LISTED_KINDS]
    lists = DisjointSets(named)
    by_root = {args[i].root: i for i in named}
    for x, y in pairwise(named):
        a, b = args[x], args[y]
        if a.type == b.type and a.id != b.id and _glued(view, a.end, b.start):
            lists.join(y, into=x)
    for i in named:
        j = _conj_head(view, args[i].root, by_root)
        if j is not None and args[j].type == args[i].type and args[j].id != args[i].id:
            lists.join(i, into=j)
    groups = lists.groups()
    return {i: root for root, members in groups.items() if len(members) > 1 for i in members}


def _glued(view: TokenView, start: int, end: int) -> bool:
    """Whether only list glue (and parentheses) sits in ``[start, end)``, at least one word."""
    if end <= start:
        return False
    i = start
    while i < end:
        word = view.lower[i]
        if word == "(":
            close = next(
                (k for k in range(i + 1, min(i + PAREN_LIMIT, end)) if view.lower[k] == ")"), None
            )
            if close is None:
                return False
            i = close + 1
            continue
        if word not in GLUE:
            return False
        i += 1
    return True


def _conj_head(view: TokenView, root: int, by_root: dict[int, int]) -> int | None:
    """The arg whose root the token ``root`` is coordinated under (through ``conj`` links)."""
    node = root
    for _ in range(8):
        if view.dep[node] != "conj" or view.head[node] == node:
            return None
        node = view.head[node]
        if node in by_root:
            return by_root[node]
    return None


def list_features(predicate: str, mate: Features) -> Features:
    """The features a name borrows from its list-mate's candidate ``mate``."""
    p = predicate
    lead = f"{p}|"
    out: Features = {f"{p}|list": 1.0}
    for name in mate:
        if not name.startswith(lead):
            continue
        suffix = name[len(lead) :]
        if suffix.startswith(SHARED_PREFIXES):
            out[f"{p}|list|{suffix}"] = 1.0
    if "*|rule" in mate:
        out["*|list_rule"] = 1.0
    return out
