"""Does the cost of a document grow with the store? Time ingestion in equal chunks."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import shared_pipeline
from oxus.store import Store


@dataclass
class GrowthReport:
    chunk: int
    seconds: list[float]

    @property
    def growth_ratio(self) -> float:
        """Fastest of the last two chunks over the fastest of the first two.

        Noise on a shared machine only ever adds time, so the minimum of a pair is the
        honest cost of a chunk; a store that slows with size still shows as a ratio above 1.
        """
        if len(self.seconds) < 2:
            return 1.0
        head, tail = min(self.seconds[:2]), min(self.seconds[-2:])
        return tail / head if head else 0.0


def replicated_facts(templates: list[DocumentFacts], count: int) -> Iterator[DocumentFacts]:
    """``count`` copies of real extracted facts under new synthetic ids (store-only timing)."""
    for number in range(count):
        template = templates[number % len(templates)]
        text = template.document.text + f"\n\n(synthetic copy {number})"
        document = dataclasses.replace(
            template.document,
            id=f"synthetic-{number:06d}",
            text=text,
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
        yield dataclasses.replace(template, document=document)


def time_chunks(store: Store, facts: Iterable[DocumentFacts], *, chunk: int) -> GrowthReport:
    """Seconds per ``chunk`` documents saved, in order, grouped as ingestion saves them."""
    report = GrowthReport(chunk=chunk, seconds=[])
    start = time.perf_counter()
    for done, _ in enumerate(store.save_stream(facts), start=1):
        if done % chunk == 0:
            now = time.perf_counter()
            report.seconds.append(now - start)
            start = now
    return report


def full_pipeline_facts(documents: Iterable[Document]) -> Iterator[DocumentFacts]:
    """Facts from the real pipeline, for timing extraction and storage together."""
    return extract(documents, nlp=shared_pipeline())
