"""What runs inside a worker process: the pipeline, loaded once per process."""

from __future__ import annotations

from oxus.limits import Limits
from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import ExtractionFailure, extract
from oxus.nlp.pipeline import shared_pipeline

_PACK_DIR: str | None = None
_LIMITS: Limits | None = None

Outcome = DocumentFacts | ExtractionFailure
"""What a worker sends back for one document: its facts, or why it has none."""


def init_worker(pack_dir: str | None, limits: Limits | None = None) -> None:
    """Pool initializer: remember the pack and limits, load the pipeline before the first batch."""
    global _PACK_DIR, _LIMITS
    _PACK_DIR, _LIMITS = pack_dir, limits
    shared_pipeline(pack_dir)


def extract_batch(
    documents: list[Document], pack_dir: str | None = None, limits: Limits | None = None
) -> list[Outcome]:
    """Facts or a failure for each document of a batch, in order; only small objects travel."""
    nlp = shared_pipeline(pack_dir if pack_dir is not None else _PACK_DIR)
    outcomes: list[Outcome] = []
    for facts in extract(documents, nlp=nlp, limits=limits or _LIMITS, on_failure=outcomes.append):
        outcomes.append(facts)
    return outcomes
