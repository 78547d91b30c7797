"""Geometry of the strength-over-time chart, drawn as inline SVG by the profile template.

Each reported figure is a point (its middle) with a bar over its range; open-ended
figures ("at least 200") get an arrow. Every point links to its source sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from oxus.analysis.claims import EstimatePoint, EstimateSeries
from oxus.web.render import evidence_href

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 10, 24


@dataclass
class ChartPoint:
    x: float
    y: float
    y_low: float
    y_high: float
    open_up: bool
    open_down: bool
    href: str
    label: str


@dataclass
class Chart:
    measure: str
    width: int = WIDTH
    height: int = HEIGHT
    points: list[ChartPoint] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    right: float = WIDTH - RIGHT


def decimal_year(date: str) -> float:
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (day - 1) / 365


def _nice_max(value: float) -> float:
    if value <= 0:
        return 10.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _fmt(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


def point_label(point: EstimatePoint, measure: str) -> str:
    if point.low is not None and point.low == point.high:
        amount = _fmt(point.low)
    elif point.high is None:
        amount = f"≥{_fmt(point.low)}"
    elif point.low is None:
        amount = f"≤{_fmt(point.high)}"
    else:
        amount = f"{_fmt(point.low)}–{_fmt(point.high)}"
    ev = point.evidence
    who = ev.asserted_by.name if ev.asserted_by else (ev.outlet or ev.document_id)
    hedge = ", hedged" if ev.hedged else ""
    return f"{amount} {measure} ({point.qualifier}{hedge}) as of {point.date} — {who}"


def strength_chart(series: EstimateSeries) -> Chart | None:
    """Chart geometry for one measure's figures over time; None when nothing is plottable."""
    usable = [
        p
        for p in series.points
        if p.date and p.date[:4].isdigit() and (p.low is not None or p.high is not None)
    ]
    usable = [p for p in usable if p.qualifier != "change"]
    if not usable:
        return None
    xs = [decimal_year(p.date or "") for p in usable]
    x_min, x_max = math.floor(min(xs)), math.floor(max(xs)) + 1
    top = _nice_max(max(max(v for v in (p.low, p.high) if v is not None) for p in usable) * 1.1)
    chart = Chart(measure=series.measure)
    plot_w = chart.right - chart.left
    plot_h = chart.bottom - TOP

    def sx(x: float) -> float:
        return round(chart.left + (x - x_min) / (x_max - x_min) * plot_w, 1)

    def sy(y: float) -> float:
        return round(chart.bottom - min(y, top) / top * plot_h, 1)

    step = max(1, (x_max - x_min) // 8)
    chart.x_ticks = [(sx(year), str(year)) for year in range(x_min, x_max + 1, step)]
    chart.y_ticks = [(sy(top * i / 4), _fmt(top * i / 4)) for i in range(5)]
    for point, x in zip(usable, xs, strict=True):
        low = point.low if point.low is not None else 0.0
        high = point.high if point.high is not None else top
        middle = (
            (point.low + point.high) / 2
            if point.low is not None and point.high is not None
            else point.low
            if point.low is not None
            else point.high
        )
        chart.points.append(
            ChartPoint(
                x=sx(x),
                y=sy(middle or 0.0),
                y_low=sy(low),
                y_high=sy(high),
                open_up=point.high is None,
                open_down=point.low is None,
                href=evidence_href(point.evidence),
                label=point_label(point, series.measure),
            )
        )
    return chart
