"""Incidents as surfaces show them: entities named, reports with their sources.

What the linker stores is membership; these records add the best-supported values and
the disagreements (from :mod:`oxus.analysis.incidents.consensus`), each report's
sentence and source, and entity names, for one page of incidents at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from oxus.analysis.grading import Credence, Grading, credence, grade_sentence
from oxus.analysis.incidents.consensus import Consensus, Variant
from oxus.analysis.incidents.records import EventRecord, load_event_records
from oxus.analysis.incidents.summary import load_summary
from oxus.analysis.refs import EntityRef, Resolver
from oxus.store import schema
from oxus.store.chunks import chunks


@dataclass(frozen=True)
class ReportSource:
    """The sentence a report was read from, with its document's metadata."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    grading: Grading | None = None
    """Its outlet's and speaker's grades and what the sentence is worth."""

    @property
    def href(self) -> str:
        return (
            f"/documents/{self.document_id}?hl={self.start}-{self.end}#ev-{self.start}-{self.end}"
        )

    @property
    def label(self) -> str:
        """The outlet's name in the source registry, else as the report prints it."""
        if self.grading is not None and self.grading.source_id is not None:
            return self.grading.source
        return self.outlet or self.title or self.document_id


@dataclass
class IncidentReport:
    """One event of one document, as a report of the incident."""

    fact_id: int
    type: str
    date: str | None
    location: EntityRef | None
    agents: list[EntityRef]
    targets: list[EntityRef]
    counts: dict[str, int]
    evidence: ReportSource
    hedged: bool = False
    polarity: str = "affirmed"
    score: float | None = None
    asserted_by: EntityRef | None = None
    """Whom the report quotes for it."""

    @property
    def grading(self) -> Grading | None:
        return self.evidence.grading

    @property
    def credence(self) -> Credence:
        return credence([self])


@dataclass
class Disagreement:
    """A field on which reports differ, every value with the reports that give it."""

    field: str
    values: list[DisagreementValue]


@dataclass
class DisagreementValue:
    label: str
    documents: list[str]
    sources: list[str]
    """The outlets (or titles) of those documents, in the same order."""


@dataclass
class Incident:
    """One occurrence and the reports that describe it."""

    id: str
    type: str
    date: str | None
    location: EntityRef | None
    place_path: list[EntityRef]
    agents: list[EntityRef]
    targets: list[EntityRef]
    counts: dict[str, int]
    reports: list[IncidentReport] = field(default_factory=list)
    """Its reports, earliest published first (in lists, only the first few)."""
    documents: list[str] = field(default_factory=list)
    """Every document that reports it, earliest published first."""
    report_count: int = 0
    """How many reports (events) it has in all."""
    disagreements: list[Disagreement] = field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None

    @property
    def evidence(self) -> ReportSource | None:
        """The first report's sentence (the earliest published)."""
        return self.reports[0].evidence if self.reports else None

    @property
    def place_label(self) -> str:
        """ "Crocus City Hall, Krasnogorsk, Moscow Region, Russia"."""
        return ", ".join(ref.name for ref in self.place_path)

    @property
    def credence(self) -> Credence:
        """What the incident is worth across the reports read (in lists, the first few)."""
        return credence(self.reports)

    def disagreement(self, name: str) -> Disagreement | None:
        return next((d for d in self.disagreements if d.field == name), None)


REPORTS_SHOWN = 4
"""Reports read per incident in a list (a detail page reads them all)."""


def members(
    conn: Connection, incident_ids: list[str], *, limit: int | None = None
) -> dict[str, list[tuple[int, Any]]]:
    """{incident id: [(event id, link score)]}, earliest published first (``limit`` each).

    Reports are stored in that order (``position``), so the first few of an incident
    are an index range however many documents repeat the story.
    """
    ie = schema.incident_events
    found: dict[str, list[tuple[int, Any]]] = {i: [] for i in incident_ids}
    for chunk in chunks(incident_ids):
        query = select(ie.c.incident_id, ie.c.event_id, ie.c.score).where(
            ie.c.incident_id.in_(chunk)
        )
        if limit is not None:
            query = query.where(ie.c.position < limit)
        for row in conn.execute(query.order_by(ie.c.incident_id, ie.c.position)):
            found[row.incident_id].append((row.event_id, row.score))
    return found


def _documents(conn: Connection, ids: set[str]) -> dict[str, Any]:
    d = schema.documents
    wanted = sorted(ids)
    rows: dict[str, Any] = {}
    for chunk in chunks(wanted):
        for row in conn.execute(
            select(d.c.id, d.c.title, d.c.outlet, d.c.url, d.c.published).where(d.c.id.in_(chunk))
        ):
            rows[row.id] = row
    return rows


