"""``oxus bench``: speed of oxus against bare spaCy on the same texts, in one run."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.config import shared_corpus_dir
from oxus.store import Store

RUSSIAN_SHARE = 4
"""The Russian stage times about a quarter as many words as the English ones."""


@app.command()
def bench(
    docs: Annotated[int, typer.Option("--docs", min=1, help="How many documents to time.")] = 200,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the parallel stage.")] = 2,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Corpus whose paragraphs are recombined (default ../shared/corpus)."),
    ] = None,
    russian: Annotated[
        bool,
        typer.Option(
            help="Also time the Russian pipeline on the corpus's Russian reports (stage oxus-ru)."
        ),
    ] = True,
    processes: Annotated[
        int,
        typer.Option(
            min=0,
            help="Runs of the whole-process stages (a bare spaCy process against "
            "`oxus ingest`, start-up and loading included); 0 skips them.",
        ),
    ] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Words/s and documents/s of bare en_core_web_sm, oxus, and oxus with --workers,
    in one process and as whole processes; Russian words/s of oxus beside English."""
    from oxus.bench.runner import run_benchmark
    from oxus.bench.scaler import russian_documents, synthetic_documents

    source = corpus or shared_corpus_dir()
    if source is None or not source.is_dir():
        raise fail("no corpus to build benchmark documents from: pass --corpus DIR")
    documents = list(synthetic_documents(source, docs))
    words = sum(len(d.text.split()) for d in documents)
    russian_docs = russian_documents(source, words // RUSSIAN_SHARE) if russian else []
    report = run_benchmark(documents, workers=workers, russian=russian_docs, processes=processes)
    if as_json:
        console.print_json(json.dumps(report.to_dict()))
        return
    table = Table(title=f"{report.documents} synthetic documents, {report.words} words")
    for column in ("stage", "words", "seconds", "words/s", "docs/s", "peak RSS MiB"):
        table.add_column(column, justify="right")
    for s in report.stages:
        table.add_row(
            s.name,
            f"{s.words:,}",
            f"{s.seconds:.2f}",
            f"{s.words_per_second:,.0f}",
            f"{s.docs_per_second:.1f}",
            f"{s.peak_rss_mb:.0f}",
        )
    console.print(table)
    for name, ratio in report.ratios().items():
        console.print(f"{name}: {ratio:.2f}x")
    for endpoint, figures in report.latency_ms.items():
        console.print(f"API {endpoint}: p50 {figures['p50']} ms, p95 {figures['p95']} ms")


def time_derived(store: Store) -> dict[str, float]:
    """Seconds to date every relation statement and to link every event into incidents."""
    from oxus.analysis.dating.derive import date_relations
    from oxus.analysis.incidents.persist import relink

    started = time.perf_counter()
    date_relations(store)
    dating = time.perf_counter() - started
    linking = relink(store).seconds
    return {"relation_dating": round(dating, 2), "incident_linking": round(linking, 2)}


@app.command("bench-scale")
def bench_scale(
    docs: Annotated[int, typer.Option("--docs", min=1000, help="Documents in the store.")] = 20000,
    chunk: Annotated[int, typer.Option(min=100, help="Documents per timed chunk.")] = 1000,
    db: DbOption = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Corpus whose extracted facts are replicated (default ../shared/corpus)."
        ),
    ] = None,
    pipeline: Annotated[
        bool,
        typer.Option(
            "--pipeline",
            help="Run the whole pipeline on every synthetic document (ingestion as it is "
            "used; about a minute per 1,000 documents and worker).",
        ),
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Processes with --pipeline.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Grow a store to --docs documents: time each chunk's writes, then API latency.

    By default the pipeline runs once over the corpus and its real facts are stored again
    under new synthetic ids, so what is timed is the store, which is what grows. With
    --pipeline every document is a new draw of corpus paragraphs run through the whole
    pipeline, so a chunk's time is ingestion's. Use an empty store (a new SQLite path or
    an empty PostgreSQL database).
    """
    from oxus.bench.growth import full_pipeline_facts, replicated_facts, time_chunks
    from oxus.bench.scaler import synthetic_documents
    from oxus.ingest import discover, read_source
    from oxus.ingestion import extract_documents
    from oxus.kb.pack import shared_pack

    source = corpus or shared_corpus_dir()
    if source is None or not source.is_dir():
        raise fail("no corpus to extract facts from: pass --corpus DIR")
    store = store_for(db) if db else Store(f"sqlite:///{tempfile.mkdtemp()}/scale.db")
    try:
        if store.document_ids():
            raise fail("bench-scale needs an empty store")
        store.sync_pack(shared_pack().entities())
        if pipeline:
            facts = extract_documents(synthetic_documents(source, docs), workers=workers)
        else:
            corpus_docs = [d for path in discover([source]) for d in read_source(path)]
            facts = replicated_facts(list(full_pipeline_facts(corpus_docs)), docs)
        growth = time_chunks(store, facts, chunk=chunk)
        store.refresh_statistics()
        derived = time_derived(store)
        from oxus.bench.latency import api_latency

        latency = api_latency(store)
    finally:
        store.close()
    figures = {
        "documents": docs,
        "chunk": chunk,
        "seconds_per_chunk": [round(s, 3) for s in growth.seconds],
        "growth_ratio": round(growth.growth_ratio, 3),
        "latency_ms": latency,
        "derived_s": derived,
        "backend": store.dialect,
        "pipeline": pipeline,
    }
    if as_json:
        console.print_json(json.dumps(figures))
        return
    console.print(f"{docs} documents on {store.dialect}, seconds per {chunk}:")
    console.print(" ".join(f"{s:.2f}" for s in growth.seconds))
    console.print(f"last chunks / first chunks (fastest of two each): {growth.growth_ratio:.2f}x")
    console.print(
        f"relation dating {derived['relation_dating']:.1f} s, incident linking "
        f"{derived['incident_linking']:.1f} s (all events, as after an ingest)"
    )
    for endpoint, values in latency.items():
        console.print(f"API {endpoint}: p50 {values['p50']} ms, p95 {values['p95']} ms")
