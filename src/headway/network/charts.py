"""The network's growth as a small line chart: numbers an SVG template draws."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from headway.coach.network import GrowthYear

WIDTH, HEIGHT, PAD_X, PAD_TOP, PAD_BOTTOM = 320, 130, 28, 12, 22


@dataclass(frozen=True)
class YearMark:
    x: float
    label: str


@dataclass(frozen=True)
class GrowthChart:
    width: int
    height: int
    size_line: str  # "x,y x,y …": the network's size at each year's end
    size_area: str  # the same line closed down to the axis
    strong_line: str  # strong ties (strength 4-5) at each year's end
    baseline: float
    top_label: str
    years: tuple[YearMark, ...]
    summary: str  # the text alternative


def growth_chart(growth: Sequence[GrowthYear]) -> GrowthChart | None:
    """None with fewer than two years: one point is not a line."""
    if len(growth) < 2:
        return None
    top = max(max(year.total for year in growth), 1)
    step = (WIDTH - 2 * PAD_X) / (len(growth) - 1)
    baseline = HEIGHT - PAD_BOTTOM

    def point(index: int, value: int) -> str:
        y = baseline - (baseline - PAD_TOP) * value / top
        return f"{round(PAD_X + index * step, 1)},{round(y, 1)}"

    size = " ".join(point(i, year.total) for i, year in enumerate(growth))
    strong = " ".join(point(i, year.strong_total) for i, year in enumerate(growth))
    right = round(PAD_X + (len(growth) - 1) * step, 1)
    area = f"{PAD_X},{baseline} {size} {right},{baseline}"
    first, last = growth[0], growth[-1]
    every = max(1, len(growth) // 6)  # at most about six year labels
    marks = tuple(
        YearMark(round(PAD_X + i * step, 1), str(year.year))
        for i, year in enumerate(growth)
        if i % every == 0 or i == len(growth) - 1
    )
    summary = (
        f"Your network grew from {first.total} contacts in {first.year} to "
        f"{last.total} in {last.year}; strong ties from {first.strong_total} "
        f"to {last.strong_total}."
    )
    return GrowthChart(
        WIDTH, HEIGHT, size, area, strong, baseline, str(top), marks, summary
    )
