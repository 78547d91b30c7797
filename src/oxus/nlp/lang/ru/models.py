"""natasha's models, loaded once per process from the files inside their packages.

Loading takes about a second (navec embeddings, three slovnet models, the pymorphy2
dictionary), so every Russian pipeline of a process shares one :class:`RussianModels`.

slovnet's models multiply small matrices with numpy; OpenBLAS spreads each product
over every core, which costs more than it saves at these sizes and collapses when the
cores are busy (ten times slower on a loaded two-core machine), so :meth:`single_thread`
runs them on one BLAS thread (parallelism belongs to the worker processes).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
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
from threadpoolctl import ThreadpoolController


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
    threads: ThreadpoolController = field(default_factory=ThreadpoolController)

    def single_thread(self) -> AbstractContextManager[object]:
        """A context in which numpy's BLAS uses one thread (restored on exit)."""
        return self.threads.limit(limits=1, user_api="blas")


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
