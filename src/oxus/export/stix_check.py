"""Checking a STIX bundle whole before anything of it is imported.

Every object must parse with the ``stix2`` library (types, timestamps, references,
required properties); then the properties oxus reads must fit its vocabularies and
bounds: names and aliases of sane length, known predicates, event types, measures and
statuses, real dates, finite figures, references that resolve, and evidence sentences
whose offsets lie inside a document of bounded size and agree where they overlap. The
first problem found is reported, naming the object; nothing is imported then.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import stix2

from oxus.errors import ExportError
from oxus.export.stix_fields import (
    MAX_DOCUMENT_CHARS,
    Problem,
    check_entity,
    check_evidence,
    check_fields,
)
from oxus.export.stix_read import quote_value

MAX_OBJECTS = 1_000_000
PADDING_PER_BYTE = 1000
"""All documents of a bundle rebuild to at most this many characters per bundle byte
(or ``MAX_DOCUMENT_CHARS``, whichever is larger): a 1 KB bundle cannot claim a
document of a billion blank characters."""
ENTITY_TYPES = frozenset({"intrusion-set", "threat-actor", "identity", "location"})
_ID = re.compile(r"([a-z0-9][a-z0-9-]{1,248}[a-z0-9])--[0-9a-fA-F-]{36}", re.ASCII)


def _label(index: int, obj: Any) -> str:
    ident = obj.get("id") if isinstance(obj, dict) else None
    return f"object {index}" + (f" ({quote_value(ident, 60)})" if isinstance(ident, str) else "")


def _shape(bundle: Any) -> tuple[str, list[Any]]:
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise ExportError("not a STIX bundle (expected an object with type 'bundle')")
    ident, objects = bundle.get("id"), bundle.get("objects")
    if (
        not isinstance(ident, str)
        or _ID.fullmatch(ident) is None
        or not ident.startswith("bundle--")
    ):
        raise ExportError("the bundle has no valid id ('bundle--' and a UUID)")
    if not isinstance(objects, list) or not objects:
        raise ExportError("the bundle's objects must be a non-empty list")
    if len(objects) > MAX_OBJECTS:
        raise ExportError(f"the bundle holds {len(objects):,} objects (at most {MAX_OBJECTS:,})")
    return ident, objects


def _identity(index: int, obj: Any, seen: set[str]) -> None:
    if not isinstance(obj, dict):
        raise ExportError(f"object {index} is a {type(obj).__name__}, not a STIX object")
    kind, ident = obj.get("type"), obj.get("id")
    if not isinstance(kind, str) or not isinstance(ident, str):
        raise ExportError(f"{_label(index, obj)}: no type or id")
    found = _ID.fullmatch(ident)
    if found is None or found[1] != kind:
        raise ExportError(f"{_label(index, obj)}: its id does not match its type")
    if ident in seen:
        raise ExportError(f"{_label(index, obj)}: the same id appears twice in the bundle")
    seen.add(ident)


def _stix2(index: int, obj: dict[str, Any]) -> None:
    """The ``stix2`` library's own checks of one object (custom properties allowed)."""
    try:
        stix2.parse(obj, allow_custom=True, version="2.1")
    except Exception as e:  # any failure of the parser on this object means it is invalid
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise ExportError(f"{_label(index, obj)}: {first[:160]}") from None


def importable_entities(objects: list[dict[str, Any]]) -> set[str]:
    """Ids of objects the import turns into entities (named groups, people, places...)."""
    return {
        obj["id"]
        for obj in objects
        if obj["type"] in ENTITY_TYPES
        and obj.get("name")
        and not (obj["type"] == "identity" and obj.get("identity_class") == "system")
    }


def check_bundle(bundle: Any, size: int) -> tuple[str, list[dict[str, Any]]]:
    """The bundle's id and objects, once all of them pass; else ``ExportError``."""
    ident, objects = _shape(bundle)
    seen: set[str] = set()
    for index, obj in enumerate(objects):
        _identity(index, obj, seen)
    for index, obj in enumerate(objects):
        _stix2(index, obj)
    entities = importable_entities(objects)
    spans: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for index, obj in enumerate(objects):
        try:
            if obj["type"] in ENTITY_TYPES:
                check_entity(obj)
            for item in check_fields(obj, entities):
                _collect(check_evidence(item, entities), spans)
        except Problem as problem:
            raise ExportError(f"{_label(index, obj)}: {problem}") from None
    _check_documents(spans, size)
    return ident, objects


def _collect(span: tuple[str, int, int, str] | None, spans: dict[str, set[Any]]) -> None:
    if span is not None:
        document, start, end, text = span
        spans[document].add((start, end, text))


def _check_documents(spans: dict[str, set[tuple[int, int, str]]], size: int) -> None:
    """Each document's sentences agree where they overlap; all fit the size budget."""
    budget = max(MAX_DOCUMENT_CHARS, PADDING_PER_BYTE * size)
    total = 0
    for document, items in sorted(spans.items()):
        reach, held_start, held = 0, 0, ""
        for start, end, text in sorted(items):
            if start < reach:
                overlap = min(end, reach) - start
                if text[:overlap] != held[start - held_start : start - held_start + overlap]:
                    raise ExportError(
                        f"document {quote_value(document)}: evidence sentences at {start}-{end} "
                        "and earlier ones disagree on the text they share"
                    )
            if end > reach:
                reach, held_start, held = end, start, text
        total += reach
        if total > budget:
            raise ExportError(
                f"document {quote_value(document)}: evidence offsets up to {reach:,} would rebuild "
                f"{total:,} characters of text from a bundle of {size:,} bytes"
            )
