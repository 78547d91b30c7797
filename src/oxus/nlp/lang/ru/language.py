"""The Russian spaCy ``Language``: razdel tokens, then natasha's analysis.

``spacy.blank("ru")`` gives spaCy's Russian vocabulary and lexical attributes; its
tokenizer is replaced by razdel's (:mod:`~oxus.nlp.lang.ru.tokenizer`) and the first
component, ``oxus_natasha``, writes what the English model writes for English. The
oxus components are added after it by :func:`oxus.nlp.pipeline.build_pipeline`.
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language

from oxus.nlp.lang.ru.tokenizer import RussianTokenizer


def load_russian() -> Language:
    """A Russian ``Language`` with natasha's analysis as its only component."""
    nlp = spacy.blank("ru")
    nlp.tokenizer = RussianTokenizer(nlp.vocab)
    importlib.import_module("oxus.nlp.lang.ru.analysis")
    nlp.add_pipe("oxus_natasha")
    return nlp
