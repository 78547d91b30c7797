"""``oxus sources``: the source registry (outlets and speakers with reliability grades)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from oxus.analysis.source_registry import (
    SourceUsage,
    add_source,
    grade_source,
    list_sources,
    reset_source,
)
from oxus.analysis.sources import GRADES, KINDS, Source
from oxus.cli.app import DbOption, app, console, store_for

sources_app = typer.Typer(
    help="List, grade and add sources (Admiralty reliability A-F); every change is audited.",
    invoke_without_command=True,
)
app.add_typer(sources_app, name="sources")

GRADE_HELP = "A completely reliable, B usually, C fairly, D not usually, E unreliable, F unknown."


def _as_dict(item: SourceUsage) -> dict[str, object]:
    s = item.source
    return {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "grade": s.grade,
        "reliability": s.reliability,
        "reason": s.reason,
        "documents": item.documents,
        "domains": list(s.domains),
        "outlets": list(s.outlets),
        "entities": list(s.entities),
        "origin": s.origin,
        "seed_grade": item.seed.grade if item.seed else None,
        "updated_at": s.updated_at,
        "updated_by": s.updated_by,
    }


@sources_app.callback()
def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """Every source with its kind, grade, reason and how many stored documents it published."""
    if ctx.invoked_subcommand is not None:
        return
    with store_for(db) as store:
        usage, unmatched = list_sources(store)
    if as_json:
        data = {"sources": [_as_dict(u) for u in usage], "unmatched_documents": unmatched}
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    table = Table(title="Sources", title_justify="left")
    for column in ("grade", "source", "kind", "documents", "reason"):
        table.add_column(column, overflow="fold")
    for item in usage:
        s = item.source
        edited = f" (was {item.seed.grade})" if item.seed and item.seed.grade != s.grade else ""
        mark = " *" if s.origin == "analyst" else ""
        table.add_row(
            f"{s.grade}{edited}", s.name + mark, s.kind, str(item.documents or ""), s.reason
        )
    console.print(table)
    console.print(
        f"* edited in this store. {unmatched} document(s) match no source (grade F)."
        if unmatched
        else "* edited in this store."
    )


def _done(source: Source, verb: str) -> None:
    console.print(f"{verb} {source.name}: {source.grade} ({GRADES[source.grade]}), {source.kind}")


@sources_app.command("grade")
def grade(
    name: Annotated[str, typer.Argument(help="Outlet or speaker (registry name, outlet name).")],
    letter: Annotated[str, typer.Argument(metavar="GRADE", help=GRADE_HELP)],
    reason: Annotated[str | None, typer.Option(help="Why, in one line.")] = None,
    kind: Annotated[
        str | None, typer.Option(help=f"Set the kind: {', '.join(KINDS)}.", show_default=False)
    ] = None,
    db: DbOption = None,
) -> None:
    """Regrade a source; it shows at once in profiles, briefs and exports."""
    with store_for(db) as store:
        source = grade_source(store, name, letter, reason=reason, kind=kind)
    _done(source, "graded")


@sources_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The source's name as it should show.")],
    kind: Annotated[str, typer.Option(help=f"One of: {', '.join(KINDS)}.")],
    letter: Annotated[str, typer.Option("--grade", metavar="GRADE", help=GRADE_HELP)],
    reason: Annotated[str, typer.Option(help="Why it has this grade, in one line.")],
    domain: Annotated[list[str] | None, typer.Option(help="Its web domain (repeatable).")] = None,
    outlet: Annotated[
        list[str] | None, typer.Option(help="Another outlet name it prints (repeatable).")
    ] = None,
    entity: Annotated[
        list[str] | None, typer.Option(help="The entity it is when quoted (repeatable).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Add an outlet or speaker to the registry."""
    with store_for(db) as store:
        source = add_source(
            store,
            name,
            kind=kind,
            grade=letter,
            reason=reason,
            domains=domain,
            outlets=outlet,
            entities=entity,
        )
    _done(source, "added")


@sources_app.command("reset")
def reset(
    name: Annotated[str, typer.Argument(help="A source edited in this store.")],
    db: DbOption = None,
) -> None:
    """Undo this store's edits of a source: the shipped grade applies again."""
    with store_for(db) as store:
        seed = reset_source(store, name)
    if seed is None:
        console.print(f"removed {name} (it was added in this store)")
    else:
        _done(seed, "reset")
