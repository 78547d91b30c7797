"""The result of an evaluation: counts per category and type, per document and summed.

Scores are micro-averaged: true positives, system items and gold items are summed over
documents (and over types) before precision, recall and F1 are computed, so a long
document weighs more than a short one. A ratio over nothing (no system and no gold
items, or no matched facts for attribution) is 1.0: there was nothing to get wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("entities", "relations", "events", "estimates")
"""The scored fact categories, in report order."""


def _ratio(part: int, whole: int, *, empty: float) -> float:
    return part / whole if whole else empty


@dataclass
class Counts:
    """True positives, system items and gold items of one category (or one type in it)."""

    tp: int = 0
    sys: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.sys, empty=1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold, empty=1.0 if self.sys == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.sys += other.sys
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "sys": self.sys,
            "gold": self.gold,
        }


@dataclass
class CategoryScore:
    """Counts of one category overall and per type (entity type, predicate, event type,
    measure)."""

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)

    def count(self, type_: str, *, tp: int = 0, sys: int = 0, gold: int = 0) -> None:
        delta = Counts(tp, sys, gold)
        self.overall.add(delta)
        self.by_type.setdefault(type_, Counts()).add(delta)

    def add(self, other: CategoryScore) -> None:
        self.overall.add(other.overall)
        for type_, counts in other.by_type.items():
            self.by_type.setdefault(type_, Counts()).add(counts)

    def to_dict(self) -> dict[str, Any]:
        by_type = {key: self.by_type[key].to_dict() for key in sorted(self.by_type)}
        return {**self.overall.to_dict(), "by_type": by_type}


@dataclass
class AttributionScore:
    """How many matched facts carry the gold's asserted_by, polarity and hedged."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.n, empty=1.0)

    def add(self, other: AttributionScore) -> None:
        self.correct += other.correct
        self.n += other.n

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.accuracy, 4), "correct": self.correct, "n": self.n}


@dataclass
class Disagreement:
    """A matched fact whose attribution differs from gold, for error analysis."""

    category: str
    system: dict[str, Any]
    gold: dict[str, Any]
    fields: list[str]


@dataclass
class DocResult:
    """Scores and errors of one gold document."""

    doc_id: str
    has_system: bool
    scores: dict[str, CategoryScore] = field(
        default_factory=lambda: {category: CategoryScore() for category in CATEGORIES}
    )
    attribution: AttributionScore = field(default_factory=AttributionScore)
    false_positives: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {category: [] for category in CATEGORIES}
    )
    misses: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {category: [] for category in CATEGORIES}
    )
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.doc_id, "has_system": self.has_system}
        for category in CATEGORIES:
            data[category] = self.scores[category].overall.to_dict()
        data["attribution"] = self.attribution.to_dict()
        if errors:
            data["false_positives"] = self.false_positives
            data["misses"] = self.misses
            data["disagreements"] = [
                {"category": d.category, "fields": d.fields, "system": d.system, "gold": d.gold}
                for d in self.disagreements
            ]
        return data


@dataclass
class EvalResult:
    """Micro-averaged scores over all gold documents, with the per-document detail."""

    docs: list[DocResult] = field(default_factory=list)
    scores: dict[str, CategoryScore] = field(
        default_factory=lambda: {category: CategoryScore() for category in CATEGORIES}
    )
    attribution: AttributionScore = field(default_factory=AttributionScore)
    ignored_docs: list[str] = field(default_factory=list)
    """Ids of system documents that have no gold (not scored)."""

    @property
    def missing_docs(self) -> list[str]:
        """Ids of gold documents the system produced nothing for."""
        return [doc.doc_id for doc in self.docs if not doc.has_system]

    def add(self, doc: DocResult) -> None:
        self.docs.append(doc)
        for category in CATEGORIES:
            self.scores[category].add(doc.scores[category])
        self.attribution.add(doc.attribution)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """A JSON-ready view; ``errors`` adds each document's false positives and misses."""
        data: dict[str, Any] = {
            category: self.scores[category].to_dict() for category in CATEGORIES
        }
        data["attribution"] = self.attribution.to_dict()
        data["documents"] = {
            "scored": len(self.docs),
            "missing": self.missing_docs,
            "ignored": self.ignored_docs,
        }
        data["per_document"] = [doc.to_dict(errors=errors) for doc in self.docs]
        return data
