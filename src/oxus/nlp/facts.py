"""Turn a processed spaCy ``Doc`` into the ``DocumentFacts`` the store keeps."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from oxus.model import Document, DocumentFacts, Mention
from oxus.nlp.extensions import MENTIONS, doc_entities, doc_list


def doc_to_facts(doc: Doc, document: Document) -> DocumentFacts:
    """Collect mentions, entities and facts a pipeline left on ``doc`` for ``document``."""
    starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    mentions = []
    if MENTIONS in doc.spans:
        for span in doc.spans[MENTIONS]:
            if not span.kb_id_:
                continue
            mentions.append(
                Mention(
                    entity_id=span.kb_id_,
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    sentence_index=max(bisect_right(starts, span.start) - 1, 0),
                    method=span._.link_method or "exact",
                    score=float(span._.link_score if span._.link_score is not None else 1.0),
                )
            )
    return DocumentFacts(
        document=document,
        entities=dict(doc_entities(doc)),
        mentions=mentions,
        relations=list(doc_list(doc, "relations")),
        events=list(doc_list(doc, "events")),
        estimates=list(doc_list(doc, "estimates")),
    )
