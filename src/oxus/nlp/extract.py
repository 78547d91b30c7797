"""Run the pipeline over documents in batches: the entry point ingestion calls."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language

from oxus.model import Document, DocumentFacts
from oxus.nlp.extensions import TEXT_KEY
from oxus.nlp.facts import doc_to_facts
from oxus.nlp.pipeline import shared_pipeline


def extract(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[DocumentFacts]:
    """Facts for each document, in input order; the model is loaded once per process."""
    nlp = nlp or shared_pipeline()
    pending: deque[Document] = deque()

    def docs() -> Iterator:
        for document in documents:
            pending.append(document)
            spacy_doc = nlp.make_doc(document.text)
            spacy_doc.user_data[TEXT_KEY] = document.text
            spacy_doc._.doc_id = document.id
            spacy_doc._.published = document.published
            yield spacy_doc

    for spacy_doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        document = pending.popleft()
        yield doc_to_facts(spacy_doc, document)
