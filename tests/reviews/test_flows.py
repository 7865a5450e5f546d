"""Completing a review: the reflection kept with a snapshot of the answers,
the cadence marked done, and the quarter's decisions applied all or nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from headway.coach.periods import period_parse
from headway.core.errors import NotFound
from headway.goals.models import Goal, GoalStatus
from headway.goals.services import checkin_create, goal_create
from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.network.services import contact_create, interaction_log
from headway.reviews import flows
from headway.reviews.flows_services import BestProject, GoalDecision, review_complete
from headway.reviews.models import Cadence, Review

TODAY = dt.date(2026, 11, 25)  # a Wednesday of 2026-W48, in 2026Q4


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-25 10:00:00Z", tick=False)


def period(kind: str, text: str = "") -> Any:
    return period_parse(kind, text, today=TODAY)


def last_done(owner: Any, kind: str) -> dt.date | None:
    row = Cadence.objects.for_owner(owner).filter(kind=kind).first()
    return row.last_done if row else None


def test_the_weekly_draft_lists_the_week_and_asks_for_what_is_missing(
    alice: Any,
) -> None:
    goal = goal_create(
        owner=alice, statement="Ship the export", started_on="2026-11-01"
    )
    quiet = goal_create(owner=alice, statement="Write a post", started_on="2026-11-01")
    entry_create(owner=alice, kind="note", title="Planning", occurred_on="2026-11-24")
    entry_create(owner=alice, kind="note", title="Last week", occurred_on="2026-11-20")
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on="2026-11-24")
    ana = contact_create(owner=alice, name="Ana")
    interaction_log(owner=alice, contact=ana, kind="call", occurred_on="2026-11-23")
    draft = flows.week_draft(owner=alice, period=period("week"), today=TODAY)
    assert [entry.title for entry in draft.entries] == ["Planning"]
    assert [c.goal.statement for c in draft.checkins] == ["Ship the export"]
    assert [t.contact.name for t in draft.touches] == ["Ana"]
    assert draft.prompts[0].startswith("No accomplishment logged this week")
    assert any(quiet.statement in prompt for prompt in draft.prompts)
    assert not any(goal.statement in prompt for prompt in draft.prompts)


def test_completing_the_weekly_review_keeps_the_reflection_and_marks_it_done(
    alice: Any,
) -> None:
    entry_create(
        owner=alice, kind="accomplishment", title="Shipped it", occurred_on="2026-11-24"
    )
    review = review_complete(
        owner=alice, period=period("week"), reflection="  A good week.  ", today=TODAY
    )
    assert (review.kind, review.period_start, review.period_end) == (
        "week",
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 29),
    )
    assert review.reflection == "A good week."
    titles = [s["title"] for s in review.answers["sections"]]
    assert "Biggest accomplishments" in titles
    assert review.completed_at is not None
    assert last_done(alice, "weekly") == TODAY
    again = review_complete(owner=alice, period=period("week"), reflection="Better.")
    assert again.pk == review.pk  # one review per period, updated
    assert Review.objects.for_owner(alice).count() == 1
    assert flows.reviews_past(owner=alice)[0].reflection == "Better."


def test_the_yearly_review_marks_the_yearly_cadence(alice: Any) -> None:
    review = review_complete(owner=alice, period=period("year", "2025"), today=TODAY)
    assert review.answers["period"] == "2025"
    assert last_done(alice, "yearly") == TODAY
    assert last_done(alice, "weekly") is None


def quarter_world(owner: Any) -> dict[str, Any]:
    keep = goal_create(owner=owner, statement="Speak at a meetup")
    change = goal_create(owner=owner, statement="Learn Rust", due="2027-06-30")
    drop = goal_create(owner=owner, statement="Learn Go")
    best = entry_create(
        owner=owner,
        kind="accomplishment",
        title="Cut deploys",
        occurred_on="2026-10-14",
    )
    return {"keep": keep, "change": change, "drop": drop, "best": best}


def test_the_quarterly_review_applies_every_decision_and_completes_the_best_project(
    alice: Any,
) -> None:
    world = quarter_world(alice)
    review = review_complete(
        owner=alice,
        period=period("quarter"),
        reflection="Focus on Rust.",
        goal_decisions=[
            GoalDecision(world["change"].pk, "change", statement="Ship a Rust CLI"),
            GoalDecision(world["drop"].pk, "drop", reason="Rust serves better"),
        ],
        best=BestProject(
            world["best"].pk,
            numbers="from 20 to 8 minutes",
            example="the payments service",
            achievement="Rebuilt the pipeline",
            result="three teams ship daily",
            links=("https://example.org/slides", ""),
        ),
        today=TODAY,
    )
    changed = Goal.objects.get(pk=world["change"].pk)
    assert (changed.statement, changed.due) == ("Ship a Rust CLI", dt.date(2027, 6, 30))
    dropped = Goal.objects.get(pk=world["drop"].pk)
    assert (dropped.status, dropped.drop_reason) == (
        GoalStatus.DROPPED,
        "Rust serves better",
    )
    assert Goal.objects.get(pk=world["keep"].pk).status == GoalStatus.ACTIVE
    best = Entry.objects.get(pk=world["best"].pk)
    assert best.starred
    assert (best.numbers, best.result) == (
        "from 20 to 8 minutes",
        "three teams ship daily",
    )
    assert [s.url for s in best.samples.all()] == ["https://example.org/slides"]
    assert review.answers["best"] == {"id": best.pk, "title": "Cut deploys"}
    assert [d["action"] for d in review.answers["decisions"]] == ["change", "drop"]
    assert last_done(alice, "quarterly") == TODAY


def test_a_drop_without_a_reason_changes_nothing_at_all(alice: Any) -> None:
    world = quarter_world(alice)
    with pytest.raises(ValidationError) as raised:
        review_complete(
            owner=alice,
            period=period("quarter"),
            goal_decisions=[
                GoalDecision(world["change"].pk, "change", statement="Ship a Rust CLI"),
                GoalDecision(world["drop"].pk, "drop", reason="  "),
            ],
            best=BestProject(world["best"].pk, numbers="20 to 8"),
            today=TODAY,
        )
    assert f"reason_{world['drop'].pk}" in raised.value.error_dict
    assert Goal.objects.get(pk=world["change"].pk).statement == "Learn Rust"
    assert Goal.objects.get(pk=world["drop"].pk).status == GoalStatus.ACTIVE
    assert Entry.objects.get(pk=world["best"].pk).numbers == ""
    assert not Review.objects.exists()
    assert last_done(alice, "quarterly") is None


def test_another_owners_goal_or_entry_is_unknown(alice: Any, bob: Any) -> None:
    world = quarter_world(alice)
    with pytest.raises(NotFound):
        review_complete(
            owner=bob,
            period=period("quarter"),
            goal_decisions=[GoalDecision(world["drop"].pk, "drop", reason="x")],
        )
    with pytest.raises(NotFound):
        review_complete(
            owner=bob, period=period("quarter"), best=BestProject(world["best"].pk)
        )
    assert Goal.objects.get(pk=world["drop"].pk).status == GoalStatus.ACTIVE
    assert not Review.objects.exists()


def test_goal_decisions_belong_to_the_quarterly_review_only(alice: Any) -> None:
    world = quarter_world(alice)
    with pytest.raises(ValidationError):
        review_complete(
            owner=alice,
            period=period("week"),
            goal_decisions=[GoalDecision(world["drop"].pk, "drop", reason="x")],
        )
    assert Goal.objects.get(pk=world["drop"].pk).status == GoalStatus.ACTIVE


def test_the_quarter_draft_offers_the_best_first_and_the_profile_links(
    alice: Any,
) -> None:
    from headway.accounts.profile import profile_update

    world = quarter_world(alice)
    starred = entry_create(
        owner=alice,
        kind="accomplishment",
        title="Led the audit",
        occurred_on="2026-11-02",
        starred=True,
    )
    entry_create(
        owner=alice, kind="accomplishment", title="Old", occurred_on="2026-06-01"
    )
    profile_update(owner=alice, links=["https://www.linkedin.com/in/alice"])
    draft = flows.quarter_draft(owner=alice, period=period("quarter"), today=TODAY)
    assert [c.title for c in draft.candidates] == ["Led the audit", "Cut deploys"]
    assert draft.best is not None
    assert draft.best.id == starred.pk
    chosen = flows.quarter_draft(
        owner=alice, period=period("quarter"), today=TODAY, best_id=world["best"].pk
    )
    assert chosen.best is not None
    assert chosen.best.id == world["best"].pk
    assert draft.profile_links == ["https://www.linkedin.com/in/alice"]
    assert [g.statement for g in draft.goals] == [
        "Speak at a meetup",
        "Learn Rust",
        "Learn Go",
    ]
