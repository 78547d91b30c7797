"""Cross-validation by document: train on K-1 folds, score the held-out fold.

The pooled held-out figure estimates how extraction does on articles no one tuned to;
beside it, the fit on all gold shows how much the model has learned its training set
by heart (the gap is the overfit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from oxus.eval import EvalResult, score
from oxus.export.facts_jsonl import facts_record
from oxus.learn.samples import Sample
from oxus.learn.train import folds_of, train_model
from oxus.nlp.decoder import decode
from oxus.nlp.scoring.bundle import ExtractionModel


@dataclass
class CrossValidation:
    """Per-fold results, the pooled held-out result and the fit on all documents."""

    folds: list[EvalResult] = field(default_factory=list)
    fold_docs: list[list[str]] = field(default_factory=list)
    pooled: EvalResult | None = None
    fit: EvalResult | None = None


def records(samples: Sequence[Sample], model: ExtractionModel) -> list[dict[str, Any]]:
    """Facts-format records of the samples decoded with ``model``."""
    return [facts_record(s.assemble(decode(s.candidates, model))) for s in samples]


def cross_validate(
    samples: Sequence[Sample],
    k: int,
    *,
    seed: int = 13,
    with_fit: bool = True,
    progress: Callable[[str], None] | None = None,
) -> CrossValidation:
    """Score each fold with a model trained on the others; pool the held-out records."""
    result = CrossValidation()
    held_records: list[dict[str, Any]] = []
    for number, fold in enumerate(folds_of(samples, k, seed=seed), start=1):
        held = [samples[i] for i in fold]
        trained = [s for i, s in enumerate(samples) if i not in set(fold)]
        model = train_model(trained)
        fold_records = records(held, model)
        held_records.extend(fold_records)
        result.folds.append(score(fold_records, [s.gold for s in held]))
        result.fold_docs.append(sorted(s.doc_id for s in held))
        if progress is not None:
            progress(f"fold {number}/{k}")
    result.pooled = score(held_records, [s.gold for s in samples])
    if with_fit:
        model = train_model(samples)
        result.fit = score(records(samples, model), [s.gold for s in samples])
    return result
