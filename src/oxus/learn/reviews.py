"""Analysts' review decisions as extra training rows.

Each decision names a document, a sentence and a fact's key fields; the document is run
through the pipeline again and the candidates that state that fact in that sentence
become rows labelled as the analyst decided (accepted: true, rejected: false).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from oxus.learn.families import Rows
from oxus.model import Document
from oxus.nlp.candidates import Candidate, CandidateSet, doc_candidates
from oxus.nlp.extract import Pipelines, parse
from oxus.store.review_examples import ReviewExample

FAMILY_OF_KIND = {"relation": "relations", "event": "events", "estimate": "estimates"}


def _matches(kind: str, fact: Any, key: dict[str, Any]) -> bool:
    if kind == "relation":
        ends = {fact.subject, fact.object} == {key["subject"], key["object"]}
        ordered = (fact.subject, fact.object) == (key["subject"], key["object"])
        return fact.predicate.value == key["predicate"] and (
            ordered or (ends and fact.predicate.symmetric)
        )
    if kind == "event":
        return bool(fact.type.value == key["type"])
    return (fact.subject, fact.measure.value, fact.low, fact.high) == (
        key["subject"],
        key["measure"],
        key["low"],
        key["high"],
    )


def example_rows(candidates: CandidateSet, examples: Iterable[ReviewExample]) -> dict[str, Rows]:
    """Rows, by family, for the candidates that state each reviewed fact."""
    out: dict[str, Rows] = defaultdict(lambda: Rows([], []))
    families: dict[str, list[Candidate[Any]]] = {
        "relation": list(candidates.relations),
        "event": list(candidates.events),
        "estimate": list(candidates.estimates),
    }
    for example in examples:
        for cand in families.get(example.kind, []):
            if cand.fact.evidence.start != example.start:
                continue
            if _matches(example.kind, cand.fact, example.fact):
                rows = out[FAMILY_OF_KIND[example.kind]]
                rows.features.append(cand.features)
                rows.labels.append(example.label)
    return dict(out)


def review_rows(
    nlp: Language | None, documents: Iterable[Document], examples: Iterable[ReviewExample]
) -> dict[str, Rows]:
    """Rows, by family, from every reviewed document (run through the pipeline again)."""
    by_document: dict[str, list[ReviewExample]] = defaultdict(list)
    for example in examples:
        by_document[example.document_id].append(example)
    total: dict[str, Rows] = defaultdict(lambda: Rows([], []))
    pipelines = Pipelines(nlp)
    for document in documents:
        if document.id not in by_document:
            continue
        candidates = doc_candidates(parse(document, pipelines))
        for family, rows in example_rows(candidates, by_document[document.id]).items():
            total[family].features.extend(rows.features)
            total[family].labels.extend(rows.labels)
    return dict(total)
