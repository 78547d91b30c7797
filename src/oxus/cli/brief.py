"""``oxus brief``: an assessment of an entity or a country, every statement cited."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from oxus.analysis.entities import resolve_entity
from oxus.cli.app import DbOption, app, errors, fail, output_path, store_for
from oxus.ingest.dates import normalize_date


class BriefFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"


@app.command()
def brief(
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Entity name, alias or id.")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Country name.")] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only reporting published on or after this ISO date."),
    ] = None,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BriefFormat.MD
    ),
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output file (default: standard output; pdf needs it)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write an assessment (overview, leadership, strength, timeline, relations, conflicts,
    sources) built only from stored facts, each sentence footnoted to its documents."""
    if (entity is None) == (country is None):
        raise fail("give exactly one of --entity or --country")
    if format is BriefFormat.PDF and out is None:
        raise fail("--out is required for --format pdf")
    if out is not None:
        output_path(out)
    if since is not None:
        given, since = since, normalize_date(since)
        if since is None:
            raise fail(f"--since {given!r} is not a date (write 2023, 2023-11 or 2023-11-30)")
    # Imported here: the brief's modules are slow to import and every command would pay.
    from oxus.brief.build import country_brief, entity_brief
    from oxus.brief.render import render_html, render_markdown, render_pdf

    with store_for(db, reading=True) as store:
        if entity is not None:
            result = entity_brief(store, resolve_entity(store, entity), since=since)
        else:
            result = country_brief(store, resolve_entity(store, country or ""), since=since)
    try:
        if format is BriefFormat.PDF:
            render_pdf(result, out)  # type: ignore[arg-type]
            errors.print(f"wrote {out}", highlight=False)
            return
        text = render_markdown(result) if format is BriefFormat.MD else render_html(result)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
            errors.print(f"wrote {out}", highlight=False)
    except OSError as e:
        raise fail(f"cannot write {e.filename or out}: {e.strerror or e}") from e
