"""``oxus watch`` and ``oxus alerts``: watch entities, countries, event types; see what is new."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from oxus.analysis.alerts import list_alerts
from oxus.analysis.watch import resolve_target, watch_lists
from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.store.watch_lists import add_watch_items, remove_watch_items

watch_app = typer.Typer(
    help="Watch entities, countries or event types; new facts about them become alerts.",
    no_args_is_help=True,
)
app.add_typer(watch_app, name="watch")

NAMES_HELP = (
    "Entity names, aliases or ids; countries (name or ISO code); event types (attack, arrest, "
    "...). Prefix with entity:, country: or type: to settle an ambiguous name."
)
SINCE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ][\d:]+)?)?)?$")


@watch_app.command("add")
def add(
    list_name: Annotated[str, typer.Argument(metavar="LIST", help="The watch list (made if new).")],
    names: Annotated[list[str], typer.Argument(metavar="NAME...", help=NAMES_HELP)],
    db: DbOption = None,
) -> None:
    """Watch these on LIST: facts about them in documents stored from now on become alerts."""
    with store_for(db) as store:
        targets = [resolve_target(store, name) for name in names]
        added = add_watch_items(store, list_name, targets)
    for target in targets:
        state = "watching" if target in added else "already watching"
        console.print(f"{list_name}: {state} {target.label} ({target.kind.replace('_', ' ')})")


@watch_app.command("remove")
def remove(
    list_name: Annotated[str, typer.Argument(metavar="LIST", help="The watch list.")],
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NAME...]", help="What to stop watching (all: the whole list)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Stop watching NAME... on LIST, or remove LIST and its alerts when no name is given."""
    with store_for(db) as store:
        targets = [resolve_target(store, name) for name in names] if names else None
        count = remove_watch_items(store, list_name, targets)
    what = "the list" if targets is None else f"{count} item(s)"
    console.print(f"{list_name}: removed {what}")


@watch_app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """Every watch list, what it watches and how many alerts each has."""
    with store_for(db) as store:
        lists = watch_lists(store)
    if as_json:
        console.print_json(json.dumps([asdict(w) for w in lists], ensure_ascii=False))
        return
    if not lists:
        console.print("No watch lists. Start one with: oxus watch add LIST NAME...")
        return
    table = Table(title="Watch lists", title_justify="left")
    for column in ("list", "watches", "kind", "alerts", "latest alert"):
        table.add_column(column)
    for w in lists:
        for i, item in enumerate(w.items):
            table.add_row(
                w.name if i == 0 else "",
                item.label,
                item.kind.replace("_", " "),
                str(item.alerts),
                (w.latest or "") if i == 0 else "",
            )
    console.print(table)


@app.command()
def alerts(
    list_name: Annotated[
        str | None, typer.Option("--list", metavar="LIST", help="Only this watch list.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only alerts recorded since this date (YYYY-MM-DD) or time."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many alerts.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """New facts about what is watched, newest first: the fact, its document and its sentence."""
    if since is not None and not SINCE.match(since):
        raise fail(f"--since {since!r}: expected a date like 2024-05-01")
    with store_for(db) as store:
        found = list_alerts(store, list_name=list_name, since=since, limit=limit)
    if as_json:
        items = [{**asdict(a), "href": a.href} for a in found]
        console.print_json(json.dumps(items, ensure_ascii=False))
        return
    if not found:
        console.print(
            "No alerts."
            + ("" if since else " Facts about watched things appear here after ingest.")
        )
        return
    table = Table(title=f"Alerts ({len(found)})", title_justify="left", show_lines=True)
    for column in ("recorded", "watched", "fact", "document", "evidence"):
        table.add_column(column, overflow="fold")
    for a in found:
        document = f"{a.document_id}\n{a.source} [{a.grade}], {a.published or 'undated'}"
        if a.title:
            document += f"\n{a.title}"
        table.add_row(
            a.created_at.replace("T", " ")[:16],
            f"{', '.join(a.watched)}\n({', '.join(a.lists)})",
            f"{a.summary}" + (f"\nper {a.asserted_by}" if a.asserted_by else ""),
            document,
            a.evidence,
        )
    console.print(table)
