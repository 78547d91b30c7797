"""STIX 2.1 export: the knowledge graph as a bundle, built with the ``stix2`` library.

Mapping (see docs/exports.md): groups -> intrusion-set; people -> identity
(individual); organisations -> identity (organization); states and places -> location;
aggregated relations -> relationship (type from ``RELATIONSHIP_TYPES``); documents ->
report; attributed claims and estimates -> note; denials -> opinion; events -> incident;
incidents (one occurrence from many reports) -> grouping of those incident objects.
Relationships carry ``start_time`` (first seen) and ``stop_time`` (when a report ends
them: "former", "until 2021").
oxus-specific data travels in ``x_oxus_*`` properties so that a bundle can be imported
back without loss. Ids are UUIDv5 of stable keys and timestamps come from publication
dates, so exporting the same store twice gives the same bundle.
"""

from __future__ import annotations

import json
from typing import Any

import stix2

from oxus.analysis.sources import SourceBook
from oxus.export.snapshot import Snapshot, load_snapshot
from oxus.export.stix_incidents import incident_grouping
from oxus.export.stix_objects import (
    EXTENSIONS,
    RELATIONSHIP_TYPES,
    attribution_objects,
    entity_sdo,
    estimate_note,
    event_sdo_id,
    incident_sdo,
    producer_objects,
    relationship_sro,
    source_identity,
    stix_id,
    timestamp,
)
from oxus.store import Store

__all__ = ["RELATIONSHIP_TYPES", "build_bundle", "bundle_json", "export_stix", "stix_id"]


def build_bundle(snapshot: Snapshot) -> stix2.v21.Bundle:
    """The whole snapshot as one STIX 2.1 bundle (objects sorted by id)."""
    support = snapshot.support()
    dates: dict[str, list[str | None]] = {}
    for doc_id, item in support.items():
        published = snapshot.documents[doc_id].published if doc_id in snapshot.documents else None
        for entity_id in item.entities:
            dates.setdefault(entity_id, []).append(published)
    refs: dict[str, str] = {}
    objects: dict[str, Any] = {obj.id: obj for obj in producer_objects()}
    book = snapshot.sources
    for entity in snapshot.entities.values():
        speaker = book.for_entity(entity.id)
        reliability = speaker.reliability if speaker else None
        sdo = entity_sdo(entity, dates.get(entity.id, []), reliability=reliability)
        if sdo is not None:
            refs[entity.id] = sdo.id
            objects[sdo.id] = sdo
    by_claim: dict[int, list[str]] = {}
    for claim in snapshot.relations:
        if claim.subject.id not in refs or claim.object.id not in refs:
            continue
        sro = relationship_sro(claim, refs, snapshot.periods.get(claim.key))
        objects[sro.id] = sro
        by_claim[id(claim)] = [sro.id]
        for obj in attribution_objects(claim, sro.id, refs):
            objects[obj.id] = obj
            by_claim[id(claim)].append(obj.id)
    for doc_id, item in sorted(support.items()):
        document = snapshot.documents.get(doc_id)
        if document is None:
            continue
        contents = [refs[i] for i in sorted(item.entities) if i in refs]
        for claim in item.relations:
            contents += [
                i
                for i in by_claim.get(id(claim), [])
                if i.startswith("relationship--") or _from_document(objects[i], doc_id)
            ]
        for event in item.events:
            incident = incident_sdo(event, refs)
            objects[incident.id] = incident
            contents.append(incident.id)
        for series, point in item.estimates:
            if series.subject.id in refs:
                note = estimate_note(series, point, refs)
                objects[note.id] = note
                contents.append(note.id)
        if not contents:
            continue
        stamp = timestamp(document.published)
        external = [{"source_name": document.outlet or "source", "url": document.url}]
        outlet = book.for_document(document.outlet, document.url)
        authored: dict[str, Any] = {}
        if outlet is not None:
            author = source_identity(outlet)
            objects[author.id] = author
            authored = {"created_by_ref": author.id, "x_opencti_reliability": outlet.reliability}
        objects[stix_id("report", doc_id)] = stix2.v21.Report(
            id=stix_id("report", doc_id),
            created=stamp,
            modified=stamp,
            published=stamp,
            name=document.title or doc_id,
            report_types=["threat-report"],
            object_refs=sorted(set(contents)),
            external_references=external if document.url else None,
            x_oxus_document={
                "id": doc_id,
                "outlet": document.outlet,
                "published": document.published,
                "url": document.url,
                "language": document.language,
            },
            allow_custom=True,
            extensions=EXTENSIONS,
            **authored,
        )
    for incident in snapshot.incidents:
        members = [
            event_sdo_id(r.evidence.document_id, r.evidence.start, r.evidence.end, r.type)
            for r in incident.reports
        ]
        present = [m for m in members if m in objects]
        if present:
            grouping = incident_grouping(incident, present, refs)
            objects[grouping.id] = grouping
    _add_authors(objects, book)
    return stix2.v21.Bundle(
        id=stix_id("bundle", *sorted(objects)),
        objects=[objects[k] for k in sorted(objects)],
        allow_custom=True,
    )


def _add_authors(objects: dict[str, Any], book: SourceBook) -> None:
    """The identity of every source an object names as its author (graded, OpenCTI-style)."""
    wanted = {obj.get("created_by_ref") for obj in objects.values()} - set(objects) - {None}
    for source in book.sources:
        author = source_identity(source)
        if author.id in wanted:
            objects[author.id] = author


def _from_document(obj: Any, doc_id: str) -> bool:
    return obj.get("x_oxus_evidence", {}).get("document") == doc_id


def export_stix(store: Store) -> stix2.v21.Bundle:
    return build_bundle(load_snapshot(store))


LEADING_KEYS = ("type", "spec_version", "id", "created_by_ref", "created", "modified")


def _ordered(value: Any, *, top: bool = False) -> Any:
    """Keys in a fixed order: STIX's leading keys first, the rest sorted, at every level."""
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    if not isinstance(value, dict):
        return value
    first = [k for k in LEADING_KEYS if k in value] if top else []
    rest = sorted(k for k in value if k not in first)
    return {k: _ordered(value[k], top=k == "objects") for k in first + rest}


def bundle_json(bundle: stix2.v21.Bundle) -> str:
    """The bundle as indented JSON whose key order does not depend on the process."""
    data = json.loads(bundle.serialize())
    data = {**{k: data[k] for k in ("type", "id")}, "objects": data["objects"]}
    data["objects"] = [_ordered(obj, top=True) for obj in data["objects"]]
    return json.dumps(data, indent=2, ensure_ascii=False)
