"""The momentum selector reads the owner's activities, and only theirs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from headway.coach.drift import DriftThresholds
from headway.growth.models import Skill
from headway.growth.services import target_role_set
from headway.network.services import contact_create
from headway.reviews.momentum import momentum_report, report_as_dict
from tests.factories import EntryFactory, UserFactory
from tests.goals.factories import CheckInFactory, GoalFactory
from tests.network.factories import ContactFactory

TODAY = dt.date(2026, 12, 3)
NOW = "2026-12-03 10:00:00Z"
pytestmark = pytest.mark.django_db


def joined_long_ago(user: Any) -> Any:
    user.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    user.save()
    return user


def month(report: Any, label: str) -> dict[str, Any]:
    return next(m for m in report_as_dict(report)["months"] if m["month"] == label)


@time_machine.travel(NOW, tick=False)
def test_each_kind_of_activity_counts_in_its_month_with_its_weight(alice: Any) -> None:
    day = dt.date(2026, 11, 10)
    EntryFactory(owner=alice, kind="talk", occurred_on=day,
                 details={"venue_kind": "conference"})  # fmt: skip
    EntryFactory(owner=alice, kind="learning", occurred_on=day,
                 details={"subtype": "certification", "outcome": "passed"})  # fmt: skip
    EntryFactory(owner=alice, kind="accomplishment", occurred_on=day,
                 numbers="3", example="e", achievement="a", result="r")  # fmt: skip
    EntryFactory(owner=alice, kind="accomplishment", occurred_on=day)
    EntryFactory(owner=alice, kind="reading", occurred_on=day)
    EntryFactory(owner=alice, kind="note", occurred_on=day)
    CheckInFactory(goal=GoalFactory(owner=alice), checked_on=day)
    ContactFactory(owner=alice, strength=5, met_on=day)
    ContactFactory(owner=alice, strength=3, met_on=day)
    november = month(momentum_report(owner=alice, today=TODAY), "2026-11")
    assert november["activities"] == {
        "accomplishment": 2, "learning": 1, "talk": 1, "strong_tie": 1,
        "goal_checkin": 1, "reading": 1,
    }  # fmt: skip
    assert november["score"] == 8 + 8 + 6 + 2 + 1 + 1.5 + 4


@time_machine.travel(NOW, tick=False)
def test_a_strong_tie_without_a_meeting_date_counts_on_the_day_it_was_added(
    alice: Any,
) -> None:
    contact_create(owner=alice, name="Grace Hopper", strength=4)
    december = month(momentum_report(owner=alice, today=TODAY), "2026-12")
    assert december["activities"] == {"strong_tie": 1}


@time_machine.travel(NOW, tick=False)
def test_bob_sees_none_of_alices_activity(alice: Any, bob: Any) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 2))
    CheckInFactory(goal=GoalFactory(owner=alice, statement="Alice only"))
    ContactFactory(owner=alice, strength=5, met_on=dt.date(2026, 11, 2))
    found = report_as_dict(momentum_report(owner=bob, today=TODAY))
    assert all(m["score"] == 0 and m["activities"] == {} for m in found["months"])
    assert "Alice only" not in str(found)


@time_machine.travel(NOW, tick=False)
def test_a_quiet_owner_is_drifting_on_every_rule_with_its_start(alice: Any) -> None:
    joined_long_ago(alice)
    EntryFactory(owner=alice, kind="learning", occurred_on=dt.date(2026, 1, 15),
                 details={"subtype": "certification", "outcome": "passed"})  # fmt: skip
    ContactFactory(owner=alice, strength=5, met_on=dt.date(2026, 2, 1))
    CheckInFactory(goal=GoalFactory(owner=alice), checked_on=dt.date(2026, 3, 1))
    drift = report_as_dict(momentum_report(owner=alice, today=TODAY))["drift"]
    assert drift["drifting"]
    assert {r["rule"]: r["since"] for r in drift["rules"]} == {
        "low_months": "2026-02-01",
        "no_learning": "2026-04-15",
        "no_strong_tie": "2026-07-31",
        "no_goal_progress": "2026-04-30",
    }


@time_machine.travel(NOW, tick=False)
def test_a_low_run_older_than_the_window_keeps_its_true_start(alice: Any) -> None:
    joined_long_ago(alice)
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2024, 6, 5),
                 details={"venue_kind": "conference"})  # fmt: skip
    rules = report_as_dict(momentum_report(owner=alice, today=TODAY))["drift"]["rules"]
    assert {r["rule"]: r["since"] for r in rules}["low_months"] == "2024-07-01"


@time_machine.travel(NOW, tick=False)
def test_suggestions_name_the_owners_goal_need_and_mentor(alice: Any) -> None:
    joined_long_ago(alice)
    goal = GoalFactory(
        owner=alice,
        statement="Publish four articles",
        started_on=dt.date(2026, 1, 1),
        due=dt.date(2027, 1, 31),
    )
    CheckInFactory(goal=goal, checked_on=dt.date(2026, 2, 1), value=1)
    target_role_set(owner=alice, name="Staff Engineer", needs=["Kubernetes"])
    mentor = contact_create(owner=alice, name="Ada Lovelace", strength=5,
                            met_on=dt.date(2025, 1, 1), tags=["mentor"])  # fmt: skip
    Skill.objects.create(owner=alice, name="kubernetes")
    drift = report_as_dict(momentum_report(owner=alice, today=TODAY))["drift"]
    links = [s["link"] for s in drift["suggestions"]]
    assert links == [
        {"kind": "goal", "id": goal.pk},
        {"kind": "target_role", "id": None},
        {"kind": "contact", "id": mentor.pk},
    ]


@time_machine.travel(NOW, tick=False)
def test_thresholds_can_be_changed_by_the_caller(alice: Any) -> None:
    EntryFactory(owner=alice, kind="learning", occurred_on=dt.date(2026, 11, 1))
    strict = DriftThresholds(learning_days=10, low_months=99)
    rules = momentum_report(owner=alice, today=TODAY, limits=strict).drift.rules
    assert [r.rule for r in rules] == ["no_learning"]


@time_machine.travel(NOW, tick=False)
def test_the_query_count_does_not_grow_with_entries(alice: Any) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            momentum_report(owner=alice, today=TODAY, limits=DriftThresholds(
                month_score=0, learning_days=9999, strong_tie_days=9999,
                goal_days=9999))  # fmt: skip
        return len(captured)

    EntryFactory(owner=alice, kind="reading", occurred_on=dt.date(2026, 5, 1))
    few = queries()
    for n in range(20):
        EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 6, n + 1))
        CheckInFactory(goal=GoalFactory(owner=alice), checked_on=dt.date(2026, 7, 1))
        ContactFactory(owner=alice, strength=5)
    assert queries() == few


def test_a_user_factory_owner_starts_quiet(db: None) -> None:
    owner = UserFactory(username="newcomer")
    found = momentum_report(owner=owner, today=dt.date.today())  # noqa: DTZ011
    assert not found.drift.drifting


@time_machine.travel(NOW, tick=False)
def test_the_due_list_can_read_only_the_mentors(alice: Any) -> None:
    from headway.network.selectors import due_list

    assert due_list(owner=alice, today=TODAY, tagged="mentor") == []
    old = dt.date(2025, 1, 1)
    contact_create(owner=alice, name="Not a mentor", strength=5, met_on=old)
    contact_create(owner=alice, name="Ada", strength=5, met_on=old, tags=["mentor"])
    rows = due_list(owner=alice, today=TODAY, tagged="mentor")
    assert [row.item.name for row in rows] == ["Ada"]
