"""``oxus incidents``: occurrences gathered from their reports, listed or one at a time.

Join, split, undo, relink and score are in :mod:`oxus.cli.incidents_edit`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.table import Table

from oxus.analysis.entities import resolve_entity
from oxus.analysis.incidents.queries import get_incident, list_incidents
from oxus.analysis.incidents.views import Disagreement, Incident
from oxus.cli.app import DbOption, app, console, store_for

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


def _sides(differing: Disagreement) -> str:
    """ "146 (Second Daily) / 143 (First Wire)": each value with the reports giving it."""
    return " / ".join(f"{v.label} ({', '.join(v.sources)})" for v in differing.values)


def counts_text(incident: Incident) -> str:
    """ "killed 146 (Second Daily) / 143 (First Wire), wounded 40"."""
    parts = []
    for key, value in incident.counts.items():
        differing = incident.disagreement(key)
        parts.append(f"{key} {value:,}" if differing is None else f"{key} {_sides(differing)}")
    return ", ".join(parts)


def _as_json(incident: Incident) -> dict[str, Any]:
    data = asdict(incident)
    data["documents"] = incident.documents
    data["place"] = incident.place_label or None
    credence = incident.credence
    data["credence"] = {**asdict(credence), "code": credence.code}
    return data


def _table(incidents: list[Incident], total: int) -> Table:
    table = Table(title=f"Incidents ({len(incidents)} of {total})", show_lines=True)
    for column in ("id", "date", "type", "place", "agents → targets", "counts", "reports", "grade"):
        table.add_column(column, overflow="fold")
    for incident in incidents:
        who = ", ".join(a.name for a in incident.agents)
        if incident.targets:
            who += " → " + ", ".join(t.name for t in incident.targets)
        date = incident.date or f"(reported {incident.first_reported or '?'})"
        differing = incident.disagreement("date")
        if differing:
            date += "\n" + _sides(differing)
        table.add_row(
            incident.id,
            date,
            incident.type,
            incident.place_label,
            who,
            counts_text(incident),
            ", ".join(incident.documents),
            incident.credence.code,
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
    with store_for(db) as store:
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
    if as_json:
        payload = {"total": page.total, "incidents": [_as_json(i) for i in page.incidents]}
        console.print_json(json.dumps(payload, ensure_ascii=False))
    else:
        console.print(_table(page.incidents, page.total))


def parent_db(ctx: typer.Context, db: str | None) -> str | None:
    """A command's ``--db``, else the one given before the command name."""
    return db if db is not None else ctx.obj


@incidents_app.command("show")
def show(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(help="Incident id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """One incident: its best-supported values, disagreements and every report."""
    with store_for(parent_db(ctx, db)) as store:
        incident = get_incident(store, incident_id)
    if as_json:
        console.print_json(json.dumps(_as_json(incident), ensure_ascii=False))
        return
    console.print(_table([incident], 1))
    reports = Table(title="Reports", show_lines=True)
    for column in ("report", "source", "date", "place", "counts", "sentence"):
        reports.add_column(column, overflow="fold")
    for report in incident.reports:
        source = report.evidence
        grade = f" · {source.grading.grade}" if source.grading else ""
        reports.add_row(
            str(report.fact_id),
            f"{source.label}{grade} ({source.document_id}, {source.published or '?'})",
            report.date or "",
            report.location.name if report.location else "",
            ", ".join(f"{k} {v:,}" for k, v in report.counts.items()),
            source.text,
        )
    console.print(reports)
