"""Scoring incident linking against a gold list of incidents, pair by pair.

A gold file names incidents and, for each, the reports that describe it: a document,
the event types that describe the occurrence, and cues (a word or two of the sentence
that reports it). A stored event *is* a gold report when it is in that document, of one
of those types, its sentence contains a cue, and its date, if it has one, agrees with
the incident's. Every pair of such events is then a pair the linker should join (same
gold incident) or keep apart (different ones): precision, recall and F1 are counted
over those pairs. Events no gold report describes are not scored; extraction that
misses or misdates a report lowers ``coverage`` rather than the linking score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from oxus.analysis.incidents.dates import parse_range
from oxus.analysis.incidents.persist import ensure_incidents
from oxus.errors import GoldError
from oxus.store import Store, schema


@dataclass(frozen=True)
class GoldReport:
    document: str
    types: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class GoldIncident:
    id: str
    date: str | None
    reports: tuple[GoldReport, ...]


@dataclass
class LinkingScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    system_pairs: int
    gold_pairs: int
    events: int
    """Stored events that a gold report describes (the events scored)."""
    reports_found: int
    reports: int
    split: list[tuple[str, list[str]]] = field(default_factory=list)
    """Gold incidents whose events ended in more than one incident: (id, incident ids)."""
    joined: list[tuple[str, list[str]]] = field(default_factory=list)
    """Incidents holding events of more than one gold incident: (incident id, gold ids)."""

    @property
    def coverage(self) -> float:
        return self.reports_found / self.reports if self.reports else 0.0


def load_gold(path: str | Path) -> list[GoldIncident]:
    try:
        data: Any = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        incidents = []
        for item in data["incidents"]:
            reports = tuple(
                GoldReport(
                    str(r["doc"]), tuple(r["types"]), tuple(str(c).casefold() for c in r["cues"])
                )
                for r in item["reports"]
            )
            date = item.get("date")
            incidents.append(GoldIncident(str(item["id"]), str(date) if date else None, reports))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as e:
        raise GoldError(f"cannot read incident gold {path}: {e}") from e
    return incidents


def dates_agree(gold: str | None, found: str | None, *, tolerance_days: int = 1) -> bool:
    """Whether an event's date can be the gold date (either unknown counts as agreeing)."""
    a, b = parse_range(gold), parse_range(found)
    if a is None or b is None:
        return True
    slack = timedelta(days=tolerance_days)
    return a[0] - slack <= b[1] and b[0] <= a[1] + slack


def _stored_events(store: Store, documents: set[str]) -> list[Any]:
    ev, v, ie = schema.events, schema.evidence, schema.incident_events
    with store.engine.connect() as conn:
        return list(
            conn.execute(
                select(ev.c.id, ev.c.type, ev.c.date, v.c.document_id, v.c.text, ie.c.incident_id)
                .join(v, v.c.id == ev.c.evidence_id)
                .join(ie, ie.c.event_id == ev.c.id)
                .where(v.c.document_id.in_(sorted(documents)))
                .order_by(ev.c.id)
            )
        )


def score_linking(store: Store, gold: list[GoldIncident]) -> LinkingScore:
    """Pairwise precision, recall and F1 of the store's incidents against ``gold``."""
    ensure_incidents(store)
    documents = {r.document for incident in gold for r in incident.reports}
    label: dict[int, str] = {}
    system: dict[int, str] = {}
    found: set[tuple[str, int]] = set()
    for row in _stored_events(store, documents):
        text = row.text.casefold()
        for incident in gold:
            number = next(
                (
                    i
                    for i, r in enumerate(incident.reports)
                    if r.document == row.document_id
                    and row.type in r.types
                    and any(cue in text for cue in r.cues)
                    and dates_agree(incident.date, row.date)
                ),
                None,
            )
            if number is not None:
                label[row.id] = incident.id
                system[row.id] = row.incident_id
                found.add((incident.id, number))
                break
    true_pairs = system_pairs = gold_pairs = 0
    for a, b in combinations(sorted(label), 2):
        same_gold, same_system = label[a] == label[b], system[a] == system[b]
        true_pairs += same_gold and same_system
        system_pairs += same_system
        gold_pairs += same_gold
    precision = true_pairs / system_pairs if system_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_gold: dict[str, set[str]] = {}
    by_system: dict[str, set[str]] = {}
    for event, gold_id in label.items():
        by_gold.setdefault(gold_id, set()).add(system[event])
        by_system.setdefault(system[event], set()).add(gold_id)
    return LinkingScore(
        precision=round(precision, 3),
        recall=round(recall, 3),
        f1=round(f1, 3),
        true_pairs=true_pairs,
        system_pairs=system_pairs,
        gold_pairs=gold_pairs,
        events=len(label),
        reports_found=len(found),
        reports=sum(len(i.reports) for i in gold),
        split=sorted((g, sorted(s)) for g, s in by_gold.items() if len(s) > 1),
        joined=sorted((s, sorted(g)) for s, g in by_system.items() if len(g) > 1),
    )
