"""Features of a relation candidate: how the sentence ties its two ends together.

Every feature is conjoined with the predicate (``leader_of|path|appos_ prep_ pobj_``),
so one linear model learns each predicate's own evidence; a few are also shared across
predicates (``*|rule|title``), so rare predicates borrow what the common ones learn.
Cue words come from the lexicon as *categories* (``cue:leader_of``): the same feature
fires for "leader", "emir" or "лидер", whatever the language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from oxus.nlp.lexicon import phrase_map, phrase_set
from oxus.nlp.relations.args import NAME, Arg
from oxus.nlp.scoring.linear import Features
from oxus.nlp.syntax import coarse_path, dep_path
from oxus.nlp.tokenview import TokenView

SKIP_POS = frozenset({"DET", "PUNCT", "SPACE"})
GAP_BUCKETS = ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"))
BETWEEN_LIMIT = 12
SEQUENCE_LIMIT = 4
PATH_LIMIT = 6
LEXICAL_PATH_LIMIT = 4
FAR_GAP = 13
"""Tokens between two ends from which a pair no rule links is too far to be one."""


def cue_categories(lex: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """{lemma: predicates it cues}, gathered from every cue list of the lexicon."""
    found: dict[str, set[str]] = {}

    def add(words: Iterable[str], predicate: str) -> None:
        for word in words:
            for part in str(word).lower().split():
                found.setdefault(part, set()).add(predicate)

    add(phrase_map(lex.get("titles")), "leader_of")
    add(lex.get("lead_verbs", {}), "leader_of")
    add(phrase_set(lex.get("member_words")), "member_of")
    add(phrase_set(lex.get("join_verbs")), "member_of")
    add(phrase_set(lex.get("citizen_nouns")), "citizen_of")
    for predicate, spec in (lex.get("cues") or {}).items():
        add(spec.get("lemmas") or [], predicate)
    based = lex.get("based_in") or {}
    add(based.get("lemmas") or [], "based_in")
    add(based.get("compounds") or [], "based_in")
    for name, frame in (lex.get("verb_frames") or {}).items():
        predicate = str(frame.get("predicate", name))
        add(frame.get("lemmas") or [], predicate)
        add(frame.get("nouns") or [], predicate)
    for noise in ("the", "of", "to", "in", "a", "-", "–"):
        found.pop(noise, None)
    return {word: frozenset(preds) for word, preds in found.items()}


def _bucket(gap: int) -> str:
    for limit, name in GAP_BUCKETS:
        if gap <= limit:
            return name
    return "13+"


class RelationFeaturizer:
    """Turns (sentence, subject Arg, predicate, object Arg) into named features."""

    def __init__(self, lex: Mapping[str, Any], priors: frozenset[tuple[str, str, str]]) -> None:
        self.cues = cue_categories(lex)
        self.priors = priors

    def too_far(self, view: TokenView, a: Arg, b: Arg) -> bool:
        """Ends far apart in the words and in the parse, which no rule links: such pairs
        are almost never a relation, and skipping them keeps extraction fast."""
        first, last = (a, b) if a.start < b.start else (b, a)
        if last.start - first.end < FAR_GAP:
            return False
        path = dep_path(view, a.root, b.root)
        return path is None or len(path) > PATH_LIMIT

    def features(
        self,
        view: TokenView,
        sent_start: int,
        sent_end: int,
        subject: Arg,
        predicate: str,
        obj: Arg,
        *,
        rules: frozenset[str],
        other_rules: frozenset[str],
        args_between: int,
        headline: bool,
    ) -> Features:
        p = predicate
        lemma = view.lemma
        pos = view.pos
        f: Features = {p: 1.0, f"{p}|t|{subject.type}>{obj.type}": 1.0}
        if subject.kind != NAME or obj.kind != NAME:
            f[f"{p}|k|{subject.kind}>{obj.kind}"] = 1.0
        first, last = (subject, obj) if subject.start < obj.start else (obj, subject)
        f[f"{p}|ord|{'so' if first is subject else 'os'}"] = 1.0
        gap = max(0, last.start - first.end)
        f[f"{p}|gap|{_bucket(gap)}"] = 1.0
        f[f"{p}|between_args|{min(args_between, 2)}"] = 1.0
        if headline:
            f[f"{p}|headline"] = 1.0
        for rule in rules:
            f[f"{p}|rule|{rule}"] = 1.0
            f[f"*|rule|{rule}"] = 1.0
        if rules:
            f["*|rule"] = 1.0
        for other in other_rules:
            f[f"{p}|other_rule|{other}"] = 1.0
        if (subject.id, p, obj.id) in self.priors:
            f[f"{p}|prior"] = 1.0
        if gap <= BETWEEN_LIMIT:
            between = [t for t in range(first.end, last.start) if pos[t] not in SKIP_POS]
            for t in between:
                f[f"{p}|bw|{lemma[t]}"] = 1.0
                for q in self.cues.get(lemma[t], ()):
                    f[f"{p}|bcue|{'=' if q == p else q}"] = 1.0
            if gap <= SEQUENCE_LIMIT:
                seq = " ".join(view.lower[t] for t in range(first.end, last.start))
                f[f"{p}|bseq|{seq}"] = 1.0
        if first.start > sent_start:
            f[f"{p}|pre|{view.lower[first.start - 1]}"] = 1.0
        if last.end < sent_end:
            f[f"{p}|post|{view.lower[last.end]}"] = 1.0
        path = dep_path(view, subject.root, obj.root)
        if path is None:
            f[f"{p}|nopath"] = 1.0
            return f
        size = len(path)
        f[f"{p}|plen|{min(size, PATH_LIMIT + 1)}"] = 1.0
        if size <= PATH_LIMIT:
            f[f"{p}|path|{path.labels(view)}"] = 1.0
            if view.doc.lang_ != "en":
                f[f"{p}|cpath|{coarse_path(view, path)}"] = 1.0
        if size <= LEXICAL_PATH_LIMIT:
            f[f"{p}|plex|{path.lexical(view)}"] = 1.0
        f[f"{p}|top|{pos[path.top]}"] = 1.0
        for t in path.inner():
            if pos[t] in SKIP_POS:
                continue
            f[f"{p}|pw|{lemma[t]}"] = 1.0
            for q in self.cues.get(lemma[t], ()):
                f[f"{p}|pcue|{'=' if q == p else q}"] = 1.0
            if view.dep[t] == "neg" or any(view.dep[c] == "neg" for c in view.children(t)):
                f[f"{p}|neg"] = 1.0
        return f
