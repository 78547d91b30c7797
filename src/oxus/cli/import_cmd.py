"""``oxus import``: load facts written by another tool (a STIX 2.1 bundle) into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.errors import OxusError
from oxus.export.stix_import import import_stix
from oxus.ingest.files import read_file


class ImportFormat(StrEnum):
    STIX = "stix"


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The file to import.", exists=True, dir_okay=False)],
    format: Annotated[ImportFormat, typer.Option("--format", "-f", help="Input format.")] = (
        ImportFormat.STIX
    ),
    db: DbOption = None,
) -> None:
    """Import a STIX 2.1 bundle (e.g. an oxus or OpenCTI export): entities, aliases, relations."""
    try:
        data = read_file(file)
    except OxusError as e:
        raise fail(str(e)) from e
    store = store_for(db)
    try:
        result = import_stix(store, data)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    console.print(
        f"imported {result.entities} entities, {result.documents} documents, "
        f"{result.relations} relations"
        + (f"; skipped {len(result.skipped)} relationships" if result.skipped else ""),
        highlight=False,
    )
