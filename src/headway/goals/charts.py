"""The progress-against-the-line chart, as numbers an SVG template can draw."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from headway.coach.progress import Progress
from headway.goals.models import Goal

WIDTH, HEIGHT, PAD = 320, 140, 24


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    line: str  # the straight line from start to due: "x1,y1 x2,y2"
    done: str  # the cumulative progress as a step line
    today_x: float
    start_label: str
    end_label: str
    top_label: str
    summary: str


def progress_chart(goal: Goal, progress: Progress, *, today: date) -> Chart | None:
    """None when there is nothing to draw: no target or no end to the window."""
    if progress.target is None or progress.window_end is None:
        return None
    start, end = progress.window_start, progress.window_end
    span = max((end - start).days, 1)
    top = max(progress.target, progress.done, 1.0)

    def x(day: date) -> float:
        return round(
            PAD + (WIDTH - 2 * PAD) * min(max((day - start).days / span, 0), 1), 1
        )

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (HEIGHT - 2 * PAD) * min(value / top, 1), 1)

    points = [(x(start), y(0))]
    total = 0.0
    for checkin in sorted(goal.checkins.all(), key=lambda c: (c.checked_on, c.pk)):
        if goal.recurrence and not start <= checkin.checked_on <= end:
            continue
        points.append((x(checkin.checked_on), points[-1][1]))
        total += checkin.value
        points.append((x(checkin.checked_on), y(max(total, 0))))
    points.append((x(min(today, end)), points[-1][1]))
    unit = f" {goal.unit}" if goal.unit else ""
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        line=f"{x(start)},{y(0)} {x(end)},{y(progress.target)}",
        done=" ".join(f"{px},{py}" for px, py in points),
        today_x=x(min(today, end)),
        start_label=start.strftime("%-d %b %Y"),
        end_label=end.strftime("%-d %b %Y"),
        top_label=f"{progress.target:g}{unit}",
        summary=f"{progress.done:g} of {progress.target:g}{unit} done; "
        f"the straight line expects {(progress.expected or 0) * progress.target:.1f} "
        "by today.",
    )
