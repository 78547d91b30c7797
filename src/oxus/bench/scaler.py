"""Synthetic corpora for speed and scale tests, recombined from real paragraphs.

Every document it makes is labelled synthetic (id prefix, outlet) and is used only to
measure speed and scale, never quality. English documents are recombined from the
corpus's English paragraphs; Russian ones are the corpus's Russian reports, copied
until they are long enough to time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from oxus.ingest import discover, read_source
from oxus.model import Document

SYNTHETIC_OUTLET = "oxus synthetic corpus"


def corpus_paragraphs(corpus: Path) -> tuple[list[str], list[str | None]]:
    """All English paragraphs of longer than a dozen words, and the publication dates seen."""
    paragraphs, dates = [], []
    for path in discover([corpus]):
        for document in read_source(path):
            if document.language != "en":
                continue
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


def russian_documents(corpus: Path, words: int) -> list[Document]:
    """The corpus's Russian reports, copied under synthetic ids until they hold at least
    ``words`` words (each report at least once; none when the corpus has none)."""
    originals = [
        document
        for path in discover([corpus])
        for document in read_source(path)
        if document.language == "ru"
    ]
    out: list[Document] = []
    total = 0
    while originals and (total < words or len(out) < len(originals)):
        original = originals[len(out) % len(originals)]
        number = len(out) + 1
        text = f"{original.text}\n\n(синтетический документ {number})"
        out.append(
            dataclasses.replace(
                original,
                id=f"synthetic-ru-{number:06d}",
                text=text,
                outlet=SYNTHETIC_OUTLET,
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
        total += len(text.split())
    return out
