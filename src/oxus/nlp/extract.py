"""Run the pipelines over documents in batches: the entry point ingestion calls.

Each document goes to the pipeline of its language (``Document.language``, detected at
ingestion: English or Russian); facts come back in input order whatever the mix. Long
texts go through in sections (see ``sections``). When a batch fails, or runs over its
time or memory budget, its documents are run again one at a time, each under its own
budget, so the failure is pinned on the one document that caused it and the others are
extracted as usual. The models' matrix products run on one BLAS thread meanwhile
(:mod:`oxus.nlp.matmul`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from oxus.allocator import release_memory
from oxus.errors import EXTRACTION_FAILED, OVER_BUDGET, BudgetExceeded
from oxus.limits import SECTION_CHARS, Budget, Limits, enforced
from oxus.model import Document, DocumentFacts
from oxus.nlp.extensions import TEXT_KEY
from oxus.nlp.facts import doc_to_facts
from oxus.nlp.lang import LANGUAGES
from oxus.nlp.matmul import single_blas_thread
from oxus.nlp.pipeline import pack_dir_of, shared_pipeline
from oxus.nlp.sections import Section, SectionFacts, split_sections, stitch

DEFAULT_LANGUAGE = "en"
"""The pipeline for a document in a language oxus has none for."""
BATCH_SIZE = 32
"""Documents through the pipeline together. The statistical models multiply larger
matrices than with 16: about 1 % less CPU over 300 documents, the same facts, some 20 MB
more memory."""
PIPE_BATCH_CHARS = 100_000
"""At most about this many characters go through spaCy at once (its memory follows it)."""


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


@dataclass(frozen=True)
class ExtractionFailure:
    """One document the pipeline could not extract, and why (small, so it pickles)."""

    document_id: str
    source: str
    reason: str
    code: str

    @classmethod
    def of(cls, document: Document, error: BaseException) -> ExtractionFailure:
        if isinstance(error, BudgetExceeded):
            return cls(document.id, _source(document), error.message, OVER_BUDGET)
        first = (str(error).strip().splitlines() or [""])[0][:300]
        reason = f"extraction failed: {type(error).__name__}" + (f": {first}" if first else "")
        return cls(document.id, _source(document), reason, EXTRACTION_FAILED)


OnFailure = Callable[[ExtractionFailure], None]


def extract(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    limits: Limits | None = None,
    on_failure: OnFailure | None = None,
    section_chars: int = SECTION_CHARS,
) -> Iterator[DocumentFacts]:
    """Facts for each document, in input order; each model is loaded once per process.

    ``nlp`` is the pipeline for the documents in its own language (English by default);
    documents in another language go to that language's pipeline, built with the same
    knowledge pack. A document that fails (or exceeds ``limits``) is passed to
    ``on_failure`` and left out; without ``on_failure`` its error is raised. Texts longer
    than ``section_chars`` (or the model's ``max_length``) are extracted in sections.
    """
    run = partial(_run, Pipelines(nlp), section_chars=section_chars)
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, batch_size * max(1, n_process))):
        done: list[DocumentFacts] = []
        budget = _budget(limits, batch)
        try:
            with enforced(budget), single_blas_thread():
                done.extend(run(batch, budget, batch_size, n_process))
        except Exception:
            for document in batch:
                alone = _alone(run, document, limits, on_failure)
                if alone is not None:
                    yield alone
            continue
        yield from done


def _alone(
    run: Callable[..., list[DocumentFacts]],
    document: Document,
    limits: Limits | None,
    on_failure: OnFailure | None,
) -> DocumentFacts | None:
    """One document under its own budget; its failure reported, or raised."""
    budget = _budget(limits, [document])
    try:
        with enforced(budget), single_blas_thread():
            [facts] = run([document], budget, 1, 1)
    except Exception as error:
        if on_failure is None:
            raise
        on_failure(ExtractionFailure.of(document, error))
        return None
    return facts


def _budget(limits: Limits | None, batch: list[Document]) -> Budget | None:
    if limits is None:
        return None
    characters = sum(len(document.text) for document in batch)
    what = f"extracting {batch[0].id}" if len(batch) == 1 else "extracting a batch"
    return limits.for_text(characters, what)


def _run(
    pipelines: Pipelines,
    batch: list[Document],
    budget: Budget | None,
    batch_size: int,
    n_process: int,
    *,
    section_chars: int,
) -> list[DocumentFacts]:
    """Facts for every document of ``batch``, in order: each language's share (all their
    sections) through one ``nlp.pipe``."""
    by_lang: dict[str, list[int]] = {}
    for index, document in enumerate(batch):
        by_lang.setdefault(document.language, []).append(index)
    facts: list[DocumentFacts | None] = [None] * len(batch)
    for lang, indices in by_lang.items():
        nlp = pipelines[lang]
        limit = min(section_chars, nlp.max_length)
        plans = [(i, split_sections(batch[i].text, limit)) for i in indices]
        # Documents of one section go through in batches as they always have (the
        # statistical models' scores can move in the last digit with the batch); the
        # sections of a long one a few at a time, as spaCy's memory follows the batch.
        sectioned = any(len(sections) > 1 for _, sections in plans)
        pipe_batch = max(1, min(batch_size, PIPE_BATCH_CHARS // limit)) if sectioned else batch_size
        docs = (
            _prepared(nlp, batch[i], section, budget)
            for i, sections in plans
            for section in sections
        )
        processed = nlp.pipe(docs, batch_size=pipe_batch, n_process=n_process)
        for i, sections in plans:
            parts = []
            for section in sections:
                spacy_doc = next(processed)
                sentences = _sentence_count(spacy_doc) if len(sections) > 1 else 1
                parts.append(SectionFacts(section, sentences, doc_to_facts(spacy_doc, batch[i])))
                # What the components left on the Doc refers back to it (token views,
                # spans): emptied, the Doc is freed now, not by a later full collection.
                spacy_doc.user_data.clear()
                del spacy_doc
                if len(sections) > 1:
                    release_memory()
                if budget is not None:
                    budget.check()
            facts[i] = stitch(batch[i], parts)
    return [each for each in facts if each is not None]


def _prepared(nlp: Language, document: Document, section: Section, budget: Budget | None) -> Doc:
    """A section's text tokenized, with what the components read before they run."""
    if budget is not None:
        budget.check()
    spacy_doc = nlp.make_doc(section.text)
    spacy_doc.user_data[TEXT_KEY] = section.text
    spacy_doc._.doc_id = document.id
    spacy_doc._.published = document.published
    return spacy_doc


def _sentence_count(doc: Doc) -> int:
    return sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1


def _source(document: Document) -> str:
    return document.source or document.id


def parse(document: Document, pipelines: Pipelines) -> Doc:
    """One document through the pipeline of its language, as a processed Doc (training
    and cross-validation read the candidates it carries)."""
    nlp = pipelines[document.language]
    with single_blas_thread():
        return nlp(_prepared(nlp, document, Section(0, document.text), None))
