"""Fixtures for the Russian pipeline: built once per session (natasha loads in a second)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from oxus.nlp.candidates import doc_candidates
from oxus.nlp.decoder import Decoded, decode
from oxus.nlp.lang.ru.language import load_russian
from oxus.nlp.pipeline import build_pipeline
from oxus.nlp.scoring.bundle import ExtractionModel

Analyse = Callable[..., Doc]


@pytest.fixture(scope="session")
def ru_bare() -> Language:
    """razdel tokens and natasha's analysis, no oxus component."""
    return load_russian()


@pytest.fixture(scope="session")
def ru_nlp() -> Language:
    """The whole Russian pipeline with the shipped knowledge pack."""
    return build_pipeline(lang="ru")


@pytest.fixture(scope="session")
def analyse(ru_nlp: Language) -> Analyse:
    """Run the Russian pipeline over a text published on a given date."""

    def run(text: str, published: str | None = "2024-04-15") -> Doc:
        doc = ru_nlp.make_doc(text)
        doc._.published = published
        return ru_nlp(doc)

    return run


@pytest.fixture(scope="session")
def rules(analyse: Analyse) -> Callable[..., Decoded]:
    """The Russian pipeline's candidates decoded by the rules alone (no learned model):
    what the Russian rules find, whatever the shipped model makes of it."""

    def run(text: str, published: str | None = "2024-04-15") -> Decoded:
        return decode(doc_candidates(analyse(text, published)), ExtractionModel())

    return run
