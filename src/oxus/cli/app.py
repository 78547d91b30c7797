"""The Typer application and the options every command shares."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from oxus.errors import OxusError
from oxus.store import Store, open_store

app = typer.Typer(
    name="oxus",
    help="Turn reporting on militancy in Afghanistan and Central Asia into an "
    "evidence-backed knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: a SQLite path or a database URL (postgresql://...). "
        "Default: $OXUS_DB, else ./oxus.db.",
        show_default=False,
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    errors.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
    return typer.Exit(code)


def store_for(db: str | None) -> Store:
    try:
        return open_store(db)
    except OxusError as e:
        raise fail(str(e)) from e


def _register() -> None:
    from oxus.cli import (  # noqa: F401
        bench,
        brief,
        entity,
        eval_cmd,
        export,
        facts_cmd,
        import_cmd,
        incidents,
        incidents_edit,
        ingest,
        serve,
        sources,
        stats,
        train,
        watch,
        watch_feeds,
    )


_register()
