"""``oxus export``: write the store's facts in an interchange format."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from oxus.cli.app import DbOption, app, errors, store_for
from oxus.export.facts_jsonl import write_facts_jsonl


class ExportFormat(StrEnum):
    FACTS_JSONL = "facts-jsonl"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.FACTS_JSONL
    ),
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the store (facts-jsonl: one line per document, as in the facts spec)."""
    store = store_for(db)
    try:
        if out is None:
            count = write_facts_jsonl(store.iter_document_facts(), sys.stdout)
        else:
            tmp = out.with_name(out.name + ".part")
            with tmp.open("w", encoding="utf-8") as handle:
                count = write_facts_jsonl(store.iter_document_facts(), handle)
            tmp.replace(out)
    finally:
        store.close()
    errors.print(f"exported {count} documents", highlight=False)
