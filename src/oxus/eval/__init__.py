"""Scoring extracted facts against gold annotations (facts format, "Scoring").

Typical use::

    from oxus.eval import format_report, load_facts, score

    result = score(load_facts("out/facts.jsonl"), load_facts("gold/"))
    print(format_report(result))
"""

from __future__ import annotations

from oxus.eval.facts_format import TOLERATED_MEASURES, load_facts, validate_facts
from oxus.eval.normalize import dates_agree, normalize_name
from oxus.eval.report import ERROR_CATEGORIES, describe, format_errors, format_report
from oxus.eval.results import (
    CATEGORIES,
    AttributionScore,
    CategoryScore,
    Counts,
    Disagreement,
    DocResult,
    EvalResult,
)
from oxus.eval.scoring import score, score_document

__all__ = [
    "CATEGORIES",
    "ERROR_CATEGORIES",
    "TOLERATED_MEASURES",
    "AttributionScore",
    "CategoryScore",
    "Counts",
    "Disagreement",
    "DocResult",
    "EvalResult",
    "dates_agree",
    "describe",
    "format_errors",
    "format_report",
    "load_facts",
    "normalize_name",
    "score",
    "score_document",
    "validate_facts",
]
