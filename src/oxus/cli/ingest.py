"""``oxus ingest``: read reports, extract facts, store them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from oxus.allocator import keep_freed_memory
from oxus.analysis.alerts import latest_alert_id, new_alerts
from oxus.cli.app import DbOption, app, console, errors, fail, owns_process, store_for
from oxus.collector import fewer_young_collections, loading
from oxus.errors import OxusError
from oxus.ingest import find_sources
from oxus.ingestion import IngestReport, ingest_found
from oxus.kb.pack import shared_pack
from oxus.limits import Limits
from oxus.nlp.pipeline import shared_pipeline


def _summary(report: IngestReport) -> Table:
    table = Table(title="Ingestion summary", show_header=True)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    for outcome in ("added", "replaced", "unchanged", "duplicate"):
        table.add_row(outcome, str(report.outcomes.get(outcome, 0)))
    table.add_row("failed", str(len(report.failures)))
    table.add_row("warnings", str(len(report.warnings)))
    table.add_row("entities in these documents", str(len(report.entities)))
    table.add_row("  of which not in the pack", str(len(report.provisional)))
    for kind in ("relations", "events", "estimates"):
        table.add_row(f"{kind} extracted", str(report.facts.get(kind, 0)))
    table.add_row("pack entities loaded", str(report.pack_entities))
    if report.linking is not None:
        linking = report.linking
        table.add_row("incidents in the store", f"{linking.incidents:,}")
        table.add_row("  of several documents", f"{linking.multi_report:,}")
        table.add_row("  linking seconds", f"{linking.seconds:.1f}")
    return table


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs to ingest.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes running the NLP pipeline.")] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run extraction on Dask: 'local' (a local cluster of --workers processes) "
            "or a scheduler address tcp://host:port.",
        ),
    ] = None,
    pack: Annotated[
        str | None, typer.Option(help="Knowledge pack folder (default: the shipped pack).")
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="Seconds one document may take per 100,000 characters (per MiB while "
            "reading its file); 0: no limit. Default $OXUS_TIME_LIMIT, else 60.",
            show_default=False,
        ),
    ] = None,
    memory_limit: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="MiB of memory one document may add to the process; 0: no limit. "
            "Default $OXUS_MEMORY_LIMIT, else 2048.",
            show_default=False,
        ),
    ] = None,
    max_file_size: Annotated[
        float, typer.Option(min=0.001, help="Largest file to read, in MiB.")
    ] = 100,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest text, Markdown, HTML, PDF and RSS/Atom files into the store.

    Every path is either ingested or named with the reason it was not; the exit code is
    1 when anything failed.
    """
    found = find_sources(paths)
    if not found.files:
        reasons = "; ".join(f"{r.source}: {r.reason}" for r in found.refused[:3])
        raise fail(
            f"nothing to ingest under {' '.join(paths)}" + (f" ({reasons})" if reasons else "")
        )
    total = len(found.files) + len(found.refused)
    limits = Limits.from_env(time_limit, memory_limit)
    try:
        shared_pack(pack)
        if dask:
            from oxus.scale.dask import check_scheduler

            check_scheduler(dask)
    except OxusError as e:
        raise fail(str(e)) from e
    if owns_process():
        keep_freed_memory()
        # What is loaded now (models, pack, pipeline) lives as long as the process: the
        # collector need not traverse it while it loads, nor again at every collection
        # of the documents' objects.
        with loading():
            if workers == 1 and not dask:
                shared_pipeline(pack)
        fewer_young_collections()
    store = store_for(db)
    try:
        mark = latest_alert_id(store)
        with Progress(
            TextColumn("[bold]ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[current]}"),
            TimeElapsedColumn(),
            console=errors,
            disable=quiet,
            transient=False,
        ) as progress:
            task = progress.add_task("ingest", total=total, current="")

            def advance(item: str, outcome: str) -> None:
                done = progress.tasks[0].completed + 1
                progress.update(task, completed=done, total=max(total, done), current=item)

            report = ingest_found(
                found,
                store,
                pack_dir=pack,
                workers=workers,
                dask=dask,
                progress=advance,
                limits=limits,
                max_bytes=int(max_file_size * 1024 * 1024),
            )
        if report.outcomes.get("added", 0) + report.outcomes.get("replaced", 0):
            store.refresh_statistics()
        alerted = new_alerts(store, mark)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    for warning in report.warnings:
        line = escape(f"{warning.source}: {warning.message}")
        errors.print(f"[yellow]warning[/yellow] {line}", highlight=False)
    for failure in report.failures:
        line = escape(f"{failure.source}: {failure.reason}")
        errors.print(f"[red]failed[/red] {line}", highlight=False)
    console.print(_summary(report))
    if alerted:
        console.print(f"{alerted} new fact(s) about what you watch: oxus alerts")
    if report.failed:
        raise typer.Exit(1)
