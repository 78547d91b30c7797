"""Synthetic corpora for speed and scale tests, recombined from real paragraphs.

Every document it makes is labelled synthetic (id prefix, outlet) and is used only to
measure speed and scale, never quality.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from oxus.ingest import discover, read_source
from oxus.model import Document

SYNTHETIC_OUTLET = "oxus synthetic corpus"


def corpus_paragraphs(corpus: Path) -> tuple[list[str], list[str | None]]:
    """All paragraphs of longer than a dozen words, and the publication dates seen."""
    paragraphs, dates = [], []
    for path in discover([corpus]):
        for document in read_source(path):
            dates.append(document.published)
            paragraphs += [p for p in document.text.split("\n\n") if len(p.split()) > 12]
    return paragraphs, dates


def synthetic_documents(
    corpus: Path, count: int, *, seed: int = 7, paragraphs: tuple[int, int] = (3, 7)
) -> Iterator[Document]:
    """``count`` documents, each a random draw of paragraphs; deterministic for a seed."""
    pool, dates = corpus_paragraphs(corpus)
    if not pool:
        raise ValueError(f"no paragraphs to recombine under {corpus}")
    rng = random.Random(seed)
    for number in range(1, count + 1):
        text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(*paragraphs)))
        text += f"\n\n(synthetic document {number})"
        yield Document(
            id=f"synthetic-{number:06d}",
            text=text,
            title=f"Synthetic document {number}",
            outlet=SYNTHETIC_OUTLET,
            published=rng.choice(dates),
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
