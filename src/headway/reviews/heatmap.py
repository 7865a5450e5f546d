"""The momentum heat map and trend line, as numbers an SVG template draws.

One cell per week, like a contribution graph, for the months shown. Colours
come from one palette whose every shade is outlined by a grey that keeps 3:1
contrast (WCAG 1.4.11) against both a light and a dark page, so an empty week
and the darkest week are both told apart from the background; the level is
also written in each cell's title and in the table beside the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from headway.coach.drift import Drift, Suggestion
from headway.coach.momentum import LEVELS, Momentum

CELL_W, CELL_H, STEP = 11, 28, 14
LABEL_H = 16  # the row of month names above the cells
PAD = 2
TREND_H, TREND_PAD = 70, 14
# Level 0 (nothing) to 4, light to dark, from the site's accent green.
HEAT_FILLS = ("#f3f4f6", "#b9e3d3", "#64b89c", "#2a8a6e", "#0b4436")
HEAT_OUTLINE = "#767676"  # 4.5:1 on white, 4.6:1 on black
TREND_STROKE = "#1f6f5c"
BAR_FILL = "#9aa3b2"


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    fill: str
    level: int
    title: str


@dataclass(frozen=True)
class MonthLabel:
    x: int
    text: str


@dataclass(frozen=True)
class LegendItem:
    level: int
    fill: str
    text: str


@dataclass(frozen=True)
class TrendBar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    cell_w: int
    cell_h: int
    outline: str
    cells: tuple[Cell, ...]
    months: tuple[MonthLabel, ...]
    legend: tuple[LegendItem, ...]
    summary: str
    trend_width: int
    trend_height: int
    trend_bars: tuple[TrendBar, ...]
    trend_line: str  # polyline points of the three-month average
    trend_stroke: str
    trend_summary: str

    # The repeated SVG elements are joined here, not in the template: a year
    # of cells through the template engine cost more than the queries behind it.
    @property
    def cells_svg(self) -> SafeString:
        return format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}" '
            'stroke="{}" stroke-width="1" data-level="{}"><title>{}</title></rect>',
            (
                (c.x, c.y, self.cell_w, self.cell_h, c.fill, self.outline, c.level,
                 c.title)
                for c in self.cells
            ),
        )  # fmt: skip

    @property
    def months_svg(self) -> SafeString:
        return format_html_join(
            "",
            '<text class="heatmap-month" x="{}" y="11">{}</text>',
            ((label.x, label.text) for label in self.months),
        )

    @property
    def bars_svg(self) -> SafeString:
        return format_html_join(
            "",
            '<rect class="trend-bar" x="{}" y="{}" width="{}" height="{}" '
            'fill="{}"><title>{}</title></rect>',
            ((b.x, b.y, b.width, b.height, BAR_FILL, b.title) for b in self.trend_bars),
        )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _cell_title(start: date, score: float, count: int) -> str:
    if not count:
        return f"Week of {start:%-d %b %Y}: nothing logged"
    activities = _plural(count, "activity", "activities")
    return f"Week of {start:%-d %b %Y}: score {score:g} from {activities}"


def _legend(found: Momentum) -> tuple[LegendItem, ...]:
    """Each shade with the week scores it stands for."""
    items = [LegendItem(0, HEAT_FILLS[0], "no activity")]
    for level in range(1, LEVELS + 1):
        low = found.week_top * (level - 1) / LEVELS
        high = found.week_top * level / LEVELS
        text = f"over {low:.3g} to {high:.3g}" if found.week_top else "—"
        items.append(LegendItem(level, HEAT_FILLS[level], text))
    return tuple(items)


def _month_labels(found: Momentum) -> tuple[MonthLabel, ...]:
    labels = []
    seen: set[tuple[int, int]] = set()
    for index, cell in enumerate(found.weeks):
        for offset in range(7):
            day = date.fromordinal(cell.start.toordinal() + offset)
            if day.day == 1 and (day.year, day.month) not in seen:
                seen.add((day.year, day.month))
                text = f"{day:%b}" if day.month != 1 else f"{day:%b %Y}"
                labels.append(MonthLabel(PAD + index * STEP, text))
    return tuple(labels)


def _trend(found: Momentum, width: int) -> tuple[tuple[TrendBar, ...], str]:
    months = found.months
    if not months:
        return (), ""
    slot = (width - 2 * PAD) / len(months)
    top = max([m.score for m in months] + list(found.trend.moving_average) + [1.0])
    inner = TREND_H - 2 * TREND_PAD

    def y(value: float) -> float:
        return round(TREND_PAD + inner - inner * value / top, 1)

    bars = tuple(
        TrendBar(
            x=round(PAD + index * slot + slot * 0.2, 1),
            y=y(row.score),
            width=round(slot * 0.6, 1),
            height=round(inner * row.score / top, 1),
            title=f"{row.month:%B %Y}: {row.score:g}"
            + ("" if row.complete else " so far"),
        )
        for index, row in enumerate(months)
    )
    points = " ".join(
        f"{round(PAD + index * slot + slot / 2, 1)},{y(value)}"
        for index, value in enumerate(found.trend.moving_average)
    )
    return bars, points


def heat_map(found: Momentum) -> HeatMap:
    width = PAD * 2 + len(found.weeks) * STEP
    cells = tuple(
        Cell(
            x=PAD + index * STEP,
            y=LABEL_H,
            fill=HEAT_FILLS[cell.level],
            level=cell.level,
            title=_cell_title(cell.start, cell.score, cell.count),
        )
        for index, cell in enumerate(found.weeks)
    )
    bars, line = _trend(found, width)
    active = sum(1 for cell in found.weeks if cell.count)
    best = max(found.months, key=lambda m: m.score, default=None)
    summary = (
        f"{_plural(active, 'week', 'weeks')} of {len(found.weeks)} had growth activity"
    )
    if best is not None and best.score:
        summary += f"; the best month was {best.month:%B %Y} ({best.score:g})"
    trend = found.trend
    return HeatMap(
        width=width,
        height=LABEL_H + CELL_H + PAD,
        cell_w=CELL_W,
        cell_h=CELL_H,
        outline=HEAT_OUTLINE,
        cells=cells,
        months=_month_labels(found),
        legend=_legend(found),
        summary=summary + ".",
        trend_width=width,
        trend_height=TREND_H,
        trend_bars=bars,
        trend_line=line,
        trend_stroke=TREND_STROKE,
        trend_summary=f"Momentum is {trend.direction}: "
        f"{trend.slope:+.2g} points a month over the complete months; "
        "the line is the three-month average.",
    )


LINKS: dict[str, tuple[str, bool]] = {
    "goal": ("goals:goal-detail", True),
    "contact": ("network:contact-detail", True),
    "target_role": ("growth:index", False),
    "new_entry": ("journal:entry-list", False),
    "new_goal": ("goals:goal-create", False),
    "network": ("network:home", False),
}


def suggestion_url(suggestion: Suggestion) -> str:
    """The page where a suggestion is acted on."""
    name, takes_id = LINKS[suggestion.link_kind]
    return reverse(name, args=[suggestion.link_id] if takes_id else [])


def drift_view(drift: Drift) -> dict[str, Any]:
    return {
        "drifting": drift.drifting,
        "rules": drift.rules,
        "suggestions": [(s, suggestion_url(s)) for s in drift.suggestions],
    }
