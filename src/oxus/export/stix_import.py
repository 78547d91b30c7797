"""STIX 2.1 import: a bundle (ours or another platform's, e.g. OpenCTI) into the store.

Groups (intrusion-set, threat-actor), identities and locations become entities with
their aliases; relationships become relations; each report becomes one document whose
facts are the relationships, incidents and estimate notes it refers to. Bundles written
by oxus carry their evidence sentences and offsets (``x_oxus_evidence``): the document
text is rebuilt with every sentence at its original offset, so exporting again gives the
same bundle. A foreign relationship without evidence gets its description (or a sentence
naming its ends) as evidence, in the reports that list it, else in one document for the
bundle.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from oxus.errors import ExportError
from oxus.export.stix import RELATIONSHIP_TYPES
from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Evidence,
    Measure,
    Mention,
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
    documents: int = 0
    relations: int = 0
    skipped: list[str] = field(default_factory=list)


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


class _DocumentBuilder:
    """Collects the facts of one document and rebuilds a text their offsets point into."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.sentences: dict[tuple[int, int], str] = {}
        self.extra: list[str] = []
        self.relations: list[Relation] = []
        self.events: list[Event] = []
        self.estimates: list[Estimate] = []
        self.entity_ids: set[str] = set()

    def evidence(self, item: dict[str, Any] | None, fallback: str) -> Evidence:
        if item and "start" in item and item.get("text"):
            start, end, text = int(item["start"]), int(item["end"]), str(item["text"])
            if end - start == len(text):
                self.sentences[(start, end)] = text
                return Evidence(text, start, end)
        self.extra.append(fallback)
        return Evidence(fallback, -1, -1, len(self.extra) - 1)

    def facts(self, entities: dict[str, Entity]) -> DocumentFacts:
        size = max((end for _, end in self.sentences), default=0)
        chars = [" "] * size
        for (start, end), text in sorted(self.sentences.items()):
            chars[start:end] = text
        text = "".join(chars)
        placed: dict[int, Evidence] = {}
        for i, sentence in enumerate(self.extra):
            text = (text + "\n" if text else "") + sentence
            placed[i] = Evidence(sentence, len(text) - len(sentence), len(text))

        def fix(ev: Evidence) -> Evidence:
            return placed[ev.sentence_index] if ev.start < 0 else ev

        for relation in self.relations:
            relation.evidence = fix(relation.evidence)
        for event in self.events:
            event.evidence = fix(event.evidence)
        for estimate in self.estimates:
            estimate.evidence = fix(estimate.evidence)
        mentions = []
        for eid in sorted(self.entity_ids):
            entity = entities[eid]
            found = next(
                ((n, text.find(n)) for n in (entity.name, *entity.aliases) if n and n in text),
                (entity.name, 0),
            )
            at = found[1]
            end = at + len(found[0]) if found[0] in text else at
            mentions.append(Mention(eid, found[0], at, end, method="stix"))
        self.document.text = text
        self.document.content_hash = hashlib.sha256(text.encode()).hexdigest()
        return DocumentFacts(
            document=self.document,
            entities={i: entities[i] for i in self._referenced() if i in entities},
            mentions=mentions,
            relations=self.relations,
            events=self.events,
            estimates=self.estimates,
        )

    def _referenced(self) -> set[str]:
        ids = set(self.entity_ids)
        for r in self.relations:
            ids.update(filter(None, (r.subject, r.object, r.asserted_by)))
        for e in self.events:
            ids.update(filter(None, (e.location, e.asserted_by, *e.agents, *e.targets)))
        for s in self.estimates:
            ids.update(filter(None, (s.subject, s.asserted_by)))
        return ids


def _load(data: str | bytes | dict[str, Any]) -> dict[str, Any]:
    try:
        bundle = json.loads(data) if isinstance(data, str | bytes) else data
    except json.JSONDecodeError as e:
        raise ExportError(f"not a JSON document: {e}") from e
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise ExportError("not a STIX bundle (expected an object with type 'bundle')")
    if not isinstance(bundle.get("objects", []), list):
        raise ExportError("bundle objects must be a list")
    return bundle


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


def import_stix(store: Store, data: str | bytes | dict[str, Any]) -> ImportResult:
    """Load a STIX 2.1 bundle into the store; return what was added."""
    bundle = _load(data)
    objects = {obj["id"]: obj for obj in bundle.get("objects", []) if "id" in obj}
    source = bundle.get("id", "stix")
    entities: dict[str, Entity] = {}
    ids: dict[str, str] = {}
    for obj in objects.values():
        entity = _entity(obj, source)
        if entity is not None:
            entities.setdefault(entity.id, entity)
            ids[obj["id"]] = entity.id
    result = ImportResult(entities=len(entities))
    store.sync_pack(list(entities.values()))
    builders: dict[str, _DocumentBuilder] = {}
    listed_in: dict[str, list[str]] = defaultdict(list)
    for obj in objects.values():
        if obj["type"] == "report":
            doc = _document(obj)
            builders[doc.id] = _DocumentBuilder(doc)
            for ref in obj.get("object_refs", []):
                listed_in[ref].append(doc.id)
                if ref in ids:
                    builders[doc.id].entity_ids.add(ids[ref])

    def builder(doc_id: str | None, obj_id: str) -> _DocumentBuilder:
        doc_id = doc_id or next(iter(listed_in.get(obj_id, [])), None)
        if doc_id is None:
            doc_id = "stix-" + source.split("--", 1)[-1]
            if doc_id not in builders:
                builders[doc_id] = _DocumentBuilder(
                    Document(id=doc_id, text="", title=f"STIX bundle {source}", source=source)
                )
        return builders.setdefault(doc_id, _DocumentBuilder(Document(id=doc_id, text="")))

    for obj in objects.values():
        kind = obj["type"]
        if kind == "relationship":
            _relationship(obj, ids, entities, listed_in, builder, result)
        elif kind == "incident" and "x_oxus_event_type" in obj:
            _incident(obj, ids, builder)
        elif kind == "note" and "x_oxus_estimate" in obj:
            _estimate(obj, ids, builder)
    for item in builders.values():
        facts = item.facts(entities)
        if facts.document.text:
            store.save(facts)
            result.documents += 1
    return result


Builder = Callable[[str | None, str], _DocumentBuilder]


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
        result.relations += 1


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
