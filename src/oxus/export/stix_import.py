"""STIX 2.1 import: a bundle (ours or another platform's, e.g. OpenCTI) into the store.

Groups (intrusion-set, threat-actor), identities and locations become entities with
their aliases; relationships become relations; each report becomes one document whose
facts are the relationships, incidents and estimate notes it refers to. Bundles written
by oxus carry their evidence sentences and offsets (``x_oxus_evidence``): the document
text is rebuilt from them (``stix_documents``). A foreign relationship without evidence
gets its description (or a sentence naming its ends) as evidence, in the reports that
list it, else in one document for the bundle.

The whole bundle is checked first (``stix_read``, ``stix_check``), then stored in one
transaction: a bundle is imported whole or not at all. A document the store already
holds is kept as it is, never replaced by a text rebuilt from a few sentences.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from oxus.export.stix import RELATIONSHIP_TYPES
from oxus.export.stix_check import check_bundle
from oxus.export.stix_documents import DocumentBuilder, ScanBudget
from oxus.export.stix_names import stored_ids, without_known_names
from oxus.export.stix_read import check_values, parse_json
from oxus.model import (
    Document,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Measure,
    Polarity,
    Predicate,
    Qualifier,
    Relation,
    entity_id,
)
from oxus.store import Store

FOREIGN_TYPES = {
    "cooperates-with": "allied_with",
    "originates-from": "based_in",
    "national-of": "citizen_of",
}
"""Relationship types of other producers read as oxus predicates (besides our own)."""
PREDICATES = {**FOREIGN_TYPES, **{v: k for k, v in RELATIONSHIP_TYPES.items()}}


@dataclass
class ImportResult:
    entities: int = 0
    """Entities new to the store."""
    documents: int = 0
    relations: int = 0
    """Relations of the documents added."""
    kept: list[str] = field(default_factory=list)
    """Documents the store already held, left as they were."""
    skipped: list[str] = field(default_factory=list)
    """Relationships not imported (an end outside the bundle, or an unknown type)."""


def _entity(obj: dict[str, Any], source: str) -> Entity | None:
    kind = obj["type"]
    if kind in ("intrusion-set", "threat-actor"):
        type_ = EntityType.GROUP
    elif kind == "identity":
        cls = obj.get("identity_class")
        if cls == "system" or "x_oxus_source" in obj:
            return None
        type_ = EntityType.PERSON if cls == "individual" else EntityType.ORGANIZATION
    elif kind == "location":
        has_point = "latitude" in obj or any(k in obj for k in ("city", "administrative_area"))
        default = "place" if has_point or "region" in obj else "state"
        type_ = EntityType(obj.get("x_oxus_type", default))
    else:
        return None
    name = obj.get("name")
    if not name:
        return None
    aliases = [*obj.get("aliases", []), *obj.get("x_oxus_aliases", [])]
    aliases += obj.get("x_opencti_aliases", [])
    return Entity(
        id=obj.get("x_oxus_id") or entity_id(type_, name),
        type=type_,
        name=name,
        aliases=list(dict.fromkeys(a for a in aliases if a != name)),
        status=obj.get("x_oxus_status", "provisional"),
        country=obj.get("country"),
        lat=obj.get("latitude"),
        lon=obj.get("longitude"),
        description=obj.get("description"),
        sources=[source],
    )


def _document(report: dict[str, Any]) -> Document:
    meta = report.get("x_oxus_document") or {}
    refs = report.get("external_references") or [{}]
    published = meta.get("published") or (report.get("published") or "")[:10] or None
    return Document(
        id=meta.get("id") or "stix-" + report["id"].split("--", 1)[1],
        text="",
        title=report.get("name"),
        url=meta.get("url") or refs[0].get("url"),
        outlet=meta.get("outlet") or refs[0].get("source_name"),
        published=published,
        source=report["id"],
        media_type="application/stix+json",
        language=meta.get("language", "en"),
    )


def _read(data: str | bytes | dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    if isinstance(data, dict):
        check_values(data)
        return check_bundle(data, len(json.dumps(data)))
    return check_bundle(parse_json(data), len(data))


def import_stix(store: Store, data: str | bytes | dict[str, Any]) -> ImportResult:
    """Check a STIX 2.1 bundle, then store it in one transaction; return what was added."""
    source, objects = _read(data)
    entities: dict[str, Entity] = {}
    ids: dict[str, str] = {}
    for obj in objects:
        entity = _entity(obj, source)
        if entity is not None:
            entities.setdefault(entity.id, entity)
            ids[obj["id"]] = entity.id
    stored = stored_ids(store, sorted(entities))
    entities = without_known_names(store, entities, stored)
    result = ImportResult(entities=len(entities) - len(stored))
    builders: dict[str, DocumentBuilder] = {}
    listed_in: dict[str, list[str]] = defaultdict(list)
    for obj in objects:
        if obj["type"] == "report":
            doc = _document(obj)
            builders[doc.id] = DocumentBuilder(doc)
            for ref in obj.get("object_refs", []):
                listed_in[ref].append(doc.id)
                if ref in ids:
                    builders[doc.id].entity_ids.add(ids[ref])

    def builder(doc_id: str | None, obj_id: str) -> DocumentBuilder:
        doc_id = doc_id or next(iter(listed_in.get(obj_id, [])), None)
        if doc_id is None:
            doc_id = "stix-" + source.split("--", 1)[-1]
            if doc_id not in builders:
                builders[doc_id] = DocumentBuilder(
                    Document(id=doc_id, text="", title=f"STIX bundle {source}", source=source)
                )
        return builders.setdefault(doc_id, DocumentBuilder(Document(id=doc_id, text="")))

    for obj in objects:
        kind = obj["type"]
        if kind == "relationship":
            _relationship(obj, ids, entities, listed_in, builder, result)
        elif kind == "incident" and "x_oxus_event_type" in obj:
            _incident(obj, ids, builder)
        elif kind == "note" and "x_oxus_estimate" in obj:
            _estimate(obj, ids, builder)
    _store(store, entities, builders, result)
    return result


def _store(
    store: Store,
    entities: dict[str, Entity],
    builders: dict[str, DocumentBuilder],
    result: ImportResult,
) -> None:
    """Every entity and new document in one transaction; stored documents kept as they are."""
    stored = store.content_hashes()
    budget = ScanBudget()
    documents = []
    for item in builders.values():
        if item.document.id in stored:
            result.kept.append(item.document.id)
        elif item.sentences or item.extra:
            documents.append(item.facts(entities, budget))
    store.save_together(list(entities.values()), documents)
    result.documents = len(documents)
    result.relations = sum(len(f.relations) for f in documents)


Builder = Callable[[str | None, str], DocumentBuilder]


def _relationship(
    obj: dict[str, Any],
    ids: dict[str, str],
    entities: dict[str, Entity],
    listed_in: dict[str, list[str]],
    builder: Builder,
    result: ImportResult,
) -> None:
    predicate = obj.get("x_oxus_predicate") or PREDICATES.get(obj.get("relationship_type", ""))
    subject, target = ids.get(obj.get("source_ref", "")), ids.get(obj.get("target_ref", ""))
    if predicate is None or subject is None or target is None:
        result.skipped.append(obj["id"])
        return
    if predicate == "part_of" and entities[subject].type is EntityType.PERSON:
        predicate = "member_of"
    items = obj.get("x_oxus_evidence")
    if not items:
        sentence = obj.get("description") or (
            f"{entities[subject].name} {obj['relationship_type']} {entities[target].name}."
        )
        items = [{"document": d, "text": sentence} for d in listed_in.get(obj["id"], [None])]
    for item in items:
        doc = builder(item.get("document"), obj["id"])
        doc.relations.append(
            Relation(
                subject,
                Predicate(predicate),
                target,
                doc.evidence(item, item.get("text", "")),
                role=item.get("role"),
                since=item.get("since"),
                until=item.get("until"),
                asserted_by=ids.get(item.get("asserted_by_ref", "")),
                polarity=Polarity(item.get("polarity", "affirmed")),
                hedged=bool(item.get("hedged", False)),
                confidence=float(item.get("confidence", obj.get("confidence", 50) / 100)),
            )
        )


def _incident(obj: dict[str, Any], ids: dict[str, str], builder: Builder) -> None:
    item = obj.get("x_oxus_evidence") or {}
    doc = builder(item.get("document"), obj["id"])
    doc.events.append(
        Event(
            EventType(obj["x_oxus_event_type"]),
            doc.evidence(item, obj.get("description") or obj["name"]),
            date=obj.get("x_oxus_date"),
            location=ids.get(obj.get("x_oxus_location_ref", "")),
            agents=[ids[r] for r in obj.get("x_oxus_agent_refs", []) if r in ids],
            targets=[ids[r] for r in obj.get("x_oxus_target_refs", []) if r in ids],
            counts={k: int(v) for k, v in obj.get("x_oxus_counts", {}).items()},
            asserted_by=ids.get(item.get("asserted_by_ref", "")),
            polarity=Polarity(item.get("polarity", "affirmed")),
            hedged=bool(item.get("hedged", False)),
            confidence=float(item.get("confidence", 0.5)),
        )
    )


def _estimate(obj: dict[str, Any], ids: dict[str, str], builder: Builder) -> None:
    subject = next((ids[r] for r in obj.get("object_refs", []) if r in ids), None)
    if subject is None:
        return
    item, figure = obj.get("x_oxus_evidence") or {}, obj["x_oxus_estimate"]
    doc = builder(item.get("document"), obj["id"])
    doc.estimates.append(
        Estimate(
            subject,
            Measure(figure["measure"]),
            Qualifier(figure["qualifier"]),
            doc.evidence(item, obj.get("content", "")),
            low=figure.get("low"),
            high=figure.get("high"),
            as_of=figure.get("as_of"),
            asserted_by=ids.get(item.get("asserted_by_ref", "")),
            hedged=bool(item.get("hedged", False)),
            confidence=float(item.get("confidence", 0.5)),
        )
    )
