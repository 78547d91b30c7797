"""What each fact family learns from: its training rows and its decisions per document.

A family turns a sample's candidates into (features, label) rows for fitting, and
into the decisions the decoder makes (one per relation triple), each marked true or
false against the gold, for choosing the threshold that maximises F1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from oxus.learn.labels import GoldView
from oxus.learn.samples import Sample
from oxus.nlp.scoring.linear import Features


@dataclass
class Rows:
    """Training rows of one sample, and which candidate each row came from."""

    features: list[Features]
    labels: list[int]
    positions: list[int]


class Family(Protocol):
    name: str

    def rows(self, sample: Sample, view: GoldView) -> Rows: ...

    def decisions(
        self, sample: Sample, view: GoldView, probabilities: list[float]
    ) -> list[tuple[float, bool]]: ...

    def gold_total(self, sample: Sample) -> int: ...


class RelationFamily:
    """Relation candidates: one decision per (subject, predicate, object) and document."""

    name = "relations"

    def rows(self, sample: Sample, view: GoldView) -> Rows:
        rows = Rows([], [], [])
        for position, cand in enumerate(sample.candidates.relations):
            r = cand.fact
            label = view.relation_label(r.subject, r.predicate.value, r.object, r.evidence.text)
            if label is None:
                continue
            rows.features.append(cand.features)
            rows.labels.append(label)
            rows.positions.append(position)
        return rows

    def decisions(
        self, sample: Sample, view: GoldView, probabilities: list[float]
    ) -> list[tuple[float, bool]]:
        best: dict[tuple[str, ...], float] = {}
        facts: dict[tuple[str, ...], tuple[str, str, str]] = {}
        for cand, probability in zip(sample.candidates.relations, probabilities, strict=True):
            if probability > best.get(cand.key, -1.0):
                best[cand.key] = probability
                r = cand.fact
                facts[cand.key] = (r.subject, r.predicate.value, r.object)
        return [(best[key], bool(view.relation(*facts[key]))) for key in best]

    def gold_total(self, sample: Sample) -> int:
        return len(sample.gold.get("relations", []))


FAMILIES: tuple[Family, ...] = (RelationFamily(),)
