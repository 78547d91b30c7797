"""``oxus bench``: speed of oxus against bare spaCy on the same texts, in one run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from oxus.bench.runner import run_benchmark
from oxus.bench.scaler import synthetic_documents
from oxus.cli.app import app, console, fail
from oxus.config import shared_corpus_dir


@app.command()
def bench(
    docs: Annotated[int, typer.Option("--docs", min=1, help="How many documents to time.")] = 200,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the parallel stage.")] = 2,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Corpus whose paragraphs are recombined (default ../shared/corpus)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Words/s and documents/s of bare en_core_web_sm, oxus, and oxus with --workers."""
    source = corpus or shared_corpus_dir()
    if source is None or not source.is_dir():
        raise fail("no corpus to build benchmark documents from: pass --corpus DIR")
    documents = list(synthetic_documents(source, docs))
    report = run_benchmark(documents, workers=workers)
    if as_json:
        console.print_json(json.dumps(report.to_dict()))
        return
    table = Table(title=f"{report.documents} synthetic documents, {report.words} words")
    for column in ("stage", "seconds", "words/s", "docs/s", "peak RSS MiB"):
        table.add_column(column, justify="right")
    for s in report.stages:
        table.add_row(
            s.name,
            f"{s.seconds:.2f}",
            f"{s.words_per_second:,.0f}",
            f"{s.docs_per_second:.1f}",
            f"{s.peak_rss_mb:.0f}",
        )
    console.print(table)
    for name, ratio in report.ratios().items():
        console.print(f"{name}: {ratio:.2f}x")
