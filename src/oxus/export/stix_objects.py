"""The STIX 2.1 objects oxus writes, one constructor per kind, with deterministic ids.

Ids are UUIDv5 of stable keys in a fixed namespace; timestamps come from publication
dates (``EPOCH`` when there is none). The mapping is documented in docs/exports.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import stix2

from oxus.analysis.claims import ClaimEvidence, EstimatePoint, EstimateSeries, EventClaim
from oxus.analysis.claims import RelationClaim as Claim
from oxus.analysis.dating.periods import Period
from oxus.analysis.grading import Credence, Grading
from oxus.analysis.sources import Source
from oxus.model import Entity, EntityType

NAMESPACE = uuid.UUID("7c1e5a52-4f0e-5b7d-9a35-0f6b2d1c9e11")
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
"""The timestamp of objects no dated document supports (pack knowledge)."""

SDO_TYPES = {
    EntityType.GROUP: "intrusion-set",
    EntityType.PERSON: "identity",
    EntityType.ORGANIZATION: "identity",
    EntityType.STATE: "location",
    EntityType.PLACE: "location",
}
EXTENSION_ID = "extension-definition--" + str(uuid.uuid5(NAMESPACE, "oxus-facts-1"))
EXTENSIONS = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
"""Every object declares the ``x_oxus_*`` properties through one extension definition."""
CUSTOM_PROPERTIES = [
    "x_oxus_id",
    "x_oxus_status",
    "x_oxus_type",
    "x_oxus_aliases",
    "x_oxus_predicate",
    "x_oxus_evidence",
    "x_oxus_estimate",
    "x_oxus_event_type",
    "x_oxus_date",
    "x_oxus_counts",
    "x_oxus_agent_refs",
    "x_oxus_target_refs",
    "x_oxus_location_ref",
    "x_oxus_document",
    "x_oxus_incident",
    "x_oxus_source",
    "x_oxus_grading",
    "x_opencti_reliability",
]
RELATIONSHIP_TYPES = {
    "leader_of": "leader-of",
    "member_of": "member-of",
    "part_of": "part-of",
    "allied_with": "cooperates-with",
    "rival_of": "rival-of",
    "pledged_allegiance_to": "pledged-allegiance-to",
    "splinter_of": "derived-from",
    "based_in": "located-at",
    "designated_by": "designated-by",
    "supports": "supports",
    "citizen_of": "citizen-of",
}


def stix_id(kind: str, *key: object) -> str:
    """A deterministic STIX id: the same key always gives the same id."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join(str(k) for k in (kind, *key)))}"


