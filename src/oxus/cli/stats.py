"""``oxus stats``: what the store holds."""

from __future__ import annotations

from rich.table import Table

from oxus.cli.app import DbOption, app, console, store_for


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts of documents, entities, mentions and facts in the store."""
    with store_for(db, reading=True) as store:
        counts = store.stats()
    table = Table(title=f"oxus store ({store.url})")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in counts.items():
        table.add_row(name, str(value))
    console.print(table)
