"""``oxus incidents``: occurrences gathered from their reports; join, split, score."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from oxus.analysis.entities import resolve_entity
from oxus.analysis.incidents.decisions import join_incidents, split_incident, undo_decision
from oxus.analysis.incidents.gold import load_gold, score_linking
from oxus.analysis.incidents.persist import relink
from oxus.analysis.incidents.queries import get_incident, list_incidents
from oxus.analysis.incidents.views import Incident
from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.errors import OxusError

incidents_app = typer.Typer(
    help="Incidents: one occurrence from the reports that describe it. Without a "
    "command, list them (newest first) with their reports, date, place, agents, "
    "targets and counts.",
    invoke_without_command=True,
)
app.add_typer(incidents_app, name="incidents")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _date(value: str | None) -> str | None:
    import re

    if value is not None and not re.match(DATE, value):
        raise typer.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def counts_text(incident: Incident) -> str:
    """ "killed 146 (Second Daily) / 143 (First Wire), wounded 40"."""
    parts = []
    for key, value in incident.counts.items():
        differing = incident.disagreement(key)
        if differing is None:
            parts.append(f"{key} {value:,}")
        else:
            sides = " / ".join(f"{v.label} ({', '.join(v.sources)})" for v in differing.values)
            parts.append(f"{key} {sides}")
    return ", ".join(parts)


def _as_json(incident: Incident) -> dict[str, Any]:
    data = asdict(incident)
    data["documents"] = incident.documents
    data["place"] = incident.place_label or None
    return data


def _table(incidents: list[Incident], total: int) -> Table:
    table = Table(title=f"Incidents ({len(incidents)} of {total})", show_lines=True)
    for column in ("id", "date", "type", "place", "agents → targets", "counts", "reports"):
        table.add_column(column, overflow="fold")
    for incident in incidents:
        who = ", ".join(a.name for a in incident.agents)
        if incident.targets:
            who += " → " + ", ".join(t.name for t in incident.targets)
        date = incident.date or f"(reported {incident.first_reported or '?'})"
        differing = incident.disagreement("date")
        if differing:
            date += "\n" + " / ".join(
                f"{v.label} ({', '.join(v.sources)})" for v in differing.values
            )
        table.add_row(
            incident.id,
            date,
            incident.type,
            incident.place_label,
            who,
            counts_text(incident),
            ", ".join(incident.documents),
        )
    return table


@incidents_app.callback()
def incidents(
    ctx: typer.Context,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Entity name, alias or id.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only incidents on or after this date.", callback=_date)
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only incidents up to this date.", callback=_date)
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO code of a country (TJ).")] = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type.")] = None,
    multi: Annotated[
        bool, typer.Option("--multi", help="Only incidents reported by several documents.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOption = None,
) -> None:
    """List incidents with their reports (document ids), date, place, agents, targets, counts."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = db
        return
    store = store_for(db)
    try:
        page = list_incidents(
            store,
            entity=resolve_entity(store, entity) if entity else None,
            country=country,
            types=type_ or (),
            since=since,
            until=until,
            multi_report=multi,
            limit=limit,
        )
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    if as_json:
        payload = {"total": page.total, "incidents": [_as_json(i) for i in page.incidents]}
        console.print_json(json.dumps(payload, ensure_ascii=False))
    else:
        console.print(_table(page.incidents, page.total))


def _db(ctx: typer.Context, db: str | None) -> str | None:
    return db if db is not None else ctx.obj


@incidents_app.command("show")
def show(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(help="Incident id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """One incident: its best-supported values, disagreements and every report."""
    store = store_for(_db(ctx, db))
    try:
        incident = get_incident(store, incident_id)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    if as_json:
        console.print_json(json.dumps(_as_json(incident), ensure_ascii=False))
        return
    console.print(_table([incident], 1))
    reports = Table(title="Reports", show_lines=True)
    for column in ("report", "source", "date", "place", "counts", "sentence"):
        reports.add_column(column, overflow="fold")
    for report in incident.reports:
        source = report.evidence
        reports.add_row(
            str(report.fact_id),
            f"{source.label} ({source.document_id}, {source.published or '?'})",
            report.date or "",
            report.location.name if report.location else "",
            ", ".join(f"{k} {v:,}" for k, v in report.counts.items()),
            source.text,
        )
    console.print(reports)


@incidents_app.command("join")
def join(
    ctx: typer.Context,
    incident_ids: Annotated[list[str], typer.Argument(help="Two or more incident ids.")],
    db: DbOption = None,
) -> None:
    """Make incidents one (audited; undo with `oxus incidents undo`)."""
    store = store_for(_db(ctx, db))
    try:
        joined = join_incidents(store, incident_ids)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
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
    store = store_for(_db(ctx, db))
    try:
        split_off = split_incident(store, incident_id, report)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    console.print(f"split off as {split_off}")


@incidents_app.command("undo")
def undo(
    ctx: typer.Context,
    decision: Annotated[int, typer.Argument(help="Decision number (see the review page).")],
    db: DbOption = None,
) -> None:
    """Withdraw a join or split decision."""
    store = store_for(_db(ctx, db))
    try:
        undo_decision(store, decision)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
    console.print(f"decision {decision} undone")


@incidents_app.command("relink")
def relink_command(ctx: typer.Context, db: DbOption = None) -> None:
    """Link every event again now (ingest and reads do it when facts change)."""
    store = store_for(_db(ctx, db))
    try:
        report = relink(store)
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
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
    store = store_for(_db(ctx, db))
    try:
        result = score_linking(store, load_gold(gold))
    except OxusError as e:
        raise fail(str(e)) from e
    finally:
        store.close()
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
