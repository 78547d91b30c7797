"""Conflicting claims: a relation affirmed and denied; figures for one year that disagree."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from oxus.analysis.claim_records import (
    ClaimEvidence,
    Conflict,
    ConflictSide,
    EstimatePoint,
    EstimateSeries,
    RelationClaim,
)

CONFLICT_MEASURES = ("fighters", "members", "arrests", "cases", "refugees")


def _sort_evidence(items: list[ClaimEvidence]) -> list[ClaimEvidence]:
    return sorted(items, key=lambda e: (e.published or "", e.document_id, e.start, e.fact_id))


def _range_label(point: EstimatePoint) -> str:
    def n(value: float | None) -> str:
        return "?" if value is None else f"{value:,.0f}"

    if point.low is not None and point.low == point.high:
        return f"about {n(point.low)}" if point.qualifier == "about" else n(point.low)
    if point.high is None:
        return f">={n(point.low)}"
    if point.low is None:
        return f"<={n(point.high)}"
    return f"{n(point.low)}-{n(point.high)}"


def _disjoint(a: EstimatePoint, b: EstimatePoint) -> bool:
    (a_low, a_high), (b_low, b_high) = a.bounds, b.bounds
    return a_high < b_low or b_high < a_low


def _independent(a: list[EstimatePoint], b: list[EstimatePoint]) -> bool:
    """Two figures are rival claims when they come from different reports or speakers."""
    docs = {p.evidence.document_id for p in a} | {p.evidence.document_id for p in b}
    speakers = {p.evidence.asserted_by for p in a} | {p.evidence.asserted_by for p in b}
    return len(docs) > 1 or len(speakers) > 1


def estimate_conflicts(series: list[EstimateSeries]) -> list[Conflict]:
    """Figures for one subject and measure in one year whose ranges cannot both hold."""
    conflicts = []
    for item in series:
        if item.measure not in CONFLICT_MEASURES:
            continue
        by_year: dict[str, dict[tuple[Any, ...], list[EstimatePoint]]] = defaultdict(dict)
        for point in item.points:
            if (
                point.qualifier == "change"
                or not point.date
                or (point.low, point.high)
                == (
                    None,
                    None,
                )
            ):
                continue
            key = (point.qualifier, point.low, point.high)
            by_year[point.date[:4]].setdefault(key, []).append(point)
        for year, groups in sorted(by_year.items()):
            values = list(groups.values())
            for i, first in enumerate(values):
                for second in values[i + 1 :]:
                    if _disjoint(first[0], second[0]) and _independent(first, second):
                        low, high = sorted((first, second), key=lambda g: g[0].bounds)
                        conflicts.append(
                            Conflict(
                                kind="estimate",
                                subject=item.subject,
                                topic=item.measure,
                                period=year,
                                a=ConflictSide(
                                    _range_label(low[0]), _sort_evidence([p.evidence for p in low])
                                ),
                                b=ConflictSide(
                                    _range_label(high[0]),
                                    _sort_evidence([p.evidence for p in high]),
                                ),
                            )
                        )
    return conflicts


def denial_conflicts(claims: list[RelationClaim]) -> list[Conflict]:
    """Relations that some sentences affirm and others deny."""
    return [
        Conflict(
            kind="denial",
            subject=claim.subject,
            topic=claim.predicate,
            object=claim.object,
            a=ConflictSide("affirmed", claim.affirmed),
            b=ConflictSide("denied", claim.denied),
        )
        for claim in claims
        if claim.affirmed and claim.denied
    ]


def conflicts_for(claims: list[RelationClaim], series: list[EstimateSeries]) -> list[Conflict]:
    return denial_conflicts(claims) + estimate_conflicts(series)
