"""Plain-text view of a cross-validation: held-out figures first, the fit beside them."""

from __future__ import annotations

from typing import Any

from oxus.eval import CATEGORIES, EvalResult, format_report
from oxus.learn.crossval import CrossValidation


def _overall(result: EvalResult, title: str) -> list[str]:
    lines = [f"{title:<11} {'P':>6} {'R':>6} {'F1':>6}  tp/sys/gold"]
    for category in CATEGORIES:
        c = result.scores[category].overall
        ratios = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
        lines.append(f"{category:<11} {ratios}  {c.tp}/{c.sys}/{c.gold}")
    a = result.attribution
    accuracy = f"{a.accuracy:.3f}" if a.n else "n/a"
    lines.append(f"attribution accuracy {accuracy} ({a.correct}/{a.n} matched facts)")
    return lines


def format_cv(cv: CrossValidation, *, seed: int) -> str:
    """Pooled held-out scores, the fit on all gold, per-fold F1, then the pooled detail."""
    assert cv.pooled is not None
    k = len(cv.folds)
    n = sum(len(d) for d in cv.fold_docs)
    lines = [
        f"cross-validation: {k} folds by document (seed {seed}), {n} documents; "
        "each fold scored by a model trained on the others",
        "",
        *_overall(cv.pooled, "held-out"),
    ]
    if cv.fit is not None:
        lines += ["", *_overall(cv.fit, "fit (all)")]
    header = "per fold F1 " + " ".join(f"{c:>10}" for c in (*CATEGORIES, "attribution"))
    lines += ["", header]
    for number, (fold, docs) in enumerate(zip(cv.folds, cv.fold_docs, strict=True), start=1):
        cells = [f"{fold.scores[c].overall.f1:10.3f}" for c in CATEGORIES]
        cells.append(f"{fold.attribution.accuracy:10.3f}")
        lines.append(f"{f'fold {number} ({len(docs)})':<11} " + " ".join(cells))
    detail = format_report(cv.pooled).splitlines()
    first_table = next(i for i, line in enumerate(detail) if line.startswith("entities by type"))
    lines += ["", "held-out detail", *detail[first_table:]]
    return "\n".join(lines)


def cv_dict(cv: CrossValidation, *, seed: int) -> dict[str, Any]:
    """A JSON-ready view of a cross-validation."""
    assert cv.pooled is not None
    return {
        "folds": len(cv.folds),
        "seed": seed,
        "held_out": cv.pooled.to_dict(),
        "fit": cv.fit.to_dict() if cv.fit is not None else None,
        "per_fold": [
            {"documents": docs, **fold.to_dict()}
            for fold, docs in zip(cv.folds, cv.fold_docs, strict=True)
        ],
    }
