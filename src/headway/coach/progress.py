"""Progress on a goal from its check-ins, and its pace against a straight line.

A count target adds up every check-in ("3 applications"); a recurring target
counts only the check-ins of the current period ("2 of 3 this quarter"). Pace
compares the share done with the share of time gone, from the start (or the
period's start) to the due date (or the period's end). A recurring goal's
first period runs from the day it was set, with its target pro-rated to the
days left, so a new goal is never behind on its first day. A goal without a
target is a yes/no: done once achieved, not yet before.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

Pace = Literal["ahead", "on", "behind"]
PACE_TOLERANCE = 0.1  # within ten points of the line counts as on pace


@dataclass(frozen=True)
class CheckInPoint:
    checked_on: date
    value: float


@dataclass(frozen=True)
class GoalFigures:
    today: date
    started_on: date
    target: float | None = None
    recurrence: str = ""
    due: date | None = None
    status: str = "active"
    checkins: tuple[CheckInPoint, ...] = ()


@dataclass(frozen=True)
class Progress:
    done: float
    target: float | None
    fraction: float | None
    expected: float | None
    pace: Pace | None
    window_start: date
    window_end: date | None
    achieved: bool = False

    @property
    def yes_no(self) -> bool:
        """A goal with no number to reach: it is done or not yet."""
        return self.target is None

    @property
    def state(self) -> str:
        """ "done" / "not yet" for a yes/no goal; "" for a goal with a target."""
        if not self.yes_no:
            return ""
        return "done" if self.achieved else "not yet"


def period_bounds(day: date, period: str) -> tuple[date, date]:
    """The week (Monday first), month, quarter or year that contains `day`."""
    if period == "week":
        start = date.fromordinal(day.toordinal() - day.weekday())
        return start, date.fromordinal(start.toordinal() + 6)
    if period == "month":
        first_month = last_month = day.month
    elif period == "quarter":
        first_month = (day.month - 1) // 3 * 3 + 1
        last_month = first_month + 2
    else:
        first_month, last_month = 1, 12
    end_day = calendar.monthrange(day.year, last_month)[1]
    return date(day.year, first_month, 1), date(day.year, last_month, end_day)


def goal_progress(figures: GoalFigures) -> Progress:
    start, end = _window(figures)
    counted = [
        point.value
        for point in figures.checkins
        if not figures.recurrence or start <= point.checked_on <= (end or start)
    ]
    done = float(sum(counted))
    target = _period_target(figures, start)
    if figures.status == "achieved":
        return Progress(done, target, 1.0, None, None, start, end, achieved=True)
    if target is None:
        return Progress(done, None, None, None, None, start, end)
    fraction = max(0.0, min(done / target, 1.0))
    expected = _expected(figures.today, start, end)
    pace = None if figures.status == "dropped" else _pace(fraction, expected)
    return Progress(done, target, fraction, expected, pace, start, end)


def _window(figures: GoalFigures) -> tuple[date, date | None]:
    if figures.recurrence:
        start, end = period_bounds(figures.today, figures.recurrence)
        # The first period counts from the day the goal was set.
        return max(start, min(figures.started_on, end)), end
    return figures.started_on, figures.due


def _period_target(figures: GoalFigures, start: date) -> float | None:
    """The target, pro-rated in a recurring goal's first, shortened period.

    A whole-number target stays whole (rounded up): "3 a quarter" set with a
    month left asks for 1, not 0.99.
    """
    target = figures.target if figures.target and figures.target > 0 else None
    if target is None or not figures.recurrence:
        return target
    first, last = period_bounds(figures.today, figures.recurrence)
    if start <= first:
        return target
    share = ((last - start).days + 1) / ((last - first).days + 1)
    scaled = target * share
    return float(math.ceil(scaled)) if target == int(target) else round(scaled, 2)


def _expected(today: date, start: date, end: date | None) -> float | None:
    if end is None:
        return None
    length = (end - start).days
    if length <= 0:
        return 1.0
    return max(0.0, min((today - start).days / length, 1.0))


def _pace(fraction: float, expected: float | None) -> Pace | None:
    if expected is None:
        return None
    if fraction >= 1.0 or fraction > expected + PACE_TOLERANCE:
        return "ahead" if fraction < 1.0 or expected < 1.0 else "on"
    if fraction < expected - PACE_TOLERANCE:
        return "behind"
    return "on"
