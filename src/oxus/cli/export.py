"""``oxus export``: write the store's facts in an interchange format."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from oxus.cli.app import DbOption, app, errors, fail, output_path, store_for
from oxus.export.facts_jsonl import write_facts_jsonl
from oxus.store import Store


class ExportFormat(StrEnum):
    FACTS_JSONL = "facts-jsonl"
    STIX = "stix"
    GRAPHML = "graphml"
    GEXF = "gexf"
    GEOJSON = "geojson"
    CSV = "csv"


def _write_text(out: Path | None, write: Callable[[IO[str]], str]) -> str:
    """Write to a file atomically (or to standard output); return the summary line."""
    if out is None:
        return write(sys.stdout)
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            summary = write(handle)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def _stix(store: Store, handle: IO[str]) -> str:
    from oxus.export.stix import bundle_json, export_stix

    bundle = export_stix(store)
    handle.write(bundle_json(bundle) + "\n")
    return f"exported {len(bundle.objects)} STIX objects"


def _geojson(store: Store, handle: IO[str]) -> str:
    from oxus.export.geojson import write_geojson

    return f"exported {write_geojson(store, handle)} features"


def _graph(store: Store, out: Path, format: ExportFormat) -> str:
    from oxus.export.graph import write_gexf, write_graphml

    writer = write_graphml if format is ExportFormat.GRAPHML else write_gexf
    graph = writer(store, out)
    return f"exported {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges"


def _csv(store: Store, out: Path) -> str:
    from oxus.export.csv_tables import write_csv_folder

    counts = write_csv_folder(store, out)
    return "exported " + ", ".join(f"{n} {name}" for name, n in counts.items())


def _export(store: Store, format: ExportFormat, out: Path | None) -> str:
    """Write the store in ``format``; return the summary line."""
    if format is ExportFormat.FACTS_JSONL:
        return _write_text(
            out, lambda h: f"exported {write_facts_jsonl(store.iter_document_facts(), h)} documents"
        )
    if format is ExportFormat.STIX:
        return _write_text(out, lambda h: _stix(store, h))
    if format is ExportFormat.GEOJSON:
        return _write_text(out, lambda h: _geojson(store, h))
    if format is ExportFormat.CSV:
        return _csv(store, out)  # type: ignore[arg-type]
    return _graph(store, out, format)  # type: ignore[arg-type]


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.FACTS_JSONL
    ),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output file (default: standard output); a folder for csv; "
            "required for graphml, gexf and csv.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the store: facts-jsonl (one line per document, as in the facts spec), stix
    (a STIX 2.1 bundle), graphml or gexf (the entity graph), geojson (places with their
    facts) or csv (a folder with one table per fact kind)."""
    if format in (ExportFormat.GRAPHML, ExportFormat.GEXF, ExportFormat.CSV) and out is None:
        raise fail(f"--out is required for --format {format.value}")
    if out is not None:
        output_path(out, folder=format is ExportFormat.CSV)
    with store_for(db, reading=True) as store:
        try:
            summary = _export(store, format, out)
        except OSError as e:
            raise fail(f"cannot write {e.filename or out}: {e.strerror or e}") from e
    errors.print(summary, highlight=False)
