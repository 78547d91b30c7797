"""Which candidates the gold confirms: a document's gold facts in terms of its entities.

System entities are matched to gold entities exactly as ``oxus eval`` does; a
candidate relation is *true* when a gold relation joins the same two gold entities by
the same predicate, and *stated here* when its sentence is (part of) that gold
relation's evidence. Training learns from sentences that state a true fact and from
candidates the gold does not hold; a true fact in a sentence the annotator did not
cite is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from oxus.eval.matching import SYMMETRIC, NameIndex, match_entities
from oxus.export.facts_jsonl import facts_record
from oxus.learn.samples import Sample

WORD = re.compile(r"\w+")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
OVERLAP = 0.6
"""Share of the shorter text's words the two must have in common to be one passage."""


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


@dataclass(frozen=True)
class GoldRelation:
    subjects: frozenset[int]
    predicate: str
    objects: frozenset[int]
    evidence: tuple[frozenset[str], ...]


class GoldView:
    """One sample's gold, resolved to gold entity indexes, and its entity alignment."""

    def __init__(self, sample: Sample) -> None:
        gold = sample.gold
        gold_entities: list[Mapping[str, Any]] = list(gold.get("entities", []))
        facts = sample.facts
        everything = type(facts)(
            document=facts.document, entities=sample.all_entities(), mentions=facts.mentions
        )
        records = facts_record(everything)["entities"]
        pairs = match_entities(records, gold_entities)
        self.to_gold: dict[str, int] = {records[s]["id"]: g for g, s in pairs.items()}
        index = NameIndex.build(gold_entities, {i: i for i in range(len(gold_entities))})
        self.gold_relations = [
            GoldRelation(
                index.resolve(r.get("subject")),
                str(r.get("predicate")),
                index.resolve(r.get("object")),
                evidence_parts(r.get("evidence")),
            )
            for r in gold.get("relations", [])
        ]

    def relation(self, subject: str, predicate: str, obj: str) -> list[GoldRelation]:
        """The gold relations this triple of system entity ids matches."""
        s, o = self.to_gold.get(subject), self.to_gold.get(obj)
        if s is None or o is None:
            return []
        found = []
        for gold in self.gold_relations:
            if gold.predicate != predicate:
                continue
            direct = s in gold.subjects and o in gold.objects
            swapped = predicate in SYMMETRIC and o in gold.subjects and s in gold.objects
            if direct or swapped:
                found.append(gold)
        return found

    def relation_label(self, subject: str, predicate: str, obj: str, sentence: str) -> int | None:
        """1: a gold relation stated in this sentence; 0: no such gold relation; None:
        a gold relation, but evidenced elsewhere (not used for training)."""
        matches = self.relation(subject, predicate, obj)
        if not matches:
            return 0
        said = words(sentence)
        if any(not g.evidence or same_passage(said, g.evidence) for g in matches):
            return 1
        return None
