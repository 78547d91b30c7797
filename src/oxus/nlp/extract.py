"""Run the pipelines over documents in batches: the entry point ingestion calls.

Each document goes to the pipeline of its language (``Document.language``, detected at
ingestion: English or Russian); facts come back in input order whatever the mix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from oxus.model import Document, DocumentFacts
from oxus.nlp.extensions import TEXT_KEY
from oxus.nlp.facts import doc_to_facts
from oxus.nlp.lang import LANGUAGES
from oxus.nlp.pipeline import pack_dir_of, shared_pipeline

DEFAULT_LANGUAGE = "en"
"""The pipeline for a document in a language oxus has none for."""


class Pipelines:
    """The pipeline of each language, built on first need with the same pack."""

    def __init__(self, nlp: Language | None) -> None:
        self._by_lang: dict[str, Language] = {}
        self._pack_dir: str | None = None
        if nlp is not None:
            self._by_lang[nlp.lang or DEFAULT_LANGUAGE] = nlp
            self._pack_dir = pack_dir_of(nlp)

    def __getitem__(self, lang: str) -> Language:
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        if lang not in self._by_lang:
            self._by_lang[lang] = shared_pipeline(self._pack_dir, lang)
        return self._by_lang[lang]


def extract(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[DocumentFacts]:
    """Facts for each document, in input order; each model is loaded once per process.

    ``nlp`` is the pipeline for the documents in its own language (English by default);
    documents in another language go to that language's pipeline, built with the same
    knowledge pack.
    """
    pipelines = Pipelines(nlp)
    window: list[Document] = []
    for document in documents:
        window.append(document)
        if len(window) >= batch_size * max(1, n_process):
            yield from _extract_window(window, pipelines, batch_size, n_process)
            window = []
    if window:
        yield from _extract_window(window, pipelines, batch_size, n_process)


def _extract_window(
    window: list[Document], pipelines: Pipelines, batch_size: int, n_process: int
) -> Iterator[DocumentFacts]:
    """Facts for a few documents, each language's share run as one batch."""
    by_lang: dict[str, list[int]] = {}
    for index, document in enumerate(window):
        by_lang.setdefault(document.language, []).append(index)
    facts: list[DocumentFacts | None] = [None] * len(window)
    for lang, indices in by_lang.items():
        nlp = pipelines[lang]
        docs = (_prepared(nlp, window[i]) for i in indices)
        processed = nlp.pipe(docs, batch_size=batch_size, n_process=n_process)
        for i, spacy_doc in zip(indices, processed, strict=True):
            facts[i] = doc_to_facts(spacy_doc, window[i])
    for each in facts:
        if each is not None:
            yield each


def _prepared(nlp: Language, document: Document) -> Doc:
    """The document's text tokenized, with what the components read before they run."""
    spacy_doc = nlp.make_doc(document.text)
    spacy_doc.user_data[TEXT_KEY] = document.text
    spacy_doc._.doc_id = document.id
    spacy_doc._.published = document.published
    return spacy_doc


def parse(document: Document, pipelines: Pipelines) -> Doc:
    """One document through the pipeline of its language, as a processed Doc (training
    and cross-validation read the candidates it carries)."""
    nlp = pipelines[document.language]
    return nlp(_prepared(nlp, document))
