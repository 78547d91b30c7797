"""natasha's models, loaded once per process from the files inside their packages.

Loading takes about a second (navec embeddings, three slovnet models, the pymorphy2
dictionary), so every Russian pipeline of a process shares one :class:`RussianModels`.

slovnet's models multiply small matrices with numpy. Extraction and training hold
numpy's BLAS to one thread while a pipeline runs (:mod:`oxus.nlp.matmul`): spread over a
loaded two-core machine these products ran ten times slower.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import pymorphy2_dicts_ru
from natasha import (
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
)
from natasha.morph.vocab import MorphForm
from pymorphy2 import MorphAnalyzer


class LocalMorphVocab(MorphVocab):
    """natasha's pymorphy2 vocabulary, opened from the installed dictionary package.

    pymorphy2 would otherwise find its dictionary through ``pkg_resources`` entry
    points; the path is known, so that lookup (and its dependency) is skipped.
    """

    def __init__(self) -> None:
        MorphAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)


@dataclass(frozen=True)
class RussianModels:
    """The morphology tagger, syntax parser, NER tagger and lemma vocabulary."""

    morph: Any
    syntax: Any
    ner: Any
    vocab: LocalMorphVocab


@cache
def russian_models() -> RussianModels:
    """natasha's news models, loaded from site-packages on first use (no download)."""
    embedding = NewsEmbedding()
    return RussianModels(
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
        vocab=LocalMorphVocab(),
    )
