"""The yearly review's judgements: which wins lead, which months were quiet."""

from __future__ import annotations

import datetime as dt

from headway.coach.yearly import Accomplishment, quiet_months, top_accomplishments


def win(
    pk: int, *, starred: bool = False, parts: int = 0, day: int = 1
) -> Accomplishment:
    return Accomplishment(pk, f"win {pk}", dt.date(2026, 3, day), starred, parts)


def test_starred_then_fullest_near_then_newest_lead() -> None:
    items = [
        win(1, parts=4, day=2),
        win(2, starred=True, parts=1),
        win(3, parts=4, day=9),
        win(4, parts=2, day=20),
    ]
    assert [item.id for item in top_accomplishments(items, limit=3)] == [2, 3, 1]


def test_no_accomplishments_and_a_zero_limit_give_nothing() -> None:
    assert top_accomplishments([]) == []
    assert top_accomplishments([win(1)], limit=0) == []


def test_months_under_the_threshold_are_quiet_in_order() -> None:
    scores = {
        dt.date(2026, 3, 1): 2.0,
        dt.date(2026, 1, 1): 0.0,
        dt.date(2026, 2, 1): 6.0,
    }
    assert quiet_months(scores, threshold=6.0) == [
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 1),
    ]
