"""Training the extraction model: one calibrated, thresholded scorer per fact family.

Per family: rows from every sample; inner folds by document give out-of-fold margins,
on which the Platt calibration is fitted and the F1-maximising threshold chosen (by
decoding and scoring as ``oxus eval`` does); the final weights are fitted on all rows.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from oxus.learn.families import FAMILIES, Family, Rows, Tally
from oxus.learn.fit import fit_linear, platt
from oxus.learn.labels import GoldView, source_labels
from oxus.learn.samples import Sample
from oxus.nlp.scoring.bundle import ExtractionModel
from oxus.nlp.scoring.linear import Features, LinearScorer, sigmoid

INNER_FOLDS = 3
REGULARISATION = {"relations": 0.1, "events": 0.03, "estimates": 0.1}
"""Inverse regularisation strength (``C``) per family, chosen by cross-validation."""
SOURCE_REGULARISATION = 0.3
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))


def folds_of(samples: Sequence[Sample], k: int, *, seed: int = 13) -> list[list[int]]:
    """Sample positions in ``k`` folds by document (shuffled with a fixed seed)."""
    order = sorted(range(len(samples)), key=lambda i: samples[i].doc_id)
    random.Random(seed).shuffle(order)
    return [order[f::k] for f in range(k)]


def _stack(rows: Sequence[Rows]) -> tuple[list[Features], list[int]]:
    return [f for r in rows for f in r.features], [label for r in rows for label in r.labels]


def train_family(
    family: Family,
    samples: Sequence[Sample],
    views: Sequence[GoldView],
    extra: Rows | None = None,
) -> LinearScorer:
    """Fit, calibrate on inner folds, and set the F1-maximising threshold. ``extra`` rows
    (analysts' review decisions) join every fit but are never held out."""
    c = REGULARISATION.get(family.name, 0.1)
    rows = [family.rows(s, v) for s, v in zip(samples, views, strict=True)]
    added = [extra] if extra is not None else []
    margins: list[float] = []
    labels: list[int] = []
    held_margins: dict[int, list[float]] = {}
    for held in folds_of(samples, min(INNER_FOLDS, len(samples))) if len(samples) > 1 else []:
        held_set = set(held)
        kept = [rows[i] for i in range(len(rows)) if i not in held_set]
        scorer = fit_linear(*_stack([*kept, *added]), c=c)
        for i in held:
            margins.extend(scorer.margin(f) for f in rows[i].features)
            labels.extend(rows[i].labels)
            held_margins[i] = [scorer.margin(c.features) for c in family.candidates(samples[i])]
    scale, shift = platt(margins, labels)
    for i, values in held_margins.items():
        for cand, margin in zip(family.candidates(samples[i]), values, strict=True):
            cand.probability = sigmoid(scale * margin + shift)
    final = fit_linear(*_stack([*rows, *added]), c=c)
    final.scale, final.shift = scale, shift
    final.threshold = _best_threshold(family, samples, views, sorted(held_margins))
    return final


def _best_threshold(
    family: Family, samples: Sequence[Sample], views: Sequence[GoldView], scored: list[int]
) -> float:
    """The threshold at which the out-of-fold decisions score the best F1."""
    best, best_f1 = 0.5, -1.0
    for threshold in THRESHOLDS:
        total = Tally()
        for i in scored:
            part = family.tally(samples[i], views[i], threshold)
            total.tp, total.sys, total.gold = (
                total.tp + part.tp,
                total.sys + part.sys,
                total.gold + part.gold,
            )
        if total.f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, total.f1
    return best


def train_sources(samples: Sequence[Sample], views: Sequence[GoldView]) -> LinearScorer:
    """The source chooser: each option of each candidate that states a gold fact, marked
    by whether it is the gold's source; the decoder takes the best-scored option."""
    features: list[Features] = []
    labels: list[int] = []
    for sample, view in zip(samples, views, strict=True):
        for cand in sample.candidates.everything():
            marks = source_labels(view, cand)
            if marks is None:
                continue
            features.extend(o.features for o in cand.sources)
            labels.extend(marks)
    return fit_linear(features, labels, c=SOURCE_REGULARISATION)


def train_model(
    samples: Sequence[Sample],
    *,
    note: str = "",
    reviews: Mapping[str, Rows] | None = None,
) -> ExtractionModel:
    """A model for every family, trained on all ``samples`` (and ``reviews``: rows from
    analysts' decisions, by family)."""
    views = [GoldView(s) for s in samples]
    reviews = reviews or {}
    scorers = {"sources": train_sources(samples, views)}
    scorers |= {
        family.name: train_family(family, samples, views, reviews.get(family.name))
        for family in FAMILIES
    }
    info = {
        "trained": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "documents": len(samples),
        "note": note,
        "features": {name: len(s.weights) for name, s in scorers.items()},
        "review_rows": {name: len(rows.labels) for name, rows in reviews.items()},
    }
    return ExtractionModel(scorers=scorers, info=info)
