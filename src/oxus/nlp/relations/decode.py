"""From relation candidates to relations: one per triple, kept when the scorer agrees.

A triple stated in several sentences keeps the evidence of its most convincing one;
its confidence is that candidate's calibrated probability.
"""

from __future__ import annotations

from oxus.model import Relation
from oxus.nlp.candidates import Candidate
from oxus.nlp.scoring.linear import LinearScorer

RULE_PREFIX = "*|rule|"
RULES_ONLY = 0.8
"""Confidence of a rule-found relation when no learned scorer is available."""


def rules_only_probability(features: dict[str, float]) -> float:
    """Without a model, a candidate some rule found is kept, any other dropped."""
    return RULES_ONLY if any(name.startswith(RULE_PREFIX) for name in features) else 0.0


def score_relations(candidates: list[Candidate[Relation]], scorer: LinearScorer | None) -> None:
    for cand in candidates:
        if scorer is not None:
            cand.probability = scorer.probability(cand.features)
        else:
            cand.probability = rules_only_probability(cand.features)


def select_relations(candidates: list[Candidate[Relation]], threshold: float) -> list[Relation]:
    """The relations of candidates already scored: per triple, the best, if above threshold.

    A triple the body states too is shown with the body's sentence rather than the
    headline's (a headline is the evidence only of what only it says).
    """
    best: dict[tuple[str, ...], Candidate[Relation]] = {}
    body: dict[tuple[str, ...], Candidate[Relation]] = {}
    for cand in candidates:
        kept = best.get(cand.key)
        if kept is None or cand.probability > kept.probability:
            best[cand.key] = cand
        if cand.fact.evidence.sentence_index > 0 and cand.probability >= threshold:
            told = body.get(cand.key)
            if told is None or cand.probability > told.probability:
                body[cand.key] = cand
    out = []
    for key, cand in best.items():
        if cand.probability < threshold:
            continue
        shown = body.get(key, cand)
        shown.fact.confidence = round(cand.probability, 3)
        out.append(shown.fact)
    out.sort(key=lambda r: (r.evidence.start, r.predicate.value, r.subject, r.object))
    return out
