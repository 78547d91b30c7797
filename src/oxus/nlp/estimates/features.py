"""Features of an estimate candidate: what is counted, how the subject is tied to it."""

from __future__ import annotations

import math
from typing import NamedTuple

from spacy.tokens import Span, Token

from oxus.model import Estimate
from oxus.nlp.estimates.options import measure_cues
from oxus.nlp.extensions import TokenStrings
from oxus.nlp.scoring.linear import Features


def _magnitude(value: float | None) -> str:
    if value is None:
        return "none"
    if value <= 0:
        return "0"
    return str(min(int(math.log10(value)), 5))


class CountContext(NamedTuple):
    """What the features read around a count: the same for every option of it."""

    verb: str
    """Lemma of the verb governing the count (or of the head where the climb stops)."""
    cued: list[str]
    """Measures the words around the count cue, in text order."""


def count_context(span: Span, strings: TokenStrings) -> CountContext:
    """What the features of every option of the count ``span`` read around it."""
    lemma = strings.lemma
    head = span.root.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    sent = span.sent
    lo, hi = max(sent.start, span.start - 8), min(sent.end, span.end + 8)
    cues = measure_cues(span.doc.lang_)
    lower = strings.lower
    cued = [c for i in range(lo, hi) for c in (cues.get(lower[i], ()) or cues.get(lemma[i], ()))]
    return CountContext(lemma[head.i], cued)


def estimate_features(
    span: Span,
    estimate: Estimate,
    strings: TokenStrings,
    *,
    noun: Token | None,
    subject_type: str,
    tie: str,
    rule_choice: bool,
    rule_measure: bool,
    too_small: bool,
    headline: bool,
    context: CountContext,
) -> Features:
    """The features of one option of a count; ``context`` is :func:`count_context`, read
    once for all the count's options."""
    m = estimate.measure.value
    lemma = strings.lemma
    f: Features = {m: 1.0, f"{m}|type|{subject_type}": 1.0, f"{m}|tie|{tie}": 1.0}
    f[f"{m}|tie_type|{tie.rstrip('>')}|{subject_type}"] = 1.0
    f[f"*|tie_type|{tie.rstrip('>')}|{subject_type}"] = 1.0
    f[f"*|tie|{tie}"] = 1.0
    f[f"{m}|q|{estimate.qualifier.value}"] = 1.0
    f[f"{m}|mag|{_magnitude(estimate.high if estimate.high is not None else estimate.low)}"] = 1.0
    if rule_choice:
        f[f"{m}|rule"] = 1.0
        f["*|rule"] = 1.0
    if not rule_measure:
        f[f"{m}|alt_measure"] = 1.0
        f["*|alt_measure"] = 1.0
    f[f"*|q|{estimate.qualifier.value}"] = 1.0
    f[f"*|mag|{_magnitude(estimate.high if estimate.high is not None else estimate.low)}"] = 1.0
    if noun is not None and m in measure_cues(span.doc.lang_).get(lemma[noun.i], ()):
        f["*|noun_names_measure"] = 1.0
    if too_small:
        f[f"{m}|small"] = 1.0
    if headline:
        f[f"{m}|headline"] = 1.0
    if noun is not None:
        f[f"{m}|noun|{lemma[noun.i]}"] = 1.0
    f[f"{m}|verb|{context.verb}"] = 1.0
    for cued in context.cued:
        f[f"{m}|ctx|{'=' if cued == m else cued}"] = 1.0
    if estimate.subject.startswith("state:") and tie.startswith("phrase"):
        f[f"{m}|origin_state"] = 1.0
    return f


def mark_features(
    measure: str, subject_type: str, tie: str, marks: set[str], unnamed_group: bool
) -> Features:
    """Features of the cues the sentence gives about one subject option
    (:mod:`oxus.nlp.estimates.marks`), per measure and shared across measures. The
    "chain" mark is left to the subject rule (:func:`~oxus.nlp.estimates.options.spec_choice`)."""
    f: Features = {}
    own = tie.rstrip(">")
    for mark in marks - {"chain"}:
        f[f"{measure}|mark|{mark}|{subject_type}"] = 1.0
        f[f"*|mark|{mark}|{subject_type}"] = 1.0
    if unnamed_group:
        where = "in" if own in ("phrase", "chain", "present") else "out"
        f[f"*|unnamed|{subject_type}|{where}"] = 1.0
        f[f"{measure}|unnamed|{subject_type}|{where}"] = 1.0
    return f
