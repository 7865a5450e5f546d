"""Cadences, agenda marks and the agenda gathered from every area."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from headway.core.errors import NotFound
from headway.goals.services import checkin_create, goal_create
from headway.journal.services import entry_create
from headway.network.services import contact_create, preferences_get
from headway.reviews import selectors, services
from headway.reviews.models import Cadence

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def cadence(owner: Any, kind: str) -> selectors.CadenceRow:
    return next(row for row in selectors.cadences_list(owner=owner) if row.kind == kind)


def kinds(owner: Any, **options: Any) -> list[tuple[str, str]]:
    return [(row.kind, row.title) for row in selectors.agenda(owner=owner, **options)]


def test_every_cadence_has_its_default_before_the_owner_changes_any(
    alice: Any,
) -> None:
    shown = {row.kind: row.every_days for row in selectors.cadences_list(owner=alice)}
    assert shown == {
        "weekly": 7,
        "manager": 14,
        "quarterly": 91,
        "yearly": 365,
        "mentor": 42,
    }
    assert not Cadence.objects.exists()


def test_a_cadence_changed_switched_off_and_named_forgivingly(alice: Any) -> None:
    services.cadence_set(owner=alice, kind="1:1", every_days=7)
    services.cadence_set(owner=alice, kind="Yearly review", every_days=None)
    assert cadence(alice, "manager").every_days == 7
    assert cadence(alice, "yearly").every_days is None
    assert cadence(alice, "yearly").next_due is None


def test_an_unknown_cadence_or_a_bad_interval_changes_nothing(alice: Any) -> None:
    with pytest.raises(NotFound, match="the cadences are weekly"):
        services.cadence_set(owner=alice, kind="daily", every_days=1)
    with pytest.raises(ValidationError):
        services.cadence_set(owner=alice, kind="weekly", every_days=0)
    with pytest.raises(ValidationError):
        services.cadences_set(
            owner=alice, every_days={"manager": 10, "weekly": 100_000}
        )
    assert not Cadence.objects.exists()


def test_the_mentor_cadence_is_the_networks_mentor_rhythm(alice: Any) -> None:
    services.cadence_set(owner=alice, kind="mentor", every_days=30)
    assert preferences_get(owner=alice).mentor_update_days == 30
    assert cadence(alice, "mentor").every_days == 30


def test_marking_a_review_done_moves_its_next_date(alice: Any) -> None:
    services.cadence_done(owner=alice, kind="weekly", on="last friday")
    row = cadence(alice, "weekly")
    assert row.last_done == dt.date(2026, 11, 20)
    assert row.next_due == dt.date(2026, 11, 27)
    with pytest.raises(ValidationError, match="future"):
        services.cadence_done(owner=alice, kind="weekly", on="2026-12-01")


def test_a_meeting_with_a_contact_tagged_manager_keeps_the_one_to_one(
    alice: Any,
) -> None:
    boss = contact_create(owner=alice, name="Mia Boss", tags=["manager"])
    entry_create(
        owner=alice,
        kind="meeting",
        title="1:1 with Mia",
        occurred_on=dt.date(2026, 11, 18),
        contact_ids=[boss.pk],
    )
    row = cadence(alice, "manager")
    assert row.last_done == dt.date(2026, 11, 18)
    assert row.next_due == dt.date(2026, 12, 2)


def test_the_agenda_lists_reviews_goals_and_check_ins_owed(alice: Any) -> None:
    goal_create(owner=alice, statement="Pass the CKA exam", due="2026-12-01")
    weekly = goal_create(
        owner=alice,
        statement="Apply to two roles every week",
        target=2,
        unit="applications",
        recurrence="week",
        started_on=dt.date(2026, 11, 1),
    )
    checkin_create(owner=alice, goal_id=weekly.pk, value=1, checked_on=TODAY)
    goal_create(owner=alice, statement="Far away", due="2027-06-30")
    shown = kinds(alice, today=TODAY)
    assert ("goal-due", "Goal due: Pass the CKA exam") in shown
    assert any(
        kind == "check-in" and "1 applications to go" in title for kind, title in shown
    )
    assert all("Far away" not in title for _, title in shown)
    assert ("weekly", "Weekly check-in: log what happened this week") in shown


def test_the_agenda_lists_people_due_and_hides_mentor_updates_when_off(
    alice: Any,
) -> None:
    noor = contact_create(
        owner=alice,
        name="Noor Mentor",
        strength=4,
        tags=["mentor"],
        met_on=dt.date(2025, 1, 1),
    )
    entry_create(
        owner=alice,
        kind="meeting",
        title="Mentoring with Noor",
        occurred_on=dt.date(2026, 10, 5),
        contact_ids=[noor.pk],
    )
    contact_create(
        owner=alice, name="Old Friend", strength=5, met_on=dt.date(2025, 1, 1)
    )
    shown = kinds(alice, today=TODAY)
    assert ("contact", "Get in touch with Old Friend (overdue)") in shown
    assert ("mentor-update", "Thank Noor Mentor for the meeting") in shown
    services.cadence_set(owner=alice, kind="mentor", every_days=None)
    assert all(kind != "mentor-update" for kind, _ in kinds(alice, today=TODAY))


def test_a_certification_expiring_within_ninety_days_is_on_the_agenda(
    alice: Any,
) -> None:
    soon = entry_create(
        owner=alice,
        kind="learning",
        title="Certified Kubernetes Administrator",
        occurred_on=dt.date(2024, 2, 1),
        details={"subtype": "certification", "expires_on": "2027-01-31"},
    )
    entry_create(
        owner=alice,
        kind="learning",
        title="Scrum certificate",
        details={"subtype": "certification", "expires_on": "2028-01-31"},
    )
    rows = selectors.agenda(owner=alice, today=TODAY)
    expiring = [row for row in rows if row.kind == "certification"]
    assert [row.key for row in expiring] == [f"certification:{soon.pk}"]
    services.agenda_mark(owner=alice, key=f"certification:{soon.pk}", done=True)
    assert all(row.kind != "certification" for row in selectors.agenda(owner=alice))


def test_a_promised_adjustment_comes_back_and_can_be_put_off_or_settled(
    alice: Any,
) -> None:
    feedback = entry_create(
        owner=alice,
        kind="feedback",
        title="Review notes from Sam",
        occurred_on=dt.date(2026, 10, 20),
        details={"direction": "received", "adjustment": "Share drafts earlier"},
    )
    key = f"adjustment:{feedback.pk}"
    (row,) = [r for r in selectors.agenda(owner=alice) if r.kind == "adjustment"]
    assert (row.due, row.key) == (dt.date(2026, 11, 19), key)
    services.agenda_mark(owner=alice, key=key, done=False, later_days=30)
    later = [r for r in selectors.agenda(owner=alice, days=40) if r.key == key]
    assert [r.due for r in later] == [dt.date(2026, 12, 23)]
    services.agenda_mark(owner=alice, key=key, done=True)
    assert all(r.key != key for r in selectors.agenda(owner=alice, days=60))


def test_an_agenda_mark_for_an_unknown_key_is_refused(alice: Any) -> None:
    with pytest.raises(NotFound):
        services.agenda_mark(owner=alice, key="goal:1", done=True)
    with pytest.raises(NotFound):
        services.agenda_mark(owner=alice, key="adjustment:x", done=True)


def test_the_agenda_shows_nothing_of_another_owner(alice: Any, bob: Any) -> None:
    goal_create(owner=alice, statement="Alice Zanzibar goal", due="2026-11-30")
    contact_create(
        owner=alice,
        name="Alice Zanzibar friend",
        strength=5,
        met_on=dt.date(2025, 1, 1),
    )
    entry_create(
        owner=alice,
        kind="feedback",
        title="Zanzibar feedback",
        occurred_on=dt.date(2026, 10, 1),
        details={"adjustment": "Zanzibar adjustment"},
    )
    titles = " ".join(row.title for row in selectors.agenda(owner=bob, days=60))
    assert "Zanzibar" not in titles


def test_a_check_in_owed_in_a_goals_first_period_asks_its_pro_rated_target(
    alice: Any,
) -> None:
    from headway.goals.selectors import progress_of

    goal = goal_create(
        owner=alice,
        statement="Apply to three internal roles every quarter",
        target=3,
        unit="applications",
        recurrence="quarter",
        started_on=TODAY,
    )
    asked = progress_of(goal, today=TODAY).target
    assert asked is not None
    assert asked < 3  # set with five weeks of the quarter left
    (owed,) = [t for k, t in kinds(alice, today=TODAY, days=60) if k == "check-in"]
    assert f"(0 of {asked:g})" in owed