def build_incidents(
    conn: Connection,
    resolver: Resolver,
    incident_ids: list[str],
    *,
    reports: int | None = REPORTS_SHOWN,
) -> list[Incident]:
    """The incidents with these ids, in this order: stored consensus, and their reports
    (the earliest ``reports`` of each; all with None)."""
    i = schema.incidents
    stored: dict[str, tuple[Consensus, list[str]]] = {}
    counted: dict[str, int] = {}
    for chunk in chunks(incident_ids):
        for row in conn.execute(select(i.c.id, i.c.summary, i.c.reports).where(i.c.id.in_(chunk))):
            stored[row.id] = load_summary(row.summary)
            counted[row.id] = row.reports
    membership = members(conn, incident_ids, limit=reports)
    wanted = [event_id for pairs in membership.values() for event_id, _ in pairs]
    records = {r.id: r for r in load_event_records(conn, resolver, wanted, keyed=False)}
    cited = {r.document_id for r in records.values()}
    cited |= {
        doc
        for summary, _ in stored.values()
        for values in summary.disagreements.values()
        for value in values
        for doc in value.documents
    }
    sources = _documents(conn, cited)
    resolver.load(
        entity
        for summary, _ in stored.values()
        for entity in (*summary.place_path, *summary.agents, *summary.targets)
    )
    resolver.load(
        i for r in records.values() for i in (r.location, r.asserted_by, *r.agents, *r.targets)
    )
    built = []
    for incident_id in incident_ids:
        if incident_id not in stored:
            continue
        summary, documents = stored[incident_id]
        scored = [(records[e], s) for e, s in membership.get(incident_id, []) if e in records]
        incident = _incident(incident_id, summary, documents, scored, sources, resolver)
        incident.report_count = counted[incident_id]
        built.append(incident)
    return built


def _refs(resolver: Resolver, ids: list[str]) -> list[EntityRef]:
    refs = (resolver.ref(i) for i in ids)
    return [r for r in refs if r is not None]


def _incident(
    incident_id: str,
    summary: Consensus,
    documents: list[str],
    scored: list[tuple[EventRecord, Any]],
    sources: dict[str, Any],
    resolver: Resolver,
) -> Incident:
    reports = []
    for record, score in sorted(
        scored, key=lambda pair: (pair[0].published or "~", pair[0].document_id, pair[0].id)
    ):
        doc = sources.get(record.document_id)
        reports.append(
            IncidentReport(
                fact_id=record.id,
                type=record.type,
                date=record.date,
                location=resolver.ref(record.location),
                agents=_refs(resolver, list(record.agents)),
                targets=_refs(resolver, list(record.targets)),
                counts=record.counts,
                evidence=ReportSource(
                    document_id=record.document_id,
                    title=doc.title if doc else None,
                    outlet=doc.outlet if doc else None,
                    published=record.published,
                    start=record.sentence[0],
                    end=record.sentence[1],
                    text=record.text,
                    grading=grade_sentence(
                        resolver.sources,
                        outlet=doc.outlet if doc else None,
                        url=doc.url if doc else None,
                        speaker_id=record.asserted_by,
                        confidence=record.confidence,
                        hedged=record.hedged,
                    ),
                ),
                hedged=record.hedged,
                polarity=record.polarity,
                score=score,
                asserted_by=resolver.ref(record.asserted_by),
            )
        )
    labels = {
        d: (sources[d].outlet or sources[d].title or d) if d in sources else d for d in documents
    }
    return Incident(
        id=incident_id,
        type=summary.type,
        date=summary.date,
        location=resolver.ref(summary.location),
        place_path=_refs(resolver, summary.place_path),
        agents=_refs(resolver, summary.agents),
        targets=_refs(resolver, summary.targets),
        counts=summary.counts,
        reports=reports,
        documents=documents,
        disagreements=[
            Disagreement(name, [_value(v, resolver, labels, name) for v in variants])
            for name, variants in summary.disagreements.items()
        ],
        first_reported=summary.first_reported,
        last_reported=summary.last_reported,
    )


def _label(document: Any, document_id: str) -> str:
    return (document.outlet or document.title or document_id) if document else document_id


def _value(
    variant: Variant, resolver: Resolver, labels: dict[str, str], name: str
) -> DisagreementValue:
    if name == "place":
        ref = resolver.ref(str(variant.value))
        label = ref.name if ref else str(variant.value)
    elif isinstance(variant.value, int):
        label = f"{variant.value:,}"
    else:
        label = str(variant.value)
    return DisagreementValue(
        label, variant.documents, [labels.get(d, d) for d in variant.documents]
    )
