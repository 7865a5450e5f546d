"""Goal services: every field of a goal, check-ins, done and drop, and bad input."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404

from headway.core.errors import Conflict
from headway.goals import selectors, services
from headway.goals.models import CheckIn, Goal
from headway.growth.services import priorities_rank_names
from tests.goals.factories import CheckInFactory, GoalFactory


@pytest.fixture(autouse=True)
def monday() -> Any:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def test_goal_create_keeps_every_field(alice: Any) -> None:
    goal = services.goal_create(
        owner=alice,
        statement="Apply for at least three internal postings every quarter",
        horizon="long",
        target="three",
        unit="applications",
        recurrence="quarterly",
        due="end of 2027",
        priority="promotion",
    )
    goal.refresh_from_db()
    assert (goal.horizon, goal.target, goal.unit) == ("long", 3.0, "applications")
    assert goal.recurrence == "quarter"
    assert goal.due == date(2027, 12, 31)
    assert goal.started_on == date(2026, 11, 23)
    assert goal.priority is not None
    assert goal.priority.catalog_key == "promotion"
    assert goal.status == "active"


def test_a_goal_that_fails_every_smart_check_is_still_saved(alice: Any) -> None:
    goal = services.goal_create(owner=alice, statement="I want a promotion")
    report = selectors.smart_of(goal, priorities=())
    assert report.passed == 0
    assert Goal.objects.filter(pk=goal.pk).exists()


@pytest.mark.parametrize(
    ("arguments", "field", "message"),
    [
        ({"statement": ""}, "statement", "empty"),
        ({"statement": "x" * 1001}, "statement", "limit is 1,000"),
        ({"target": "lots"}, "target", "not a number"),
        ({"target": "-2"}, "target", "more than zero"),
        ({"target": 0}, "target", "more than zero"),
        ({"due": "2026-01-01"}, "due", "before the start"),
        ({"due": "blorp"}, "due", "Cannot read"),
        ({"priority": "world peace"}, "priority", "No priority matches"),
        ({"recurrence": "fortnight"}, "recurrence", "Cannot repeat"),
        ({"recurrence": "month"}, "recurrence", "needs a target"),
        ({"horizon": "forever"}, "horizon", "short or long"),
    ],
)
def test_bad_input_names_the_problem_and_saves_nothing(
    alice: Any, arguments: dict[str, Any], field: str, message: str
) -> None:
    fields = {"statement": "Publish 3 articles by June 2027"} | arguments
    with pytest.raises(ValidationError) as raised:
        services.goal_create(owner=alice, **fields)
    assert field in raised.value.error_dict
    assert message in " ".join(raised.value.messages)
    assert Goal.objects.count() == 0


def test_a_check_in_on_a_dropped_goal_is_refused(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    services.goal_drop(owner=alice, goal_id=goal.pk, reason="Changed team")
    with pytest.raises(Conflict, match="dropped"):
        services.checkin_create(owner=alice, goal_id=goal.pk, value=1)
    assert CheckIn.objects.count() == 0


@pytest.mark.parametrize("value", ["many", "", "nan", "1e999"])
def test_a_check_in_value_must_be_a_number(alice: Any, value: str) -> None:
    goal = GoalFactory(owner=alice)
    with pytest.raises(ValidationError):
        services.checkin_create(owner=alice, goal_id=goal.pk, value=value)
    assert CheckIn.objects.count() == 0


def test_check_ins_move_progress_and_pace(alice: Any) -> None:
    goal = GoalFactory(owner=alice, target=4, started_on=date(2026, 11, 1))
    services.checkin_create(
        owner=alice, goal_id=goal.pk, value="two", note="Two drafts out"
    )
    progress = selectors.progress_of(goal)
    assert progress.done == 2
    assert progress.fraction == 0.5
    assert progress.pace == "ahead"
    assert goal.checkins.get().note == "Two drafts out"


def test_goal_as_dict_has_the_promised_shape(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    CheckInFactory(goal=goal, value=1)
    shown = selectors.goal_as_dict(goal)
    assert {"id", "statement", "status", "due", "target", "unit"} <= set(shown)
    assert shown["due"] == "2027-06-30"
    assert shown["progress"] == 0.25
    assert shown["pace"] in {"ahead", "on", "behind"}


def test_drop_keeps_the_reason_and_done_marks_achieved(alice: Any) -> None:
    first, second = GoalFactory(owner=alice), GoalFactory(owner=alice)
    services.goal_drop(owner=alice, goal_id=first.pk, reason="Left the company")
    services.goal_achieve(owner=alice, goal_id=second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.drop_reason) == ("dropped", "Left the company")
    assert (second.status, second.closed_on) == ("achieved", date(2026, 11, 23))


def test_a_drop_needs_a_reason(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    with pytest.raises(ValidationError, match="reason"):
        services.goal_drop(owner=alice, goal_id=goal.pk, reason="  ")
    goal.refresh_from_db()
    assert goal.status == "active"


def test_another_users_goal_is_not_found(alice: Any, bob: Any) -> None:
    goal = GoalFactory(owner=alice)
    with pytest.raises(Http404):
        services.checkin_create(owner=bob, goal_id=goal.pk, value=1)
    with pytest.raises(Http404):
        services.goal_drop(owner=bob, goal_id=goal.pk, reason="mine now")
    with pytest.raises(Http404):
        selectors.goal_get(owner=bob, pk=goal.pk)


def test_another_users_priority_cannot_be_linked(alice: Any, bob: Any) -> None:
    priorities_rank_names(owner=bob, names=["promotion"])
    assert selectors.current_priority_names(owner=bob) == (
        "Promotion to a more senior role",
    )
    from headway.growth.models import Priority

    bobs_priority = Priority.objects.get(owner=bob, catalog_key="promotion")
    with pytest.raises(ValidationError, match="No priority"):
        services.goal_create(owner=alice, statement="Lead", priority=bobs_priority.pk)


def test_goal_update_changes_fields_and_keeps_check_ins(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    CheckInFactory(goal=goal)
    services.goal_update(
        owner=alice, goal_id=goal.pk, statement="Publish 6 articles", target=6
    )
    goal.refresh_from_db()
    assert (goal.statement, goal.target, goal.checkins.count()) == (
        "Publish 6 articles",
        6.0,
        1,
    )


def test_goals_list_takes_the_same_queries_for_one_or_many_goals(
    alice: Any, django_assert_num_queries: Any
) -> None:
    for _ in range(5):
        CheckInFactory(goal=GoalFactory(owner=alice))
    with django_assert_num_queries(2):
        shown = [selectors.goal_as_dict(g) for g in selectors.goals_list(owner=alice)]
    assert len(shown) == 5