def timestamp(date: str | None) -> datetime:
    """A partial ISO date (``2023``, ``2023-11``, ``2023-11-30``) as a UTC timestamp."""
    if not date:
        return EPOCH
    parts = [int(p) for p in date[:10].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def _span(dates: Iterable[str | None]) -> tuple[datetime, datetime]:
    stamps = sorted(timestamp(d) for d in dates if d)
    return (stamps[0], stamps[-1]) if stamps else (EPOCH, EPOCH)


def source_ref(grading: Grading | None) -> str | None:
    """The id of the identity of a sentence's outlet, when the registry knows it."""
    if grading is None or grading.source_id is None:
        return None
    return stix_id("identity", "source", grading.source_id)


def source_identity(source: Source) -> Any:
    """An outlet or speaker of the registry as an identity carrying its Admiralty grade."""
    return stix2.v21.Identity(
        id=stix_id("identity", "source", source.id),
        created=EPOCH,
        modified=EPOCH,
        name=source.name,
        identity_class="organization",
        description=source.reason,
        x_opencti_reliability=source.reliability,
        x_oxus_source={"id": source.id, "kind": source.kind, "grade": source.grade},
        allow_custom=True,
        extensions=EXTENSIONS,
    )


def grading_json(credence: Credence) -> dict[str, Any]:
    """``x_oxus_grading``: the Admiralty code, credibility, confidence and graded sources."""
    return {
        "code": credence.code,
        "credibility": credence.credibility,
        "confidence": credence.confidence,
        "sources": [{"name": name, "grade": grade} for name, grade in credence.sources],
    }


def _authored(grading: Grading | None, credence: Credence) -> dict[str, Any]:
    """Who published a one-sentence object, how reliable they are, what it is worth."""
    properties: dict[str, Any] = {
        "confidence": round(credence.confidence * 100),
        "x_oxus_grading": grading_json(credence),
    }
    if (ref := source_ref(grading)) is not None:
        properties["created_by_ref"] = ref
    return properties


def entity_sdo(
    entity: Entity, dates: list[str | None], *, reliability: str | None = None
) -> Any | None:
    """The SDO for an entity; None for a place with neither country nor coordinates.

    ``reliability`` is the registry's grade of the entity as a speaker, OpenCTI-style.
    """
    created, modified = _span(dates)
    common: dict[str, Any] = {
        "id": stix_id(SDO_TYPES[entity.type], entity.id),
        "created": created,
        "modified": modified,
        "name": entity.name,
        "x_oxus_id": entity.id,
        "x_oxus_status": entity.status,
        "allow_custom": True,
        "extensions": EXTENSIONS,
    }
    if entity.description:
        common["description"] = entity.description
    if reliability:
        common["x_opencti_reliability"] = reliability
    aliases = [a for a in entity.aliases if a != entity.name]
    if entity.type is EntityType.GROUP:
        return stix2.v21.IntrusionSet(aliases=aliases or None, **common)
    if aliases:
        common["x_oxus_aliases"] = aliases
    if entity.type in (EntityType.PERSON, EntityType.ORGANIZATION):
        kind = "individual" if entity.type is EntityType.PERSON else "organization"
        return stix2.v21.Identity(identity_class=kind, **common)
    located: dict[str, Any] = {}
    if entity.country:
        located["country"] = entity.country
    if entity.lat is not None and entity.lon is not None:
        located.update(latitude=entity.lat, longitude=entity.lon)
    if not located:
        return None
    return stix2.v21.Location(x_oxus_type=entity.type.value, **located, **common)


def _evidence(ev: ClaimEvidence, refs: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "document": ev.document_id,
        "start": ev.start,
        "end": ev.end,
        "text": ev.text,
        "polarity": ev.polarity,
        "hedged": ev.hedged,
        "confidence": ev.confidence,
    }
    if ev.asserted_by and ev.asserted_by.id in refs:
        item["asserted_by_ref"] = refs[ev.asserted_by.id]
    if ev.grading is not None:
        item["source"] = ev.grading.source
        item["reliability"] = ev.grading.grade
        item["credence"] = ev.grading.credence
        if ev.grading.speaker_grade:
            item["speaker_reliability"] = ev.grading.speaker_grade
    for key in ("role", "since", "until"):
        if getattr(ev, key):
            item[key] = getattr(ev, key)
    return item


def _times(period: Period | None) -> dict[str, datetime]:
    """STIX start/stop times of a relation: first seen, and when it ended (if it did)."""
    if period is None or not period.first_seen:
        return {}
    times = {"start_time": timestamp(period.first_seen)}
    if period.ended and timestamp(period.ended) > times["start_time"]:
        times["stop_time"] = timestamp(period.ended)
    return times


def relationship_sro(claim: Claim, refs: dict[str, str], period: Period | None = None) -> Any:
    created, modified = _span(e.published for e in claim.evidence)
    docs = claim.documents
    credence = claim.credence
    return stix2.v21.Relationship(
        id=stix_id("relationship", claim.subject.id, claim.predicate, claim.object.id),
        created=created,
        modified=modified,
        relationship_type=RELATIONSHIP_TYPES[claim.predicate],
        source_ref=refs[claim.subject.id],
        target_ref=refs[claim.object.id],
        confidence=round(credence.confidence * 100),
        description=f"{claim.subject.name} {claim.predicate.replace('_', ' ')} "
        f"{claim.object.name}: stated in {len(docs)} document(s) ({credence.code}).",
        x_oxus_predicate=claim.predicate,
        x_oxus_grading=grading_json(credence),
        x_oxus_evidence=[_evidence(e, refs) for e in claim.evidence],
        allow_custom=True,
        extensions=EXTENSIONS,
        **_times(period),
    )


def attribution_objects(claim: Claim, sro_id: str, refs: dict[str, str]) -> list[Any]:
    """A note per attributed assertion and an opinion per denial of a relationship."""
    objects = []
    for ev in claim.evidence:
        stamp = timestamp(ev.published)
        author = ev.asserted_by.name if ev.asserted_by else (ev.outlet or ev.document_id)
        one = Claim(claim.subject, claim.predicate, claim.object, [ev])
        if ev.polarity == "denied":
            one.evidence = [replace(ev, polarity="affirmed")]
        common = {
            "created": stamp,
            "modified": stamp,
            "object_refs": [sro_id],
            "authors": [author],
            "x_oxus_evidence": _evidence(ev, refs),
            **_authored(ev.grading, one.credence),
            "allow_custom": True,
            "extensions": EXTENSIONS,
        }
        if ev.polarity == "denied":
            objects.append(
                stix2.v21.Opinion(
                    id=stix_id("opinion", sro_id, ev.document_id, ev.start, ev.end),
                    opinion="strongly-disagree",
                    explanation=ev.text,
                    **common,
                )
            )
        elif ev.asserted_by is not None:
            objects.append(
                stix2.v21.Note(
                    id=stix_id("note", sro_id, ev.document_id, ev.start, ev.end),
                    abstract=f"According to {author}",
                    content=ev.text,
                    **common,
                )
            )
    return objects


def estimate_note(series: EstimateSeries, point: EstimatePoint, refs: dict[str, str]) -> Any:
    stamp = timestamp(point.evidence.published)
    figure = "-".join(dict.fromkeys(f"{v:g}" for v in (point.low, point.high) if v is not None))
    ev = point.evidence
    return stix2.v21.Note(
        id=stix_id(
            "note",
            "estimate",
            ev.document_id,
            ev.start,
            ev.end,
            series.subject.id,
            series.measure,
            point.low,
            point.high,
        ),
        created=stamp,
        modified=stamp,
        abstract=f"{series.subject.name}: {series.measure} {point.qualifier} {figure}",
        content=ev.text,
        authors=[ev.asserted_by.name if ev.asserted_by else (ev.outlet or ev.document_id)],
        object_refs=[refs[series.subject.id]],
        x_oxus_estimate={
            "measure": series.measure,
            "qualifier": point.qualifier,
            "low": point.low,
            "high": point.high,
            "as_of": point.as_of,
        },
        x_oxus_evidence=_evidence(ev, refs),
        **_authored(ev.grading, point.credence),
        allow_custom=True,
        extensions=EXTENSIONS,
    )


def event_sdo_id(document_id: str, start: int, end: int, type_: str) -> str:
    """The id :func:`incident_sdo` gives the event read from this sentence."""
    return stix_id("incident", document_id, start, end, type_)


def incident_sdo(event: EventClaim, refs: dict[str, str]) -> Any:
    ev = event.evidence
    stamp = timestamp(ev.published)
    located = event.location is not None and event.location.id in refs
    where = f" in {event.location.name}" if located and event.location else ""
    when = f" ({event.date})" if event.date else ""
    properties: dict[str, Any] = {
        "x_oxus_event_type": event.type,
        "x_oxus_counts": event.counts,
        "x_oxus_evidence": _evidence(ev, refs),
    }
    if event.date:
        properties["x_oxus_date"] = event.date
    agents = [refs[a.id] for a in event.agents if a.id in refs]
    targets = [refs[t.id] for t in event.targets if t.id in refs]
    if agents:
        properties["x_oxus_agent_refs"] = agents
    if targets:
        properties["x_oxus_target_refs"] = targets
    if event.location and event.location.id in refs:
        properties["x_oxus_location_ref"] = refs[event.location.id]
    return stix2.v21.Incident(
        id=event_sdo_id(ev.document_id, ev.start, ev.end, event.type),
        created=stamp,
        modified=stamp,
        name=f"{event.type.replace('_', ' ')}{where}{when}",
        description=ev.text,
        allow_custom=True,
        extensions=EXTENSIONS,
        **_authored(ev.grading, event.credence),
        **properties,
    )


def producer_objects() -> list[Any]:
    """The identity of oxus as a producer and the extension definition it publishes."""
    producer = stix2.v21.Identity(
        id=stix_id("identity", "oxus"),
        created=EPOCH,
        modified=EPOCH,
        name="oxus",
        identity_class="system",
        description="Facts extracted from open-source reporting, with sentence evidence.",
    )
    extension = stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID,
        created_by_ref=producer.id,
        created=EPOCH,
        modified=EPOCH,
        name="oxus facts",
        description="Top-level x_oxus_* properties: evidence sentences, attribution, "
        "events and estimates (documented in oxus docs/exports.md).",
        schema="oxus docs/exports.md",
        version="1.0.0",
        extension_types=["toplevel-property-extension"],
        extension_properties=CUSTOM_PROPERTIES,
    )
    return [producer, extension]
