"""``oxus entity``: inspect, merge and unmerge entities."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from oxus.analysis.entities import entity_detail, resolve_entity, resolve_merged_entity
from oxus.cli.app import DbOption, app, console, store_for
from oxus.store.curation import merge_entities, unmerge_entity

entity_app = typer.Typer(help="Inspect and curate entities.", no_args_is_help=True)
app.add_typer(entity_app, name="entity")


@entity_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Entity name, alias or id.")],
    db: DbOption = None,
) -> None:
    """An entity with its aliases (and where each came from) and its mentions by document."""
    with store_for(db, reading=True) as store:
        detail = entity_detail(store, resolve_entity(store, name))
    entity = detail.entity
    console.print(
        f"[bold]{entity.name}[/bold]  ({entity.type.value}, {entity.status})  id: {entity.id}"
    )
    if detail.merged_into:
        console.print(f"merged into: {detail.merged_into}")
    if detail.absorbed:
        console.print(f"absorbed: {', '.join(detail.absorbed)}")
    if entity.description:
        console.print(entity.description)
    aliases = Table(title="Names and aliases")
    for column in ("alias", "entity", "source"):
        aliases.add_column(column)
    for a in detail.aliases:
        source = f"document {a.document_id}" if a.document_id else (a.source or "pack")
        aliases.add_row(a.alias, a.entity_id, source)
    console.print(aliases)
    mentions = Table(title="Mentions")
    for column in ("document", "published", "as", "count"):
        mentions.add_column(column)
    for m in detail.mentions:
        mentions.add_row(m.document_id, m.published or "", "; ".join(m.surfaces), str(m.count))
    console.print(mentions)


@entity_app.command("merge")
def merge(
    absorbed: Annotated[str, typer.Argument(help="The entity to merge away (name or id).")],
    survivor: Annotated[str, typer.Argument(help="The entity that stays (name or id).")],
    db: DbOption = None,
) -> None:
    """Merge entity A into entity B (reversible with ``oxus entity unmerge A``)."""
    with store_for(db) as store:
        a, b = resolve_entity(store, absorbed), resolve_entity(store, survivor)
        merge_entities(store, a, b)
    console.print(f"merged {a} into {b}")


@entity_app.command("unmerge")
def unmerge(
    absorbed: Annotated[
        str, typer.Argument(help="The merged entity: its name, an alias or its id.")
    ],
    db: DbOption = None,
) -> None:
    """Undo a merge: the entity resolves to itself again."""
    with store_for(db) as store:
        entity_id = resolve_merged_entity(store, absorbed)
        was = unmerge_entity(store, entity_id)
    console.print(f"unmerged {entity_id} (was merged into {was})")
