"""Geometry of the profile's dated-knowledge chart: leadership and bases on a time axis.

One row per relation: a bar from when it was first seen to when it was last seen; a
dashed continuation when nothing says it ended (it may still hold); a red tick where a
statement ends it ("former leader", "until his death"). Drawn as inline SVG by the
profile template.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from oxus.analysis.profile import Section
from oxus.web.charts import decimal_year

WIDTH = 560
LABEL = 190
ROW = 18
TOP, BOTTOM, RIGHT = 6, 22, 14


@dataclass
class PeriodRow:
    y: float
    label: str
    section: str
    href: str
    x1: float
    x2: float
    open_to: float | None
    """Where the dashed "may still hold" line ends, when nothing ended it."""
    end_x: float | None
    title: str
    ended: bool


@dataclass
class PeriodChart:
    width: int = WIDTH
    height: int = 0
    left: int = LABEL
    right: int = WIDTH - RIGHT
    bottom: float = 0
    rows: list[PeriodRow] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)


def period_chart(sections: list[Section], *, today: str) -> PeriodChart | None:
    """The chart for these sections' links that have dates, or None when none has."""
    dated = [
        (section, link, link.dates)
        for section in sections
        for link in section.links
        if link.dates and (link.dates.first_seen or link.dates.last_seen or link.dates.ended)
    ]
    if not dated:
        return None
    years = [
        decimal_year(d)
        for _, _, dates in dated
        for d in (dates.first_seen, dates.last_seen, dates.ended)
        if d
    ]
    start = math.floor(min(years))
    stop = max(math.ceil(max(years) + 0.01), math.ceil(decimal_year(today)))
    chart = PeriodChart(height=TOP + ROW * len(dated) + BOTTOM)
    chart.bottom = chart.height - BOTTOM
    span = max(stop - start, 1)

    def x(year: float) -> float:
        return round(chart.left + (year - start) / span * (chart.right - chart.left), 1)

    step = max(1, math.ceil(span / 8))
    chart.x_ticks = [(x(y), str(y)) for y in range(start, stop + 1, step)]
    for number, (section, link, dates) in enumerate(dated):
        first = dates.first_seen or dates.last_seen or dates.ended or today
        last = dates.ended or dates.last_seen or first
        x1, x2 = x(decimal_year(first)), x(decimal_year(last))
        if x2 - x1 < 4:
            x2 = x1 + 4
        chart.rows.append(
            PeriodRow(
                y=TOP + number * ROW,
                label=link.other.name,
                section=section.title,
                href=f"/entities/{link.other.id}",
                x1=x1,
                x2=x2,
                open_to=None if dates.ended else x(stop),
                end_x=x2 if dates.ended else None,
                title=f"{section.title}: {link.other.name}, {link.period}",
                ended=bool(dates.ended),
            )
        )
    return chart
