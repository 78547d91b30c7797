"""Scoring system facts against gold facts, document by document (facts format, "Scoring").

Documents are paired by ``doc.id``. A gold document without a system document scores
all its gold items as misses; system documents without gold are not scored (they are
listed in :attr:`EvalResult.ignored_docs`). Inputs are facts-format dicts, normally
from :func:`oxus.eval.load_facts`, which validates them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from oxus.errors import GoldError
from oxus.eval.matching import (
    NameIndex,
    attribution_disagreements,
    match_entities,
    match_estimates,
    match_events,
    match_relations,
    scored_estimates,
)
from oxus.eval.results import CATEGORIES, Disagreement, DocResult, EvalResult

Facts = Mapping[str, Any]

_TYPE_KEY = {"entities": "type", "relations": "predicate", "events": "type", "estimates": "measure"}
_MATCHERS = {"relations": match_relations, "events": match_events, "estimates": match_estimates}


def _doc_id(facts: Facts, side: str) -> str:
    doc = facts.get("doc")
    doc_id = doc.get("id") if isinstance(doc, Mapping) else None
    if not isinstance(doc_id, str) or not doc_id:
        raise GoldError(f"{side} facts: a document has no doc.id")
    return doc_id


def _by_id(documents: Sequence[Facts], side: str) -> dict[str, Facts]:
    found: dict[str, Facts] = {}
    for facts in documents:
        doc_id = _doc_id(facts, side)
        if doc_id in found:
            raise GoldError(f"{side} facts: doc.id {doc_id!r} appears more than once")
        found[doc_id] = facts
    return found


def score(system: Sequence[Facts], gold: Sequence[Facts]) -> EvalResult:
    """Score system facts documents against gold facts documents."""
    system_docs = _by_id(system, "system")
    gold_docs = _by_id(gold, "gold")
    result = EvalResult(ignored_docs=sorted(set(system_docs) - set(gold_docs)))
    for doc_id, gold_facts in gold_docs.items():
        result.add(score_document(system_docs.get(doc_id), gold_facts))
    return result


def score_document(system: Facts | None, gold: Facts) -> DocResult:
    """Match and count one document's facts; ``system`` is None when it was not produced."""
    result = DocResult(doc_id=_doc_id(gold, "gold"), has_system=system is not None)
    system = system or {}
    items = {
        category: ([*system.get(category, [])], [*gold.get(category, [])])
        for category in CATEGORIES
    }
    system_entities, gold_entities = items["entities"]
    pairs = {"entities": match_entities(system_entities, gold_entities)}
    gold_index = NameIndex.build(gold_entities, {i: i for i in range(len(gold_entities))})
    system_index = NameIndex.build(system_entities, {s: g for g, s in pairs["entities"].items()})
    for category, matcher in _MATCHERS.items():
        system_items, gold_items = items[category]
        pairs[category] = matcher(system_items, gold_items, system_index, gold_index)
    for category in CATEGORIES:
        _tally(result, category, *items[category], pairs[category])
    for category in _MATCHERS:
        system_items, gold_items = items[category]
        for g, s in pairs[category].items():
            fields = attribution_disagreements(
                system_items[s],
                gold_items[g],
                system_index,
                gold_index,
                has_polarity=category != "estimates",
            )
            result.attribution.n += 1
            if fields:
                result.disagreements.append(
                    Disagreement(category, dict(system_items[s]), dict(gold_items[g]), fields)
                )
            else:
                result.attribution.correct += 1
    return result


def _tally(
    result: DocResult,
    category: str,
    system_items: list[Any],
    gold_items: list[Any],
    pairs: dict[int, int],
) -> None:
    """Count true positives, system and gold items by type, and keep the errors."""
    key = _TYPE_KEY[category]
    if category == "estimates":
        system_positions, gold_positions = (
            scored_estimates(system_items),
            scored_estimates(gold_items),
        )
    else:
        system_positions, gold_positions = [*range(len(system_items))], [*range(len(gold_items))]
    matched_system = set(pairs.values())
    scores = result.scores[category]
    for s in system_positions:
        scores.count(str(system_items[s].get(key)), sys=1, tp=int(s in matched_system))
        if s not in matched_system:
            result.false_positives[category].append(dict(system_items[s]))
    for g in gold_positions:
        scores.count(str(gold_items[g].get(key)), gold=1)
        if g not in pairs:
            result.misses[category].append(dict(gold_items[g]))
