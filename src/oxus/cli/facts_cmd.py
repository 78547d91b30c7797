"""``oxus facts``: what the store's documents say about one entity, with the evidence."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from oxus.analysis.claims import ClaimEvidence, EntityClaims, entity_claims
from oxus.analysis.entities import resolve_entity
from oxus.cli.app import DbOption, app, console, store_for


def _source(ev: ClaimEvidence) -> str:
    if ev.grading is None:
        return f"{ev.outlet or ev.title or ev.document_id} ({ev.document_id})"
    return f"{ev.grading.source} [{ev.grading.grade}] ({ev.document_id})"


def _attribution(ev: ClaimEvidence) -> str:
    marks = []
    if ev.asserted_by:
        speaker_grade = ev.grading.speaker_grade if ev.grading else None
        marks.append(ev.asserted_by.name + (f" [{speaker_grade}]" if speaker_grade else ""))
    if ev.hedged:
        marks.append("hedged")
    if ev.polarity == "denied":
        marks.append("DENIED")
    return ", ".join(marks)


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _print(claims: EntityClaims) -> None:
    entity = claims.entity
    console.print(f"[bold]{entity.name}[/bold]  ({entity.type})  id: {entity.id}")
    relations = _table(
        "Relations",
        ["subject", "predicate", "object", "code", "source", "date", "asserted by", "evidence"],
    )
    for claim in claims.relations:
        for i, ev in enumerate(claim.evidence):
            first = i == 0
            relations.add_row(
                claim.subject.name if first else "",
                claim.predicate if first else "",
                claim.object.name if first else "",
                f"{claim.credence.code} {claim.credence.confidence:.2f}" if first else "",
                _source(ev),
                ev.published or "",
                _attribution(ev),
                ev.text,
            )
    console.print(relations)
    events = _table(
        "Events",
        ["date", "type", "agents", "targets", "location", "counts", "source", "asserted by"],
    )
    for event in claims.events:
        events.add_row(
            event.date or f"({event.evidence.published or '?'})",
            event.type,
            ", ".join(a.name for a in event.agents),
            ", ".join(t.name for t in event.targets),
            event.location.name if event.location else "",
            ", ".join(f"{k} {v}" for k, v in sorted(event.counts.items())),
            f"{_source(event.evidence)}\n{event.evidence.text}",
            _attribution(event.evidence),
        )
    console.print(events)
    estimates = _table(
        "Estimates",
        ["measure", "as of", "figure", "qualifier", "source", "asserted by", "evidence"],
    )
    for series in claims.estimates:
        for point in series.points:
            figure = "-".join(
                dict.fromkeys(f"{v:,.0f}" for v in (point.low, point.high) if v is not None)
            )
            estimates.add_row(
                series.measure,
                point.date or "",
                figure,
                point.qualifier,
                _source(point.evidence),
                _attribution(point.evidence),
                point.evidence.text,
            )
    console.print(estimates)
    conflicts = _table("Conflicting claims", ["about", "one side", "other side"])
    for conflict in claims.conflicts:
        about = f"{conflict.subject.name} {conflict.topic}"
        if conflict.object is not None:
            about += f" {conflict.object.name}"
        if conflict.period:
            about += f" ({conflict.period})"
        sides = [
            f"[bold]{side.label}[/bold] {side.credence.code}\n"
            + "\n".join(f"{_source(ev)}: {ev.text}" for ev in side.evidence)
            for side in (conflict.a, conflict.b)
        ]
        conflicts.add_row(about, *sides)
    console.print(conflicts)


@app.command()
def facts(
    entity: Annotated[str, typer.Option("--entity", "-e", help="Entity name, alias or id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    db: DbOption = None,
) -> None:
    """Relations, events, estimates and conflicting claims about an entity, with evidence."""
    with store_for(db, reading=True) as store:
        claims = entity_claims(store, resolve_entity(store, entity))
    if as_json:
        data = asdict(claims)
        for item, claim in zip(data["relations"], claims.relations, strict=True):
            item["credence"] = {**asdict(claim.credence), "code": claim.credence.code}
        console.print_json(json.dumps(data, ensure_ascii=False))
    else:
        _print(claims)
