"""``oxus incidents join|split|undo|relink|score``: correct linking, relink, score it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from oxus.analysis.incidents.decisions import join_incidents, split_incident, undo_decision
from oxus.analysis.incidents.gold import load_gold, score_linking
from oxus.analysis.incidents.persist import relink
from oxus.cli.app import DbOption, console, store_for
from oxus.cli.incidents import incidents_app, parent_db


@incidents_app.command("join")
def join(
    ctx: typer.Context,
    incident_ids: Annotated[list[str], typer.Argument(help="Two or more incident ids.")],
    db: DbOption = None,
) -> None:
    """Make incidents one (audited; undo with `oxus incidents undo`)."""
    with store_for(parent_db(ctx, db)) as store:
        joined = join_incidents(store, incident_ids)
    console.print(f"joined into {joined}")


@incidents_app.command("split")
def split(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(help="Incident id.")],
    report: Annotated[
        list[int], typer.Option("--report", "-r", help="A report (event id) to take out.")
    ],
    db: DbOption = None,
) -> None:
    """Take reports out of an incident into one of their own (audited, reversible)."""
    with store_for(parent_db(ctx, db)) as store:
        split_off = split_incident(store, incident_id, report)
    console.print(f"split off as {split_off}")


@incidents_app.command("undo")
def undo(
    ctx: typer.Context,
    decision: Annotated[int, typer.Argument(help="Decision number (see the review page).")],
    db: DbOption = None,
) -> None:
    """Withdraw a join or split decision."""
    with store_for(parent_db(ctx, db)) as store:
        undo_decision(store, decision)
    console.print(f"decision {decision} undone")


@incidents_app.command("relink")
def relink_command(ctx: typer.Context, db: DbOption = None) -> None:
    """Link every event again now (ingest and reads do it when facts change)."""
    with store_for(parent_db(ctx, db)) as store:
        report = relink(store)
    console.print(
        f"{report.events:,} events in {report.incidents:,} incidents "
        f"({report.multi_report:,} reported by several documents) in {report.seconds:.2f} s"
    )


@incidents_app.command("score")
def score(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Option(help="Incident gold file (YAML).", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Pairwise precision, recall and F1 of linking against a gold list of incidents."""
    with store_for(parent_db(ctx, db)) as store:
        result = score_linking(store, load_gold(gold))
    if as_json:
        console.print_json(json.dumps(asdict(result) | {"coverage": result.coverage}))
        return
    console.print(
        f"pairwise precision {result.precision:.3f}, recall {result.recall:.3f}, "
        f"F1 {result.f1:.3f} ({result.true_pairs} of {result.system_pairs} linked pairs right, "
        f"{result.gold_pairs} gold pairs; {result.events} events scored; gold reports found "
        f"{result.reports_found}/{result.reports})"
    )
    for gold_id, found in result.split:
        console.print(f"  split: {gold_id} -> {', '.join(found)}")
    for incident, golds in result.joined:
        console.print(f"  joined: {incident} holds {', '.join(golds)}")
