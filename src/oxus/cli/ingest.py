"""``oxus ingest``: read reports, extract facts, store them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from oxus.analysis.alerts import latest_alert_id, new_alerts
from oxus.cli.app import DbOption, app, console, errors, fail, store_for
from oxus.errors import OxusError
from oxus.ingestion import IngestReport, count_files, ingest_paths


def _summary(report: IngestReport) -> Table:
    table = Table(title="Ingestion summary", show_header=True)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    for outcome in ("added", "replaced", "unchanged", "duplicate"):
        table.add_row(outcome, str(report.outcomes.get(outcome, 0)))
    table.add_row("failed files", str(len(report.failures)))
    for kind in ("entities", "relations", "events", "estimates"):
        table.add_row(f"{kind} extracted", str(report.facts.get(kind, 0)))
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest text, Markdown, HTML, PDF and RSS/Atom files into the store."""
    store = store_for(db)
    try:
        total = count_files(paths)
        if total == 0:
            raise fail(f"no files found under {' '.join(paths)}")
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

            report = ingest_paths(
                paths, store, pack_dir=pack, workers=workers, dask=dask, progress=advance
            )
        if report.outcomes.get("added", 0) + report.outcomes.get("replaced", 0):
            store.refresh_statistics()
        alerted = new_alerts(store, mark)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    for failure in report.failures:
        errors.print(
            f"[red]failed[/red] {failure.source}: {failure.reason}", highlight=False, soft_wrap=True
        )
    console.print(_summary(report))
    if alerted:
        console.print(f"{alerted} new fact(s) about what you watch: oxus alerts")
    if report.failed:
        raise typer.Exit(1)
