"""The bounds and vocabularies of the properties the STIX import reads, one object at a time.

``check_entity`` and ``check_fields`` raise ``Problem`` (a sentence without the object's
name, which ``stix_check`` adds); ``check_evidence`` returns where an evidence sentence
sits in its document, for the document-wide checks.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from oxus.model import COUNT_KEYS, EntityType, EventType, Measure, Polarity, Predicate, Qualifier
from oxus.store.curation import ENTITY_STATUSES

MAX_NAME_CHARS = 500
MAX_ALIASES = 1000
MAX_TEXT_CHARS = 100_000
"""Descriptions and evidence sentences."""
MAX_REFS = 10_000
MAX_REPORT_REFS = 1_000_000
MAX_EVIDENCE = 100_000
MAX_COUNT = 10_000_000
MAX_FIGURE = 1e9
MAX_DOCUMENT_CHARS = 20_000_000
"""Largest document a bundle may rebuild from evidence offsets (some 6,000 pages)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_TYPES = "|".join(t.value for t in EntityType)
_ENTITY_ID = re.compile(rf"(?:{_TYPES}):[^\s\x00-\x1f]{{1,590}}")


class Problem(ValueError):
    """One property of one object is out of bounds or of vocabulary."""


def _string(value: Any, what: str, limit: int, *, line: bool = False) -> str:
    if not isinstance(value, str):
        raise Problem(f"{what} must be a string, not {type(value).__name__}")
    if not value.strip():
        raise Problem(f"{what} is empty")
    if len(value) > limit:
        raise Problem(f"{what} has {len(value):,} characters (at most {limit:,})")
    if line and _CONTROL.search(value):
        raise Problem(f"{what} contains a control character")
    return value


def _optional(
    obj: dict[str, Any], key: str, limit: int, *, line: bool = False, within: str = ""
) -> None:
    if obj.get(key) is not None:
        _string(obj[key], f"{within}{key}", limit, line=line)


def _one_of(value: Any, what: str, allowed: Any) -> None:
    if not isinstance(value, str) or value not in {str(a) for a in allowed}:
        shown = repr(value)[:40]
        raise Problem(f"{what} {shown} is not one of {', '.join(sorted(map(str, allowed)))}")


