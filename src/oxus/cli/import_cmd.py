"""``oxus import``: load facts written by another tool (a STIX 2.1 bundle) into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.errors import ExportError, OxusError
from oxus.export.stix_read import MAX_BUNDLE_BYTES

if TYPE_CHECKING:
    from oxus.export.stix_import import ImportResult


class ImportFormat(StrEnum):
    STIX = "stix"


def _read(file: Path) -> bytes:
    """The file's bytes: a regular file of bounded size only (no FIFO, device or folder)."""
    if not file.is_file():
        raise ExportError(f"{file}: not a regular file")
    if file.stat().st_size > MAX_BUNDLE_BYTES:
        raise ExportError(f"{file}: larger than {MAX_BUNDLE_BYTES // 2**20} MiB")
    try:
        with file.open("rb") as handle:
            return handle.read(MAX_BUNDLE_BYTES + 1)
    except OSError as e:
        raise ExportError(f"{file}: cannot be read ({e.strerror})") from e


def _summary(result: ImportResult) -> str:
    line = (
        f"imported {result.entities} new entities, {result.documents} documents, "
        f"{result.relations} relations"
    )
    if result.kept:
        line += f"; kept {len(result.kept)} documents the store already holds"
    if result.skipped:
        line += (
            f"; skipped {len(result.skipped)} relationships "
            "(an end not in the bundle, or a type oxus does not know)"
        )
    return line


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The file to import.", exists=True, dir_okay=False)],
    format: Annotated[ImportFormat, typer.Option("--format", "-f", help="Input format.")] = (
        ImportFormat.STIX
    ),
    db: DbOption = None,
) -> None:
    """Import a STIX 2.1 bundle (e.g. an oxus or OpenCTI export): entities, aliases, relations.

    The bundle is checked whole first and stored in one transaction: on any problem
    nothing is imported. Documents the store already holds are kept as they are.
    """
    data = _read(file)
    from oxus.export.stix_import import import_stix  # stix2 is slow to import: only here

    with store_for(db) as store:
        try:
            result = import_stix(store, data)
        except OxusError as e:
            raise fail(f"{file.name}: {e}") from e
    console.print(_summary(result), highlight=False)
