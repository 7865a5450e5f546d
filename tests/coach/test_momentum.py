"""Momentum: effort weights, month and week scores, shades and trend."""

from __future__ import annotations

from datetime import date

import pytest

from headway.coach.momentum import (
    EFFORT_WEIGHTS,
    Activity,
    effort,
    momentum,
    passed,
    shade,
    slope,
)

TODAY = date(2026, 12, 3)


def weight(kind: str, subkind: str = "", **fields: object) -> float:
    return effort(Activity(on=TODAY, kind=kind, subkind=subkind, **fields))  # type: ignore[arg-type]


def test_a_conference_talk_outweighs_a_user_group_talk_and_that_an_internal_one() -> (
    None
):
    assert weight("talk", "conference") > weight("talk", "user_group")
    assert weight("talk", "user_group") > weight("talk", "internal")


def test_a_certification_passed_weighs_more_than_an_exam_than_a_course() -> None:
    certification = weight("learning", "certification", outcome="Passed, 87 %")
    assert certification > weight("learning", "exam")
    assert weight("learning", "exam") > weight("learning", "course")


def test_a_certification_not_passed_weighs_no_more_than_an_exam() -> None:
    failed = weight("learning", "certification", outcome="failed, retake in May")
    assert failed == weight("learning", "exam")
    assert failed < weight("learning", "certification", outcome="passed")


def test_a_near_complete_accomplishment_outweighs_a_partial_then_a_bare_one() -> None:
    complete = weight("accomplishment", near_parts=4)
    assert complete > weight("accomplishment", near_parts=2)
    assert weight("accomplishment", near_parts=2) > weight("accomplishment")


def test_a_reading_entry_weighs_least_of_every_activity() -> None:
    reading = EFFORT_WEIGHTS[("reading", "")]
    others = [w for (kind, _), w in EFFORT_WEIGHTS.items() if kind != "reading"]
    assert all(reading < other for other in others)


def test_a_new_strong_tie_outweighs_a_goal_check_in_which_outweighs_reading() -> None:
    assert weight("strong_tie") > weight("goal_checkin") > weight("reading") > 0


def test_an_unknown_subtype_falls_back_to_its_kind_weight() -> None:
    assert weight("talk", "podcast") == EFFORT_WEIGHTS[("talk", "")]


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [("passed", True), ("Pass (score 812)", True), ("did not pass", False),
     ("failed", False), ("completed", False), ("", False)],
)  # fmt: skip
def test_an_outcome_reads_as_passed_only_when_it_says_so(
    outcome: str, expected: bool
) -> None:
    assert passed(outcome) is expected


def test_each_month_adds_its_weights_and_counts_activities_by_kind() -> None:
    result = momentum(
        [
            Activity(date(2026, 11, 2), "talk", "conference"),
            Activity(date(2026, 11, 20), "reading", times=3),
            Activity(date(2026, 10, 31), "goal_checkin"),
        ],
        today=TODAY,
    )
    november = result.months[-2]
    assert november.label == "2026-11"
    assert november.score == 8 + 3 * 1
    assert november.activities == {"talk": 1, "reading": 3}
    assert result.months[-3].activities == {"goal_checkin": 1}
    assert result.months[0].label == "2026-01"
    assert len(result.months) == 12


def test_activities_outside_the_window_are_left_out() -> None:
    result = momentum(
        [
            Activity(date(2025, 12, 31), "talk", "conference"),
            Activity(date(2026, 12, 4), "talk", "conference"),
        ],
        today=TODAY,
    )
    assert sum(m.score for m in result.months) == 0


def test_only_the_month_that_holds_today_is_incomplete() -> None:
    result = momentum([], today=TODAY, months=3)
    assert [m.complete for m in result.months] == [True, True, False]


def test_weeks_start_on_monday_and_cover_the_window_up_to_today() -> None:
    result = momentum([Activity(date(2026, 1, 1), "reading")], today=TODAY)
    assert result.weeks[0].start == date(2025, 12, 29)
    assert all(cell.start.weekday() == 0 for cell in result.weeks)
    assert result.weeks[-1].start <= TODAY < date(2026, 12, 7)
    assert len(result.weeks) == 49
    assert result.weeks[0].count == 1


def test_the_best_week_gets_the_darkest_shade_and_empty_weeks_none() -> None:
    result = momentum(
        [
            Activity(date(2026, 6, 1), "talk", "conference"),
            Activity(date(2026, 6, 9), "reading"),
        ],
        today=TODAY,
    )
    levels = {cell.start: cell.level for cell in result.weeks}
    assert levels[date(2026, 6, 1)] == 4
    assert levels[date(2026, 6, 8)] == 1
    assert levels[date(2026, 6, 15)] == 0
    assert shade(0, 10) == 0
    assert shade(5, 10) == 2


def test_the_trend_rises_with_growing_months_and_ignores_the_current_one() -> None:
    rising = [
        Activity(date(2026, month, 10), "reading", times=month)
        for month in range(1, 13)
    ]
    result = momentum(rising, today=TODAY)
    assert result.trend.direction == "rising"
    assert result.trend.slope == pytest.approx(1.0)
    assert len(result.trend.moving_average) == 12
    assert result.trend.moving_average[2] == pytest.approx(2.0)


def test_the_trend_falls_and_an_empty_year_is_steady() -> None:
    falling = [
        Activity(date(2026, month, 10), "reading", times=13 - month)
        for month in range(1, 12)
    ]
    assert momentum(falling, today=TODAY).trend.direction == "falling"
    assert momentum([], today=TODAY).trend.direction == "steady"


def test_least_squares_slope_of_a_straight_line_is_its_step() -> None:
    assert slope([1, 3, 5, 7]) == pytest.approx(2)
    assert slope([4]) == 0
