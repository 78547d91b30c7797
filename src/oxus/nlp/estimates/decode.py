"""From estimate candidates to estimates: for each count, the entity it sizes.

A count may have several candidate readings (measures and subjects); the best-scored
reading of a scored measure is kept when the scorer clears the threshold (else the
rules' reading of an unscored measure, if any), with any other subject of the same
measure that the rules coordinated with it and that clears it too ("IMU and Hizb
ut-Tahrir activists"). The same figure for the same
subject stated twice is one estimate. Counts of unscored measures (trade volumes,
distances) have no learned scorer and keep the rules' subject.
"""

from __future__ import annotations

from oxus.model import SCORED_MEASURES, Estimate
from oxus.nlp.candidates import Candidate, score_candidates
from oxus.nlp.scoring.linear import LinearScorer


def score_estimates(candidates: list[Candidate[Estimate]], scorer: LinearScorer | None) -> None:
    """Scored measures by the scorer; other counts (trade volumes) by the rules alone."""
    score_candidates(candidates, scorer, learned=lambda c: c.fact.measure in SCORED_MEASURES)


def select_estimates(candidates: list[Candidate[Estimate]], threshold: float) -> list[Estimate]:
    """The estimates of candidates already scored."""
    by_count: dict[tuple[str, ...], list[Candidate[Estimate]]] = {}
    for cand in candidates:
        by_count.setdefault(cand.key[:1], []).append(cand)
    kept: dict[tuple[object, ...], Candidate[Estimate]] = {}
    for readings in by_count.values():
        scored = [c for c in readings if c.fact.measure in SCORED_MEASURES]
        group = scored if any(c.probability >= threshold for c in scored) else readings
        group.sort(key=lambda c: -c.probability)
        best = group[0]
        cut = threshold if best.fact.measure in SCORED_MEASURES else 0.5
        if best.probability < cut:
            continue
        chosen = [best] + [
            c
            for c in group[1:]
            if c.probability >= cut
            and "*|rule" in c.features
            and c.fact.measure == best.fact.measure
        ]
        for cand in chosen:
            e = cand.fact
            key = (e.subject, e.measure, e.low, e.high)
            if key not in kept or cand.probability > kept[key].probability:
                kept[key] = cand
    out = []
    for cand in kept.values():
        cand.fact.confidence = round(cand.probability, 3)
        out.append(cand.fact)
    out.sort(key=lambda e: (e.evidence.start, e.measure.value, e.subject))
    return out