def _list(value: Any, what: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise Problem(f"{what} must be a list, not {type(value).__name__}")
    if len(value) > limit:
        raise Problem(f"{what} has {len(value):,} items (at most {limit:,})")
    return value


def _number(value: Any, what: str, low: float, high: float, *, integer: bool = False) -> None:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise Problem(f"{what} must be a{'n integer' if integer else ' number'}")
    if not (math.isfinite(value) and low <= value <= high):
        raise Problem(f"{what} {value!r} is outside {low:g}..{high:g}")


def _date(value: Any, what: str) -> None:
    """``2023``, ``2023-11`` or ``2023-11-30``, and a real day."""
    found = _DATE.fullmatch(value) if isinstance(value, str) else None
    try:
        if found is None:
            raise ValueError
        date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
    except ValueError:
        shown = str(value)[:30]
        raise Problem(f"{what} {shown!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _ref(value: Any, what: str, entities: set[str]) -> None:
    if not isinstance(value, str) or value not in entities:
        raise Problem(f"{what} {str(value)[:60]!r} is not a named entity of this bundle")


def check_entity(obj: dict[str, Any]) -> None:
    """A group, person, organisation, state or place."""
    _optional(obj, "name", MAX_NAME_CHARS, line=True)
    for key in ("aliases", "x_oxus_aliases", "x_opencti_aliases"):
        if obj.get(key) is not None:
            for alias in _list(obj[key], key, MAX_ALIASES):
                _string(alias, f"an alias in {key}", MAX_NAME_CHARS, line=True)
    _optional(obj, "description", MAX_TEXT_CHARS)
    _optional(obj, "country", 100, line=True)
    ident = obj.get("x_oxus_id")
    if ident is not None and not (isinstance(ident, str) and _ENTITY_ID.fullmatch(ident)):
        raise Problem("x_oxus_id must be 'type:name' with a known entity type")
    if obj.get("x_oxus_status") is not None:
        _one_of(obj["x_oxus_status"], "x_oxus_status", ENTITY_STATUSES)
    if obj.get("x_oxus_type") is not None:
        _one_of(obj["x_oxus_type"], "x_oxus_type", EntityType)
    for key, bound in (("latitude", 90.0), ("longitude", 180.0)):
        if obj.get(key) is not None:
            _number(obj[key], key, -bound, bound)


def check_fields(obj: dict[str, Any], entities: set[str]) -> list[Any]:
    """The oxus properties of a relationship, event, estimate or report; its evidence."""
    kind = obj["type"]
    if kind == "relationship":
        if obj.get("x_oxus_predicate") is not None:
            _one_of(obj["x_oxus_predicate"], "x_oxus_predicate", Predicate)
        if obj.get("source_ref") == obj.get("target_ref"):
            raise Problem("a relationship from an object to itself")
        _optional(obj, "description", MAX_TEXT_CHARS)
        items = obj.get("x_oxus_evidence")
        return [] if items is None else _list(items, "x_oxus_evidence", MAX_EVIDENCE)
    if kind == "incident" and "x_oxus_event_type" in obj:
        _event(obj, entities)
    elif kind == "note" and "x_oxus_estimate" in obj:
        _estimate(obj["x_oxus_estimate"])
    elif kind == "report":
        _report(obj)
        return []
    else:
        return []
    item = obj.get("x_oxus_evidence")
    return [] if item is None else [item]


def _event(obj: dict[str, Any], entities: set[str]) -> None:
    _one_of(obj["x_oxus_event_type"], "x_oxus_event_type", EventType)
    _optional(obj, "description", MAX_TEXT_CHARS)
    if obj.get("x_oxus_date") is not None:
        _date(obj["x_oxus_date"], "x_oxus_date")
    counts = obj.get("x_oxus_counts", {})
    if not isinstance(counts, dict):
        raise Problem("x_oxus_counts must be an object")
    for key, value in counts.items():
        _one_of(key, "a count", COUNT_KEYS)
        _number(value, f"the count {key}", 0, MAX_COUNT, integer=True)
    for key in ("x_oxus_agent_refs", "x_oxus_target_refs"):
        for ref in _list(obj.get(key, []), key, MAX_REFS):
            _ref(ref, f"a reference in {key}", entities)
    if obj.get("x_oxus_location_ref") is not None:
        _ref(obj["x_oxus_location_ref"], "x_oxus_location_ref", entities)


def _estimate(figure: Any) -> None:
    if not isinstance(figure, dict):
        raise Problem("x_oxus_estimate must be an object")
    _one_of(figure.get("measure"), "the measure", Measure)
    _one_of(figure.get("qualifier"), "the qualifier", Qualifier)
    for key in ("low", "high"):
        if figure.get(key) is not None:
            _number(figure[key], f"the figure's {key}", -MAX_FIGURE, MAX_FIGURE)
    low, high = figure.get("low"), figure.get("high")
    if low is not None and high is not None and low > high:
        raise Problem(f"the figure's low {low} is above its high {high}")
    if figure.get("as_of") is not None:
        _date(figure["as_of"], "the figure's as_of")


def _report(obj: dict[str, Any]) -> None:
    _list(obj.get("object_refs", []), "object_refs", MAX_REPORT_REFS)
    meta = obj.get("x_oxus_document")
    if meta is None:
        return
    if not isinstance(meta, dict):
        raise Problem("x_oxus_document must be an object")
    _optional(meta, "id", within="x_oxus_document.", limit=1000, line=True)
    _optional(meta, "url", within="x_oxus_document.", limit=10_000, line=True)
    _optional(meta, "outlet", within="x_oxus_document.", limit=1000, line=True)
    _optional(meta, "language", within="x_oxus_document.", limit=35, line=True)
    if meta.get("published") is not None:
        _date(meta["published"], "the published date")


def check_evidence(item: Any, entities: set[str]) -> tuple[str, int, int, str] | None:
    """Check one evidence item; return (document, start, end, text) when it has offsets."""
    if not isinstance(item, dict):
        raise Problem("an evidence item must be an object")
    text = _string(item.get("text"), "the evidence text", MAX_TEXT_CHARS)
    if item.get("document") is not None:
        _string(item["document"], "the evidence document", 1000, line=True)
    if item.get("polarity") is not None:
        _one_of(item["polarity"], "the polarity", Polarity)
    if item.get("hedged") is not None and not isinstance(item["hedged"], bool):
        raise Problem("hedged must be true or false")
    if item.get("confidence") is not None:
        _number(item["confidence"], "the evidence confidence", 0, 1)
    _optional(item, "role", 200, line=True)
    for key in ("since", "until"):
        if item.get(key) is not None:
            _date(item[key], key)
    if item.get("asserted_by_ref") is not None:
        _ref(item["asserted_by_ref"], "asserted_by_ref", entities)
    if "start" not in item and "end" not in item:
        return None
    start, end, document = item.get("start"), item.get("end"), item.get("document")
    _number(start, "the evidence start", 0, MAX_DOCUMENT_CHARS, integer=True)
    _number(end, "the evidence end", 1, MAX_DOCUMENT_CHARS, integer=True)
    assert isinstance(start, int) and isinstance(end, int)
    if end - start != len(text):
        raise Problem(f"evidence offsets {start}-{end} do not span its {len(text)} characters")
    if not isinstance(document, str):
        raise Problem("evidence with offsets must name its document")
    return document, start, end, text
