"""Fitting a linear scorer: logistic regression, Platt calibration, a decision threshold.

scikit-learn does the fitting (only here: extraction itself reads the weights as plain
data). Calibration and the threshold come from out-of-fold scores, so that neither is
fitted to scores the model has already seen the answers of.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from oxus.nlp.scoring.linear import Features, LinearScorer

MIN_WEIGHT = 1e-4
"""Weights smaller than this are dropped from the model file."""


def fit_linear(rows: Sequence[Features], labels: Sequence[int], *, c: float = 1.0) -> LinearScorer:
    """A logistic-regression scorer (uncalibrated, threshold 0.5) for these rows."""
    if not rows or len(set(labels)) < 2:
        share = float(np.mean(labels)) if labels else 0.0
        bias = float(np.log((share + 1e-3) / (1 - share + 1e-3)))
        return LinearScorer(bias=bias)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=500)
    model.fit(matrix, np.asarray(labels))
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): float(weight)
        for name, weight in zip(names, model.coef_[0], strict=True)
        if abs(weight) >= MIN_WEIGHT
    }
    return LinearScorer(weights=weights, bias=float(model.intercept_[0]))


def platt(margins: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """Scale and shift that turn margins into calibrated probabilities."""
    if len(set(labels)) < 2:
        return 1.0, 0.0
    model = LogisticRegression(C=1e4, solver="lbfgs")
    model.fit(np.asarray(margins, dtype=float).reshape(-1, 1), np.asarray(labels))
    return float(model.coef_[0][0]), float(model.intercept_[0])


def best_threshold(scored: Sequence[tuple[float, bool]], gold_total: int) -> float:
    """The probability cut that maximises F1, given (probability, is true) per decision
    and the number of true facts in all (some never become candidates)."""
    if not scored or gold_total <= 0:
        return 0.5
    ordered = sorted(scored, key=lambda item: -item[0])
    best_f1, best_cut = -1.0, 0.5
    tp = 0
    for rank, (probability, true) in enumerate(ordered, start=1):
        tp += int(true)
        f1 = 2 * tp / (rank + gold_total)
        if f1 > best_f1:
            nxt = ordered[rank][0] if rank < len(ordered) else 0.0
            best_f1, best_cut = f1, (probability + nxt) / 2
    return min(max(best_cut, 0.05), 0.95)
