"""What runs inside a worker process: the pipeline, loaded once per process."""

from __future__ import annotations

from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import shared_pipeline

_PACK_DIR: str | None = None


def init_worker(pack_dir: str | None) -> None:
    """Pool initializer: remember the pack and load the pipeline before the first batch."""
    global _PACK_DIR
    _PACK_DIR = pack_dir
    shared_pipeline(pack_dir)


def extract_batch(documents: list[Document], pack_dir: str | None = None) -> list[DocumentFacts]:
    """Facts for a batch of documents; only the small DocumentFacts travel back."""
    nlp = shared_pipeline(pack_dir if pack_dir is not None else _PACK_DIR)
    return list(extract(documents, nlp=nlp))
