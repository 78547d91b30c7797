"""Validation and loading of facts-format documents (facts-jsonl lines and gold files).

Both sides of an evaluation arrive in this shape, so one validator guards both: a
malformed gold file must fail loudly with its file and line rather than score as zero.
The controlled vocabularies come from the enums in :mod:`oxus.model`.

Fields that identify a fact are required; fields with a natural default (``hedged``
false, ``polarity`` affirmed, ``asserted_by`` null, ...) may be omitted, and unknown
keys are ignored so that producers can add fields without breaking evaluation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from oxus.errors import GoldError
from oxus.eval.normalize import is_iso_date, name_keys, normalize_name
from oxus.model import COUNT_KEYS, EntityType, EventType, Measure, Polarity, Predicate, Qualifier

__all__ = ["TOLERATED_MEASURES", "load_facts", "validate_facts"]

TOLERATED_MEASURES = frozenset(COUNT_KEYS) - {m.value for m in Measure}
"""Count keys (``killed``, ``wounded`` ...) filed as estimate measures: never scored, and
accepted unless validation is strict, because casualties belong in an event's counts."""

SECTIONS = ("entities", "relations", "events", "estimates")
_MAX_REPORTED = 20

Check = Callable[[Any], str | None]


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _opt_text(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _names(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return None
    return "must be a list of strings"


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _opt_number(value: Any) -> str | None:
    return None if value is None or _is_number(value) else "must be a number or null"


def _opt_date(value: Any) -> str | None:
    if value is None or is_iso_date(value):
        return None
    return f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null"


def _choice(values: list[str]) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in values:
            return None
        return f"{value!r} is not one of {', '.join(values)}"

    return check


def _counts(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be an object"
    for key, number in value.items():
        if key not in COUNT_KEYS:
            return f"key {key!r} is not one of {', '.join(COUNT_KEYS)}"
        if not _is_number(number) or number < 0 or int(number) != number:
            return f"{key} must be a non-negative whole number"
    return None


_POLARITY = _choice([p.value for p in Polarity])

# field -> (check, required)
_DOC: dict[str, tuple[Check, bool]] = {
    "id": (_text, True),
    "title": (_opt_text, False),
    "url": (_opt_text, False),
    "outlet": (_opt_text, False),
    "published": (_opt_date, False),
}
_FIELDS: dict[str, dict[str, tuple[Check, bool]]] = {
    "entities": {
        "id": (_text, False),
        "type": (_choice([t.value for t in EntityType]), True),
        "name": (_text, True),
        "aliases": (_names, True),
        "mentions": (_names, False),
    },
    "relations": {
        "subject": (_text, True),
        "predicate": (_choice([p.value for p in Predicate]), True),
        "object": (_text, True),
        "role": (_opt_text, False),
        "since": (_opt_date, False),
        "until": (_opt_date, False),
        "asserted_by": (_opt_text, False),
        "polarity": (_POLARITY, False),
        "hedged": (_bool, False),
        "evidence": (_opt_text, False),
    },
    "events": {
        "type": (_choice([t.value for t in EventType]), True),
        "date": (_opt_date, False),
        "location": (_opt_text, False),
        "agents": (_names, False),
        "targets": (_names, False),
        "counts": (_counts, False),
        "asserted_by": (_opt_text, False),
        "polarity": (_POLARITY, False),
        "hedged": (_bool, False),
        "evidence": (_opt_text, False),
    },
    "estimates": {
        "subject": (_text, True),
        "measure": (_text, True),
        "low": (_opt_number, True),
        "high": (_opt_number, True),
        "qualifier": (_choice([q.value for q in Qualifier]), False),
        "as_of": (_opt_date, False),
        "asserted_by": (_opt_text, False),
        "hedged": (_bool, False),
        "evidence": (_opt_text, False),
    },
}
# Fields of each section that must name an entity of the same document.
_REFERENCES = {
    "relations": ("subject", "object", "asserted_by"),
    "events": ("agents", "targets", "location", "asserted_by"),
    "estimates": ("subject", "asserted_by"),
}


def _check_fields(item: Any, fields: dict[str, tuple[Check, bool]], where: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: must be an object"]
    problems = []
    for key, (check, required) in fields.items():
        if key not in item:
            if required:
                problems.append(f"{where}: missing {key!r}")
            continue
        problem = check(item[key])
        if problem:
            problems.append(f"{where}.{key}: {problem}")
    return problems


def _check_estimate(item: dict[str, Any], where: str, *, strict: bool) -> list[str]:
    problems = []
    measure = item.get("measure")
    if isinstance(measure, str) and measure not in {m.value for m in Measure}:
        if measure in TOLERATED_MEASURES and strict:
            problems.append(f"{where}.measure: {measure!r} is an event count, not a measure")
        elif measure not in TOLERATED_MEASURES:
            allowed = ", ".join(m.value for m in Measure)
            problems.append(f"{where}.measure: {measure!r} is not one of {allowed}")
    low, high = item.get("low"), item.get("high")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        problems.append(f"{where}: low {low} is greater than high {high}")
    return problems


def _referenced(item: dict[str, Any], section: str) -> Iterator[tuple[str, str]]:
    for key in _REFERENCES.get(section, ()):
        value = item.get(key)
        values = value if isinstance(value, list) else [value]
        for name in values:
            if isinstance(name, str):
                yield key, name


def _check_references(obj: dict[str, Any]) -> list[str]:
    known: set[str] = set()
    for entity in obj["entities"]:
        if isinstance(entity, dict):
            names = [entity.get("name"), *entity.get("aliases", []), *entity.get("mentions", [])]
            known |= name_keys(names)
    problems = []
    for section in _REFERENCES:
        for index, item in enumerate(obj[section]):
            if not isinstance(item, dict):
                continue
            for key, name in _referenced(item, section):
                if normalize_name(name) not in known:
                    problems.append(f"{section}[{index}].{key}: {name!r} names no entity")
    return problems


def validate_facts(obj: Any, *, check_refs: bool = True, strict: bool = False) -> list[str]:
    """Problems with one facts-format document; an empty list means it is valid.

    ``check_refs`` also requires every name a fact uses to be a name, alias or mention of
    one of the document's entities. ``strict`` rejects the tolerated count measures.
    """
    if not isinstance(obj, dict):
        return ["document must be a JSON object"]
    problems = _check_fields(obj["doc"], _DOC, "doc") if "doc" in obj else ["missing 'doc'"]
    sections_ok = True
    for section in SECTIONS:
        items = obj.get(section)
        if not isinstance(items, list):
            problems.append(f"{section}: must be a list")
            sections_ok = False
            continue
        for index, item in enumerate(items):
            where = f"{section}[{index}]"
            found = _check_fields(item, _FIELDS[section], where)
            if section == "estimates" and isinstance(item, dict):
                found += _check_estimate(item, where, strict=strict)
            problems += found
    if check_refs and sections_ok and not problems:
        problems += _check_references(obj)
    return problems


def _documents(path: Path) -> Iterator[tuple[str, Any]]:
    """(location, parsed object) for each document in one .json or .jsonl file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read as UTF-8 text: {error}") from error
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{number}", _parse(line, f"{path}:{number}")
        return
    parsed = _parse(text, str(path))
    if isinstance(parsed, list):
        for index, item in enumerate(parsed):
            yield f"{path}[{index}]", item
    else:
        yield str(path), parsed


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise GoldError(f"{where}: invalid JSON at line {error.lineno}: {error.msg}") from error


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
        if not files:
            raise GoldError(f"{path}: no .json or .jsonl files")
        return files
    if path.is_file():
        return [path]
    raise GoldError(f"{path}: no such file or directory")


def load_facts(
    path: Path | str, *, check_refs: bool = True, strict: bool = False
) -> list[dict[str, Any]]:
    """Read facts-format documents from a .jsonl file, a .json file or a folder of them.

    Raises :class:`GoldError` naming the file and line of every problem found.
    """
    documents: list[dict[str, Any]] = []
    problems: list[str] = []
    for file in _files(Path(path)):
        for where, obj in _documents(file):
            found = validate_facts(obj, check_refs=check_refs, strict=strict)
            problems += [f"{where}: {problem}" for problem in found]
            if not found:
                documents.append(obj)
    if problems:
        shown = problems[:_MAX_REPORTED]
        more = len(problems) - len(shown)
        suffix = f"\n... and {more} more" if more else ""
        raise GoldError(f"{len(problems)} problem(s) in facts:\n" + "\n".join(shown) + suffix)
    return documents
