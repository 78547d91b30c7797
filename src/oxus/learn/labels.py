"""Which candidates the gold confirms: a document's gold facts in terms of its entities.

System entities are matched to gold entities exactly as ``oxus eval`` does. A candidate
is *true* when it would match a gold fact under the facts format's scoring rules, and
*stated here* when its sentence is (part of) that gold fact's evidence. Training learns
from candidates that state a true fact where the gold says so, and from candidates the
gold does not hold; a true fact read from a sentence the annotator did not cite (the
headline restating the lead, say) is left out rather than guessed either way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from oxus.eval.matching import SYMMETRIC, NameIndex, match_entities
from oxus.eval.normalize import dates_agree
from oxus.export.facts_jsonl import facts_record
from oxus.learn.samples import Sample
from oxus.model import SCORED_MEASURES, Estimate, Event, Relation

WORD = re.compile(r"\w+")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
OVERLAP = 0.6
"""Share of the shorter text's words the two must have in common to be one passage."""

Item = Mapping[str, Any]


def words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.lower()))


def same_passage(sentence: frozenset[str], evidence: Sequence[frozenset[str]]) -> bool:
    """Whether a sentence is one of the evidence passages (word overlap, any part)."""
    for part in evidence:
        shared = len(sentence & part)
        shorter = min(len(sentence), len(part))
        if shorter and shared >= min(3, shorter) and shared / shorter >= OVERLAP:
            return True
    return False


def evidence_parts(text: Any) -> tuple[frozenset[str], ...]:
    """A gold evidence string cut at its ellipses into word sets."""
    if not isinstance(text, str):
        return ()
    return tuple(words(part) for part in ELLIPSIS.split(text) if part.strip())


class GoldView:
    """One sample's gold, its entity alignment, and name indexes for scoring decisions."""

    def __init__(self, sample: Sample) -> None:
        gold = sample.gold
        self.gold: Mapping[str, Any] = gold
        gold_entities: list[Item] = list(gold.get("entities", []))
        facts = sample.facts
        everything = type(facts)(
            document=facts.document, entities=sample.all_entities(), mentions=facts.mentions
        )
        records = facts_record(everything)["entities"]
        self.names: dict[str, str] = {r["id"]: r["name"] for r in records}
        pairs = match_entities(records, gold_entities)
        self.to_gold: dict[str, int] = {records[s]["id"]: g for g, s in pairs.items()}
        self.gold_index = NameIndex.build(gold_entities, {i: i for i in range(len(gold_entities))})
        self.system_index = NameIndex.build(records, {s: g for g, s in pairs.items()})
        self._evidence: dict[tuple[str, int], tuple[frozenset[str], ...]] = {}

    def name(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        return self.names.get(entity_id, entity_id)

    def gold_items(self, category: str) -> list[Item]:
        return list(self.gold.get(category, []))

    def evidence(self, category: str, index: int) -> tuple[frozenset[str], ...]:
        key = (category, index)
        if key not in self._evidence:
            item = self.gold.get(category, [])[index]
            self._evidence[key] = evidence_parts(item.get("evidence"))
        return self._evidence[key]

    def _stated_here(self, category: str, matches: list[int], sentence: str) -> int | None:
        if not matches:
            return 0
        said = words(sentence)
        for g in matches:
            parts = self.evidence(category, g)
            if not parts or same_passage(said, parts):
                return 1
        return None

    def relation_matches(self, subject: str, predicate: str, obj: str) -> list[int]:
        """Positions of the gold relations this triple of system entity ids matches."""
        s, o = self.to_gold.get(subject), self.to_gold.get(obj)
        if s is None or o is None:
            return []
        found = []
        for g, item in enumerate(self.gold.get("relations", [])):
            if item.get("predicate") != predicate:
                continue
            subjects = self.gold_index.resolve(item.get("subject"))
            objects = self.gold_index.resolve(item.get("object"))
            direct = s in subjects and o in objects
            swapped = predicate in SYMMETRIC and o in subjects and s in objects
            if direct or swapped:
                found.append(g)
        return found

    def relation_label(self, relation: Relation) -> int | None:
        """1: a gold relation stated in this sentence; 0: no such gold relation; None: a
        gold relation evidenced elsewhere (not used for training)."""
        matches = self.relation_matches(relation.subject, relation.predicate.value, relation.object)
        return self._stated_here("relations", matches, relation.evidence.text)

    def event_matches(self, event: Event) -> list[int]:
        """Positions of the gold events this event matches by the scoring rules."""
        ids = [*event.agents, *event.targets, event.location]
        mine = {self.to_gold[i] for i in ids if i in self.to_gold}
        found = []
        for g, item in enumerate(self.gold.get("events", [])):
            if item.get("type") != event.type.value:
                continue
            if not dates_agree(event.date, item.get("date")):
                continue
            theirs = self.gold_index.resolve_all(
                [*item.get("agents", []), *item.get("targets", []), item.get("location")]
            )
            if mine & theirs:
                found.append(g)
        return found

    def event_label(self, event: Event) -> int | None:
        """1: matches a gold event told in this sentence; 0: matches none; None: matches
        one told elsewhere."""
        return self._stated_here("events", self.event_matches(event), event.evidence.text)

    def estimate_matches(self, estimate: Estimate) -> list[int]:
        """Positions of the gold estimates this estimate matches by the scoring rules."""
        subject = self.to_gold.get(estimate.subject)
        if subject is None or estimate.measure not in SCORED_MEASURES:
            return []
        found = []
        for g, item in enumerate(self.gold.get("estimates", [])):
            if item.get("measure") != estimate.measure.value:
                continue
            if subject not in self.gold_index.resolve(item.get("subject")):
                continue
            if _same(estimate.low, item.get("low")) and _same(estimate.high, item.get("high")):
                found.append(g)
        return found

    def estimate_label(self, estimate: Estimate) -> int | None:
        """1: matches a gold estimate given in this sentence; 0: matches none; None: matches
        one given elsewhere. Unscored measures are not learned (None)."""
        if estimate.measure not in SCORED_MEASURES:
            return None
        return self._stated_here(
            "estimates", self.estimate_matches(estimate), estimate.evidence.text
        )


def _same(first: Any, second: Any) -> bool:
    if first is None or second is None:
        return first is None and second is None
    return float(first) == float(second)


def matched_gold(view: GoldView, fact: object) -> tuple[str, int] | None:
    """The gold fact (category, position) a candidate fact states here, if any."""
    if isinstance(fact, Relation):
        category = "relations"
        matches = view.relation_matches(fact.subject, fact.predicate.value, fact.object)
    elif isinstance(fact, Event):
        category, matches = "events", view.event_matches(fact)
    elif isinstance(fact, Estimate):
        category, matches = "estimates", view.estimate_matches(fact)
    else:
        return None
    said = words(fact.evidence.text)
    for g in matches:
        parts = view.evidence(category, g)
        if not parts or same_passage(said, parts):
            return category, g
    return None


def source_labels(view: GoldView, cand: Any) -> list[int] | None:
    """Per source option of a candidate that states a gold fact: 1 for the gold's source
    (None for nobody), 0 for the others; None when the gold's source is not among them."""
    found = matched_gold(view, cand.fact)
    if found is None or not cand.sources:
        return None
    category, g = found
    source = view.gold[category][g].get("asserted_by")
    target = view.gold_index.resolve(source) if source else frozenset()
    if source and not target:
        return None
    labels = []
    for option in cand.sources:
        if option.entity_id is None:
            labels.append(int(not source))
        else:
            labels.append(int(view.to_gold.get(option.entity_id, -1) in target))
    return labels if any(labels) else None
