"""Gold documents run through the pipeline once: their candidates, entities and gold.

Everything learning needs is taken from one pass of the real pipeline, so training,
cross-validation and ingestion see the same candidates. A sample is assembled back
into :class:`~oxus.model.DocumentFacts` with any set of decoded facts, to be scored by
the facts format's own rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language

from oxus.model import Document, DocumentFacts, Entity
from oxus.nlp.candidates import CandidateSet, doc_candidates
from oxus.nlp.decoder import Decoded, pack_entity, referenced_entities
from oxus.nlp.extract import Pipelines, parse
from oxus.nlp.facts import doc_to_facts

Gold = Mapping[str, Any]
Progress = Callable[[str], None]


@dataclass
class Sample:
    """One gold document after the pipeline: its candidates and the facts not learned."""

    doc_id: str
    facts: DocumentFacts
    """Entities, mentions, events and estimates as the pipeline gave them."""
    candidates: CandidateSet
    gold: Gold
    sentences: list[str]

    def assemble(self, decoded: Decoded) -> DocumentFacts:
        """The document's facts with ``decoded`` in place of the pipeline's own relations."""
        entities = dict(self.facts.entities)
        for entity_id in referenced_entities(decoded) - entities.keys():
            entity = self.candidates.entities.get(entity_id) or pack_entity(entity_id)
            if entity is not None:
                entities[entity_id] = entity
        return replace(
            self.facts,
            entities=entities,
            relations=list(decoded.relations),
            events=list(decoded.events),
            estimates=list(decoded.estimates),
        )

    def all_entities(self) -> dict[str, Entity]:
        """Every entity the document or its candidates refer to (for labelling)."""
        found = dict(self.facts.entities)
        ids: set[str] = set(self.candidates.entities)
        for cand in self.candidates.relations:
            ids.update((cand.fact.subject, cand.fact.object))
        for event in self.candidates.events:
            ids.update(event.fact.agents)
            ids.update(event.fact.targets)
            if event.fact.location:
                ids.add(event.fact.location)
        ids.update(c.fact.subject for c in self.candidates.estimates)
        for entity_id in ids - found.keys():
            entity = self.candidates.entities.get(entity_id) or pack_entity(entity_id)
            if entity is not None:
                found[entity_id] = entity
        return found


def collect_samples(
    nlp: Language | None,
    documents: Iterable[Document],
    gold: Mapping[str, Gold],
    *,
    progress: Progress | None = None,
) -> list[Sample]:
    """Run each document that has gold through the pipeline of its language (``nlp`` for
    its own); one :class:`Sample` each."""
    pipelines = Pipelines(nlp)
    samples = []
    for document in documents:
        if document.id not in gold:
            continue
        spacy_doc = parse(document, pipelines)
        facts = doc_to_facts(spacy_doc, document)
        facts.relations = []
        facts.events = []
        facts.estimates = []
        samples.append(
            Sample(
                doc_id=document.id,
                facts=facts,
                candidates=doc_candidates(spacy_doc),
                gold=gold[document.id],
                sentences=[s.text for s in spacy_doc.sents],
            )
        )
        if progress is not None:
            progress(document.id)
    return samples


def gold_by_id(gold_docs: Sequence[Gold]) -> dict[str, Gold]:
    return {str(g["doc"]["id"]): g for g in gold_docs}
