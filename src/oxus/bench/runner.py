"""Time bare spaCy, the full oxus pipeline with storage, and parallel oxus, on the same texts;
and the Russian pipeline with storage on Russian texts, for its words per second beside
English."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from oxus.bench.processes import time_processes
from oxus.kb.pack import shared_pack
from oxus.model import Document, DocumentFacts
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import build_pipeline, shared_pipeline
from oxus.store import Store

RUSSIAN_STAGE = "oxus-ru"
"""The Russian pipeline with storage, timed on Russian texts."""
PROCESS_STAGES = ("spacy-process", "oxus-process")
"""Whole processes, timed from launch to exit."""


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
            if s.name in PROCESS_STAGES:
                continue
            if s.name not in ("spacy", RUSSIAN_STAGE) and base:
                out[f"{s.name} / spacy"] = s.words_per_second / base
            compared = s.name.startswith("oxus-workers") or s.name == RUSSIAN_STAGE
            if one and compared and one.words_per_second:
                out[f"{s.name} / oxus"] = s.words_per_second / one.words_per_second
        bare = next((s for s in self.stages if s.name == "spacy-process"), None)
        whole = next((s for s in self.stages if s.name == "oxus-process"), None)
        if bare and whole and bare.words_per_second:
            out["oxus-process / spacy-process"] = whole.words_per_second / bare.words_per_second
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


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident memory of this process, or of its largest finished child, in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def _chunks(documents: list[Document], rounds: int) -> list[list[Document]]:
    size = -(-len(documents) // rounds)
    return [documents[i : i + size] for i in range(0, len(documents), size)]


def run_benchmark(
    documents: list[Document],
    *,
    workers: int = 2,
    store_dir: Path | None = None,
    latency: bool = True,
    rounds: int = 10,
    russian: list[Document] | None = None,
    processes: int = 3,
) -> BenchReport:
    """Run every stage on the same documents, models loaded before the clock starts.

    With ``russian`` documents, the Russian pipeline is timed on them as stage
    ``oxus-ru`` (its own words), in the same rounds as the English stages. With
    ``processes`` runs, whole processes are timed too (``spacy-process`` and
    ``oxus-process``: start-up, model and pack loading, reading and storing included).

    The stores get the knowledge pack first, as ingestion does before its first
    document. The documents are split into ``rounds`` parts and the stages take turns on each
    part, so that anything else the machine does in the meantime slows every stage
    alike instead of the one that happened to be running. Starting the worker
    processes counts against the parallel stage.
    """
    words = sum(len(d.text.split()) for d in documents)
    report = BenchReport(documents=len(documents), words=words)
    seconds: dict[str, float] = {}

    def timed(name: str, work: Callable[[], object]) -> None:
        start = time.perf_counter()
        work()
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start

    bare = build_pipeline(bare=True)
    list(bare.pipe([d.text for d in documents[:2]]))
    full = shared_pipeline()
    list(extract(documents[:2], nlp=full))
    russian = russian or []
    if russian:
        list(extract(russian[:2], nlp=shared_pipeline(None, "ru")))
    parts = _chunks(documents, max(1, rounds))
    russian_parts = _chunks(russian, len(parts)) if russian else []
    parallel_name = f"oxus-workers-{workers}"
    with tempfile.TemporaryDirectory(dir=store_dir) as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        parallel_store = Store(f"sqlite:///{tmp}/bench-parallel.db")
        # As ingestion does before its first document: the pack's entities and names.
        pack_entities = shared_pack().entities()
        for each in (store, parallel_store):
            each.sync_pack(pack_entities)
        pool: Any = None
        try:
            for index, part in enumerate(parts):
                texts = [d.text for d in part]
                timed("spacy", lambda: list(bare.pipe(texts, batch_size=16)))  # noqa: B023
                timed(
                    "oxus",
                    lambda: list(store.save_stream(extract(part, nlp=full))),  # noqa: B023
                )
                if index < len(russian_parts):
                    ru_part = russian_parts[index]
                    timed(
                        RUSSIAN_STAGE,
                        lambda: list(store.save_stream(extract(ru_part))),  # noqa: B023
                    )
                if workers > 1:

                    def run_parallel() -> None:
                        nonlocal pool
                        if pool is None:
                            from oxus.scale.pool import ExtractionPool

                            pool = ExtractionPool(workers)
                        outcomes = pool.extract(part)  # noqa: B023
                        facts = (each for each in outcomes if isinstance(each, DocumentFacts))
                        for _ in parallel_store.save_stream(facts):
                            pass

                    timed(parallel_name, run_parallel)
        finally:
            if pool is not None:
                pool.close()
        # Both single-process stages ran in this process; the parallel stage's figure
        # is one worker's (the writing parent is the figure above).
        peaks = {
            "spacy": peak_rss_mb(),
            "oxus": peak_rss_mb(),
            parallel_name: peak_rss_mb(children=True),
        }
        for name in ("spacy", "oxus", parallel_name):
            if name in seconds:
                report.stages.append(
                    StageResult(name, seconds[name], len(documents), words, peaks[name])
                )
        if RUSSIAN_STAGE in seconds:
            ru_words = sum(len(d.text.split()) for d in russian)
            report.stages.append(
                StageResult(
                    RUSSIAN_STAGE, seconds[RUSSIAN_STAGE], len(russian), ru_words, peak_rss_mb()
                )
            )
        if processes:
            for name, spent in time_processes(documents, runs=processes, workdir=store_dir).items():
                report.stages.append(StageResult(name, spent, len(documents), words, 0.0))
        if latency:
            from oxus.bench.latency import api_latency

            report.latency_ms = api_latency(store)
        store.close()
        parallel_store.close()
    return report
