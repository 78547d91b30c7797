"""What each fact family learns from, and how its decisions are scored.

A family turns a sample's candidates into (features, label) rows for fitting; given
probabilities already set on the candidates, it selects the facts the decoder would
keep at a threshold, and scores them against the gold with the facts format's own
matcher, so the threshold is chosen for the F1 that ``oxus eval`` reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from oxus.eval.matching import match_estimates, match_events, match_relations, scored_estimates
from oxus.export.facts_jsonl import estimate_record, event_record, relation_record
from oxus.learn.labels import GoldView
from oxus.learn.samples import Sample
from oxus.nlp.candidates import Candidate
from oxus.nlp.estimates.decode import select_estimates
from oxus.nlp.events.decode import select_events
from oxus.nlp.relations.decode import select_relations
from oxus.nlp.scoring.linear import Features


@dataclass
class Rows:
    """Training rows of one sample, and which candidate each row came from."""

    features: list[Features]
    labels: list[int]


@dataclass
class Tally:
    tp: int = 0
    sys: int = 0
    gold: int = 0

    @property
    def f1(self) -> float:
        total = self.sys + self.gold
        return 2 * self.tp / total if total else 0.0


class Family(Protocol):
    name: str

    def candidates(self, sample: Sample) -> Sequence[Candidate[Any]]: ...

    def rows(self, sample: Sample, view: GoldView) -> Rows: ...

    def tally(self, sample: Sample, view: GoldView, threshold: float) -> Tally: ...


def _rows(candidates: Sequence[Candidate[Any]], label: Callable[[Any], int | None]) -> Rows:
    rows = Rows([], [])
    for cand in candidates:
        value = label(cand.fact)
        if value is None:
            continue
        rows.features.append(cand.features)
        rows.labels.append(value)
    return rows


class RelationFamily:
    """Relation candidates: one decision per (subject, predicate, object) and document."""

    name = "relations"

    def candidates(self, sample: Sample) -> Sequence[Candidate[Any]]:
        return sample.candidates.relations

    def rows(self, sample: Sample, view: GoldView) -> Rows:
        return _rows(sample.candidates.relations, view.relation_label)

    def tally(self, sample: Sample, view: GoldView, threshold: float) -> Tally:
        kept = select_relations(sample.candidates.relations, threshold)
        system = [relation_record(r, view.name) for r in kept]
        gold = view.gold_items("relations")
        pairs = match_relations(system, gold, view.system_index, view.gold_index)
        return Tally(len(pairs), len(system), len(gold))


class EventFamily:
    """Event candidates: one decision per occurrence a document reports."""

    name = "events"

    def candidates(self, sample: Sample) -> Sequence[Candidate[Any]]:
        return sample.candidates.events

    def rows(self, sample: Sample, view: GoldView) -> Rows:
        return _rows(sample.candidates.events, view.event_label)

    def tally(self, sample: Sample, view: GoldView, threshold: float) -> Tally:
        kept = select_events(sample.candidates.events, threshold, sample.candidates.follow_ups)
        system = [event_record(e, view.name) for e in kept]
        gold = view.gold_items("events")
        pairs = match_events(system, gold, view.system_index, view.gold_index)
        return Tally(len(pairs), len(system), len(gold))


class EstimateFamily:
    """Estimate candidates: for each count of a scored measure, the entity it sizes."""

    name = "estimates"

    def candidates(self, sample: Sample) -> Sequence[Candidate[Any]]:
        return sample.candidates.estimates

    def rows(self, sample: Sample, view: GoldView) -> Rows:
        return _rows(sample.candidates.estimates, view.estimate_label)

    def tally(self, sample: Sample, view: GoldView, threshold: float) -> Tally:
        kept = select_estimates(sample.candidates.estimates, threshold)
        system = [estimate_record(e, view.name) for e in kept]
        gold = view.gold_items("estimates")
        pairs = match_estimates(system, gold, view.system_index, view.gold_index)
        return Tally(len(pairs), len(scored_estimates(system)), len(scored_estimates(gold)))


FAMILIES: tuple[Family, ...] = (RelationFamily(), EventFamily(), EstimateFamily())
