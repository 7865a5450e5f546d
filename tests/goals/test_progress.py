"""Progress is computed: cumulative for counts, per period for recurring targets."""

from __future__ import annotations

from datetime import date

from headway.coach.progress import (
    CheckInPoint,
    GoalFigures,
    goal_progress,
    period_bounds,
)


def figures(**fields: object) -> GoalFigures:
    base: dict[str, object] = {
        "today": date(2026, 11, 23),
        "started_on": date(2026, 1, 1),
        "target": 10.0,
        "due": date(2026, 12, 31),
    }
    return GoalFigures(**(base | fields))  # type: ignore[arg-type]


def points(*pairs: tuple[str, float]) -> tuple[CheckInPoint, ...]:
    return tuple(CheckInPoint(date.fromisoformat(day), value) for day, value in pairs)


def test_a_count_target_adds_up_every_check_in() -> None:
    found = goal_progress(
        figures(checkins=points(("2026-02-01", 3), ("2026-10-01", 6)))
    )
    assert found.done == 9
    assert found.fraction == 0.9
    assert found.pace == "on"


def test_progress_well_below_the_line_is_behind() -> None:
    found = goal_progress(figures(checkins=points(("2026-02-01", 2))))
    assert found.fraction == 0.2
    assert found.pace == "behind"


def test_progress_well_above_the_line_is_ahead() -> None:
    found = goal_progress(
        figures(today=date(2026, 3, 1), checkins=points(("2026-02-01", 6)))
    )
    assert found.pace == "ahead"


def test_progress_never_passes_one() -> None:
    found = goal_progress(figures(checkins=points(("2026-02-01", 30))))
    assert found.fraction == 1.0


def test_a_recurring_target_counts_only_the_current_period() -> None:
    found = goal_progress(
        figures(
            target=3.0,
            recurrence="quarter",
            due=None,
            checkins=points(("2026-09-30", 3), ("2026-10-02", 1), ("2026-11-20", 1)),
        )
    )
    assert (found.done, found.target) == (2, 3)
    assert found.window_start == date(2026, 10, 1)
    assert found.window_end == date(2026, 12, 31)
    assert found.pace == "on"


def test_no_target_means_no_progress_and_no_pace() -> None:
    found = goal_progress(figures(target=None))
    assert (found.fraction, found.pace) == (None, None)


def test_no_due_date_means_no_pace_for_a_count() -> None:
    assert goal_progress(figures(due=None)).pace is None


def test_an_achieved_goal_is_complete_and_a_dropped_one_has_no_pace() -> None:
    assert goal_progress(figures(status="achieved")).fraction == 1.0
    assert goal_progress(figures(status="dropped")).pace is None


def test_period_bounds_cover_week_month_quarter_and_year() -> None:
    day = date(2026, 11, 25)
    assert period_bounds(day, "week") == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_bounds(day, "month") == (date(2026, 11, 1), date(2026, 11, 30))
    assert period_bounds(day, "quarter") == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_bounds(day, "year") == (date(2026, 1, 1), date(2026, 12, 31))


def test_a_new_recurring_goal_is_not_behind_on_its_first_day() -> None:
    found = goal_progress(
        figures(
            started_on=date(2026, 11, 23),
            target=3.0,
            recurrence="quarter",
            due=None,
        )
    )
    assert found.window_start == date(2026, 11, 23)
    assert found.expected == 0.0
    assert found.pace == "on"


def test_the_first_period_target_is_pro_rated_to_the_days_left() -> None:
    # Set on 23 Nov with 39 of the quarter's 92 days left: 3 becomes 2 (1.27 up).
    found = goal_progress(
        figures(
            started_on=date(2026, 11, 23),
            target=3.0,
            recurrence="quarter",
            due=None,
            checkins=points(("2026-11-23", 1)),
        )
    )
    assert found.target == 2.0
    assert found.fraction == 0.5


def test_later_periods_ask_for_the_whole_target() -> None:
    found = goal_progress(
        figures(
            today=date(2027, 2, 1),
            started_on=date(2026, 11, 23),
            target=3.0,
            recurrence="quarter",
            due=None,
        )
    )
    assert (found.window_start, found.target) == (date(2027, 1, 1), 3.0)


def test_a_goal_without_a_target_is_done_or_not_yet() -> None:
    open_goal = goal_progress(figures(target=None, checkins=points(("2026-02-01", 1))))
    assert (open_goal.yes_no, open_goal.state, open_goal.fraction) == (
        True,
        "not yet",
        None,
    )
    achieved = goal_progress(figures(target=None, status="achieved"))
    assert achieved.state == "done"
    assert goal_progress(figures()).state == ""
