"""Plain-text views of an evaluation: the score table and the error listing.

The library returns strings; the CLI decides where they go.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oxus.eval.results import CATEGORIES, Counts, EvalResult

__all__ = ["ERROR_CATEGORIES", "describe", "format_errors", "format_report"]

ERROR_CATEGORIES = (*CATEGORIES, "attribution")
"""What :func:`format_errors` can list."""

_TYPE_TITLES = {
    "entities": "entities by type",
    "relations": "relations by predicate",
    "events": "events by type",
    "estimates": "estimates by measure",
}


def _row(label: str, counts: Counts, width: int) -> str:
    ratios = f"{counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f}"
    return f"{label:<{width}} {ratios}  {counts.tp}/{counts.sys}/{counts.gold}"


def _table(title: str, rows: list[tuple[str, Counts]]) -> list[str]:
    width = max([len(title), *(len(label) for label, _ in rows)])
    header = f"{title:<{width}} {'P':>6} {'R':>6} {'F1':>6}  tp/sys/gold"
    return [header, *(_row(label, counts, width) for label, counts in rows)]


def format_report(result: EvalResult) -> str:
    """The overall table (category, P, R, F1, tp/sys/gold), then one table per category."""
    missing, ignored = result.missing_docs, result.ignored_docs
    lines = [
        f"documents: {len(result.docs)} scored, {len(missing)} without system output, "
        f"{len(ignored)} without gold (ignored)",
        "",
    ]
    overall = [(category, result.scores[category].overall) for category in CATEGORIES]
    lines += _table("category", overall)
    attribution = result.attribution
    accuracy = f"{attribution.accuracy:.3f}" if attribution.n else "n/a"
    lines.append(
        f"attribution accuracy {accuracy} ({attribution.correct}/{attribution.n} matched facts)"
    )
    for category in CATEGORIES:
        by_type = result.scores[category].by_type
        if by_type:
            lines.append("")
            lines += _table(_TYPE_TITLES[category], sorted(by_type.items()))
    if missing:
        lines += ["", "gold documents without system output: " + ", ".join(missing)]
    return "\n".join(lines)


def _names(values: Any) -> str:
    return ", ".join(str(value) for value in values or [])


def describe(category: str, item: Mapping[str, Any]) -> str:
    """A one-line human reading of a facts item."""
    if category == "entities":
        aliases = _names(item.get("aliases"))
        return f"{item.get('type')}: {item.get('name')}" + (f" [{aliases}]" if aliases else "")
    if category == "relations":
        return f"{item.get('subject')} -{item.get('predicate')}-> {item.get('object')}"
    if category == "events":
        where = f" @ {item['location']}" if item.get("location") else ""
        people = f"{_names(item.get('agents')) or '?'} -> {_names(item.get('targets')) or '?'}"
        return f"{item.get('type')} {item.get('date') or 'undated'}{where}: {people}"
    low, high = item.get("low"), item.get("high")
    span = f"{low}" if low == high else f"{low}..{high}"
    return f"{item.get('subject')} {item.get('measure')} = {span} ({item.get('qualifier')})"


def _attribution(item: Mapping[str, Any], fields: list[str]) -> str:
    return ", ".join(f"{name}={item.get(name)!r}" for name in fields)


def format_errors(result: EvalResult, category: str) -> str:
    """Per document, the false positives (FP) and misses (FN) of one category, or for
    ``attribution`` the matched facts whose attribution differs from gold."""
    if category not in ERROR_CATEGORIES:
        raise ValueError(f"unknown category {category!r}; use one of {ERROR_CATEGORIES}")
    lines: list[str] = []
    for doc in result.docs:
        if category == "attribution":
            body = [
                f"  {describe(d.category, d.gold)}\n"
                f"      system {_attribution(d.system, d.fields)}"
                f" | gold {_attribution(d.gold, d.fields)}"
                for d in doc.disagreements
            ]
        else:
            body = [f"  FP  {describe(category, item)}" for item in doc.false_positives[category]]
            body += [f"  FN  {describe(category, item)}" for item in doc.misses[category]]
        if body:
            note = "" if doc.has_system else " (no system output)"
            lines += [f"== {doc.doc_id}{note}", *body]
    return "\n".join(lines) if lines else f"no {category} errors"
