"""The plain-spaCy baseline: the statistical model's NER alone, no pack, no oxus components.

Scored in the same run as oxus so the two figures are comparable.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oxus.export.facts_jsonl import facts_record
from oxus.model import Document, DocumentFacts, Entity, EntityType, Mention, entity_id
from oxus.nlp.pipeline import build_pipeline

NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.STATE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
}
"""The fixed mapping a plain NER user would apply (no context, no pack)."""


def baseline_records(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """Facts-format records with entities from bare ``en_core_web_sm`` NER only."""
    nlp = build_pipeline(bare=True)
    docs = list(documents)
    records = []
    for document, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        facts = DocumentFacts(document=document)
        for ent in doc.ents:
            type_ = NER_TYPES.get(ent.label_)
            if type_ is None:
                continue
            id_ = entity_id(type_, ent.text)
            facts.entities.setdefault(id_, Entity(id=id_, type=type_, name=ent.text))
            facts.mentions.append(Mention(id_, ent.text, ent.start_char, ent.end_char))
        records.append(facts_record(facts))
    return records
