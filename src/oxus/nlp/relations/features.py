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

PairParts = tuple[list[str], list[tuple[str, str | None]]]
"""A pair's feature names before and after the rule features, without the predicate."""


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
        memo: dict[tuple[Any, ...], PairParts] | None = None,
    ) -> Features:
        """The candidate's features. What does not depend on the predicate is read once
        per pair of ends when ``memo`` (one per sentence) is given."""
        key = (subject, obj, sent_start, sent_end, args_between, headline)
        parts = memo.get(key) if memo is not None else None
        if parts is None:
            parts = self._pair_parts(view, *key)
            if memo is not None:
                memo[key] = parts
        p = predicate
        head, tail = parts
        f: Features = {p: 1.0}
        for suffix in head:
            f[f"{p}|{suffix}"] = 1.0
        for rule in rules:
            f[f"{p}|rule|{rule}"] = 1.0
            f[f"*|rule|{rule}"] = 1.0
        if rules:
            f["*|rule"] = 1.0
        for other in other_rules:
            f[f"{p}|other_rule|{other}"] = 1.0
        if (subject.id, p, obj.id) in self.priors:
            f[f"{p}|prior"] = 1.0
        for suffix, cue in tail:
            if cue is None:
                f[f"{p}|{suffix}"] = 1.0
            else:
                f[f"{p}|{suffix}|{'=' if cue == p else cue}"] = 1.0
        return f

    def _pair_parts(
        self,
        view: TokenView,
        subject: Arg,
        obj: Arg,
        sent_start: int,
        sent_end: int,
        args_between: int,
        headline: bool,
    ) -> PairParts:
        """The feature names of a pair without their predicate prefix, in order: those
        before the rule features, and those after (a cue category is named apart, as it
        reads ``=`` when it is the candidate's own predicate)."""
        lemma = view.lemma
        pos = view.pos
        head = [f"t|{subject.type}>{obj.type}"]
        if subject.kind != NAME or obj.kind != NAME:
            head.append(f"k|{subject.kind}>{obj.kind}")
        first, last = (subject, obj) if subject.start < obj.start else (obj, subject)
        head.append(f"ord|{'so' if first is subject else 'os'}")
        gap = max(0, last.start - first.end)
        head.append(f"gap|{_bucket(gap)}")
        head.append(f"between_args|{min(args_between, 2)}")
        if headline:
            head.append("headline")
        tail: list[tuple[str, str | None]] = []
        if gap <= BETWEEN_LIMIT:
            between = [t for t in range(first.end, last.start) if pos[t] not in SKIP_POS]
            for t in between:
                tail.append((f"bw|{lemma[t]}", None))
                tail.extend(("bcue", q) for q in self.cues.get(lemma[t], ()))
            if gap <= SEQUENCE_LIMIT:
                seq = " ".join(view.lower[t] for t in range(first.end, last.start))
                tail.append((f"bseq|{seq}", None))
        if first.start > sent_start:
            tail.append((f"pre|{view.lower[first.start - 1]}", None))
        if last.end < sent_end:
            tail.append((f"post|{view.lower[last.end]}", None))
        path = dep_path(view, subject.root, obj.root)
        if path is None:
            tail.append(("nopath", None))
            return head, tail
        size = len(path)
        tail.append((f"plen|{min(size, PATH_LIMIT + 1)}", None))
        if size <= PATH_LIMIT:
            tail.append((f"path|{path.labels(view)}", None))
            if view.doc.lang_ != "en":
                tail.append((f"cpath|{coarse_path(view, path)}", None))
        if size <= LEXICAL_PATH_LIMIT:
            tail.append((f"plex|{path.lexical(view)}", None))
        tail.append((f"top|{pos[path.top]}", None))
        for t in path.inner():
            if pos[t] in SKIP_POS:
                continue
            tail.append((f"pw|{lemma[t]}", None))
            tail.extend(("pcue", q) for q in self.cues.get(lemma[t], ()))
            if t in view.negated:
                tail.append(("neg", None))
        return head, tail
