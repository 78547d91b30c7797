"""Training the extraction model: one calibrated, thresholded scorer per fact family."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime

from oxus.learn.families import FAMILIES, Family, Rows
from oxus.learn.fit import best_threshold, fit_linear, platt
from oxus.learn.labels import GoldView
from oxus.learn.samples import Sample
from oxus.nlp.scoring.bundle import ExtractionModel
from oxus.nlp.scoring.linear import LinearScorer

INNER_FOLDS = 3
REGULARISATION = {"relations": 0.3}
"""Inverse regularisation strength (``C``) per family, chosen by cross-validation."""


def folds_of(samples: Sequence[Sample], k: int, *, seed: int = 13) -> list[list[int]]:
    """Sample positions in ``k`` folds by document (shuffled with a fixed seed)."""
    order = sorted(range(len(samples)), key=lambda i: samples[i].doc_id)
    random.Random(seed).shuffle(order)
    return [order[f::k] for f in range(k)]


def _stack(rows: Sequence[Rows]) -> tuple[list, list[int]]:
    features = [f for r in rows for f in r.features]
    labels = [label for r in rows for label in r.labels]
    return features, labels


def train_family(
    family: Family, samples: Sequence[Sample], views: Sequence[GoldView]
) -> LinearScorer:
    """Fit, calibrate on inner folds, and set the F1-maximising threshold."""
    c = REGULARISATION.get(family.name, 0.5)
    rows = [family.rows(s, v) for s, v in zip(samples, views, strict=True)]
    margins: list[float] = []
    labels: list[int] = []
    probabilities_by_sample: list[list[float]] = [[] for _ in samples]
    inner = folds_of(samples, min(INNER_FOLDS, len(samples))) if len(samples) > 1 else []
    oof: list[LinearScorer | None] = [None] * len(samples)
    for held in inner:
        held_set = set(held)
        train_rows = [rows[i] for i in range(len(samples)) if i not in held_set]
        scorer = fit_linear(*_stack(train_rows), c=c)
        for i in held:
            oof[i] = scorer
            margins.extend(scorer.margin(f) for f in rows[i].features)
            labels.extend(rows[i].labels)
    scale, shift = platt(margins, labels)
    decisions: list[tuple[float, bool]] = []
    gold_total = 0
    for i, sample in enumerate(samples):
        held_scorer = oof[i]
        if held_scorer is None:
            continue
        held_scorer.scale, held_scorer.shift = scale, shift
        cands = getattr(sample.candidates, family.name)
        probabilities_by_sample[i] = [held_scorer.probability(c.features) for c in cands]
        decisions.extend(family.decisions(sample, views[i], probabilities_by_sample[i]))
        gold_total += family.gold_total(sample)
    final = fit_linear(*_stack(rows), c=c)
    final.scale, final.shift = scale, shift
    final.threshold = best_threshold(decisions, gold_total)
    return final


def train_model(samples: Sequence[Sample], *, note: str = "") -> ExtractionModel:
    """A model for every family, trained on all ``samples``."""
    views = [GoldView(s) for s in samples]
    scorers = {family.name: train_family(family, samples, views) for family in FAMILIES}
    info = {
        "trained": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "documents": len(samples),
        "note": note,
        "features": {name: len(s.weights) for name, s in scorers.items()},
    }
    return ExtractionModel(scorers=scorers, info=info)
