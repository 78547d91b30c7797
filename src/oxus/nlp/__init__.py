"""The NLP layer: one spaCy pipeline turning documents into facts with evidence."""

from oxus.nlp.extract import extract
from oxus.nlp.pipeline import build_pipeline, shared_pipeline

__all__ = ["build_pipeline", "extract", "shared_pipeline"]
