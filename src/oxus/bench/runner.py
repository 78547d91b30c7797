"""Time bare spaCy, the full oxus pipeline with storage, and parallel oxus, on the same texts."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from oxus.model import Document
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import build_pipeline, shared_pipeline
from oxus.store import Store


@dataclass
class StageResult:
    name: str
    seconds: float
    documents: int
    words: int
    peak_rss_mb: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


@dataclass
class BenchReport:
    documents: int
    words: int
    stages: list[StageResult] = field(default_factory=list)
    latency_ms: dict[str, dict[str, float]] = field(default_factory=dict)

    def stage(self, name: str) -> StageResult:
        return next(s for s in self.stages if s.name == name)

    def ratios(self) -> dict[str, float]:
        base = self.stage("spacy").words_per_second
        one = next((s for s in self.stages if s.name == "oxus"), None)
        out = {}
        for s in self.stages:
            if s.name != "spacy" and base:
                out[f"{s.name} / spacy"] = s.words_per_second / base
            if one and s.name.startswith("oxus-workers") and one.words_per_second:
                out[f"{s.name} / oxus"] = s.words_per_second / one.words_per_second
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "stages": [
                {
                    **asdict(s),
                    "words_per_second": round(s.words_per_second, 1),
                    "docs_per_second": round(s.docs_per_second, 2),
                }
                for s in self.stages
            ],
            "ratios": {k: round(v, 3) for k, v in self.ratios().items()},
            "latency_ms": self.latency_ms,
        }


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _timed(
    name: str, documents: list[Document], words: int, work: Callable[[], object]
) -> StageResult:
    start = time.perf_counter()
    work()
    return StageResult(name, time.perf_counter() - start, len(documents), words, peak_rss_mb())


def run_benchmark(
    documents: list[Document],
    *,
    workers: int = 2,
    store_dir: Path | None = None,
    latency: bool = True,
) -> BenchReport:
    """Run every stage on the same documents, models loaded before the clock starts."""
    words = sum(len(d.text.split()) for d in documents)
    report = BenchReport(documents=len(documents), words=words)
    texts = [d.text for d in documents]
    bare = build_pipeline(bare=True)
    list(bare.pipe(texts[:2]))
    report.stages.append(
        _timed("spacy", documents, words, lambda: list(bare.pipe(texts, batch_size=16)))
    )
    full = shared_pipeline()
    list(extract(documents[:2], nlp=full))
    with tempfile.TemporaryDirectory(dir=store_dir) as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")

        def oxus_one() -> None:
            for facts in extract(documents, nlp=full):
                store.save(facts)

        report.stages.append(_timed("oxus", documents, words, oxus_one))
        if latency:
            from oxus.bench.latency import api_latency

            report.latency_ms = api_latency(store)
        store.close()
        if workers > 1:
            from oxus.scale.pool import extract_parallel

            parallel = Store(f"sqlite:///{tmp}/bench-parallel.db")

            def oxus_parallel() -> None:
                for facts in extract_parallel(documents, workers=workers):
                    parallel.save(facts)

            report.stages.append(_timed(f"oxus-workers-{workers}", documents, words, oxus_parallel))
            parallel.close()
    return report
