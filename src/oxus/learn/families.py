"""What each fact family learns from, and how its decisions are scored.

A family turns a sample's candidates into (features, label) rows for fitting; given
probabilities already set on the candidates, it selects the facts the decoder would
keep at a threshold, and scores them against the gold with the facts format's own
matcher, so the threshold is chosen for the F1 that ``oxus eval`` reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from oxus.eval.matching import (
    NameIndex,
    match_estimates,
    match_events,
    match_relations,
    scored_estimates,
)
from oxus.export.facts_jsonl import Namer, estimate_record, event_record, relation_record
from oxus.learn.labels import GoldView
from oxus.learn.samples import Sample
from oxus.nlp.candidates import Candidate, CandidateSet
from oxus.nlp.estimates.decode import select_estimates
from oxus.nlp.events.decode import select_events
from oxus.nlp.relations.decode import select_relations
from oxus.nlp.scoring.linear import Features

Matcher = Callable[[Sequence[dict[str, Any]], Sequence[Any], NameIndex, NameIndex], dict[int, int]]


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


@dataclass(frozen=True)
class Family:
    """One fact family: where its candidates are, how the gold labels them, what the
    decoder keeps of them at a threshold and how ``oxus eval`` matches what it kept."""

    name: str
    label: Callable[[GoldView, Any], int | None]
    select: Callable[[CandidateSet, float], list[Any]]
    record: Callable[[Any, Namer], dict[str, Any]]
    match: Matcher
    counted: Callable[[Sequence[Any]], list[Any]] = list

    def candidates(self, sample: Sample) -> Sequence[Candidate[Any]]:
        found: Sequence[Candidate[Any]] = getattr(sample.candidates, self.name)
        return found

    def rows(self, sample: Sample, view: GoldView) -> Rows:
        """(features, label) of every candidate the gold labels."""
        rows = Rows([], [])
        for cand in self.candidates(sample):
            value = self.label(view, cand.fact)
            if value is not None:
                rows.features.append(cand.features)
                rows.labels.append(value)
        return rows

    def tally(self, sample: Sample, view: GoldView, threshold: float) -> Tally:
        """How the facts kept at ``threshold`` score against the document's gold."""
        kept = self.select(sample.candidates, threshold)
        system = [self.record(fact, view.name) for fact in kept]
        gold = view.gold_items(self.name)
        pairs = self.match(system, gold, view.system_index, view.gold_index)
        return Tally(len(pairs), len(self.counted(system)), len(self.counted(gold)))


FAMILIES: tuple[Family, ...] = (
    Family(
        "relations",
        GoldView.relation_label,
        lambda found, cut: select_relations(found.relations, cut),
        relation_record,
        match_relations,
    ),
    Family(
        "events",
        GoldView.event_label,
        lambda found, cut: select_events(found.events, cut, found.follow_ups),
        event_record,
        match_events,
    ),
    Family(
        "estimates",
        GoldView.estimate_label,
        lambda found, cut: select_estimates(found.estimates, cut),
        estimate_record,
        match_estimates,
        scored_estimates,
    ),
)
