"""Gaps against real rows: evidence, ratings, experiences, goals, and owners."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from headway.goals import services as goals
from headway.growth import selectors, services
from headway.growth.models import RoleNeed, Skill
from headway.journal.services import entry_create


def _by_need(owner: Any) -> dict[str, Any]:
    return {gap.need: gap for gap in selectors.gaps_for(owner, timezone.localdate())}


def test_an_accomplishment_linked_to_a_thin_skill_moves_it_to_met(alice: Any) -> None:
    services.target_role_set(owner=alice, name="Eng Manager", needs=["Hiring:3"])
    services.skill_rate_named(owner=alice, name="hiring", level=4)
    entry_create(owner=alice, title="Ran a loop", kind="note", skills=["HIRING"])
    assert (_by_need(alice)["Hiring"].state, _by_need(alice)["Hiring"].gap) == (
        "thin",
        "opportunity",
    )
    entry_create(
        owner=alice,
        title="Hired two engineers for the payments team",
        kind="accomplishment",
        skills=["  hiring "],
    )
    gap = _by_need(alice)["Hiring"]
    assert (gap.state, gap.gap, gap.evidence) == ("met", None, 2)
    assert gap.last_shown == timezone.localdate()


def test_rating_a_missing_skill_turns_a_skill_gap_into_an_opportunity_gap(
    alice: Any,
) -> None:
    services.target_role_set(owner=alice, name="Staff Eng", needs=["Kubernetes:3"])
    services.skill_alias(owner=alice, alias="k8s", name="Kubernetes")
    before = _by_need(alice)["Kubernetes"]
    assert (before.state, before.gap, before.current) == ("missing", "skill", None)
    services.skill_rate_named(owner=alice, name="K8S", level=3)
    after = _by_need(alice)["Kubernetes"]
    assert (after.state, after.gap, after.current) == ("thin", "opportunity", 3)


def test_an_experience_is_met_when_an_entry_is_linked_to_it(alice: Any) -> None:
    services.target_role_set(
        owner=alice, name="Head of Data", needs=["led a team of 5+", "SQL:2"]
    )
    need = RoleNeed.objects.get(owner=alice, kind="experience")
    entry = entry_create(owner=alice, title="Led the data team (6 people)")
    assert _by_need(alice)["led a team of 5+"].state == "missing"
    services.need_link_entry(owner=alice, need_id=need.pk, entry_id=entry.pk)
    assert _by_need(alice)["led a team of 5+"].state == "met"


def test_a_gap_with_an_active_linked_goal_carries_the_goal(alice: Any) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["Public speaking:3"])
    need = RoleNeed.objects.get(owner=alice)
    goal = goals.goal_draft_for_gap(owner=alice, need_id=need.pk, action_key="training")
    assert goal.need_id == need.pk
    assert _by_need(alice)["Public speaking"].goal_id == goal.pk
    goals.goal_drop(owner=alice, goal_id=goal.pk, reason="Not now")
    assert _by_need(alice)["Public speaking"].goal_id is None


def test_an_action_on_a_met_gap_is_refused_and_nothing_is_saved(alice: Any) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["Go:1"])
    services.skill_rate_named(owner=alice, name="go", level=2)
    for day in (0, 1):
        entry_create(
            owner=alice,
            title=f"Shipped a Go service {day}",
            skills=["Go"],
            occurred_on=timezone.localdate() - timedelta(days=day),
        )
    need = RoleNeed.objects.get(owner=alice)
    with pytest.raises(ValidationError, match="already met"):
        goals.goal_draft_for_gap(owner=alice, need_id=need.pk, action_key="training")
    assert not need.goals.exists()


def test_bob_sees_none_of_alices_gaps_or_needs(alice: Any, bob: Any) -> None:
    services.target_role_set(owner=alice, name="CTO", needs=["Budgeting:4"])
    need = RoleNeed.objects.get(owner=alice)
    assert selectors.gaps_for(bob, date(2026, 12, 3)) == []
    with pytest.raises(Exception, match="No need"):
        goals.goal_draft_for_gap(owner=bob, need_id=need.pk, action_key="training")


def test_a_role_with_no_needs_is_one_clear_message(alice: Any) -> None:
    services.target_role_set(owner=alice, name="Principal Engineer")
    with pytest.raises(ValidationError, match="has no needs"):
        selectors.gaps_checked(owner=alice)
    assert selectors.gaps_for(alice) == []


def test_a_need_written_as_hiring_x_changes_nothing(alice: Any) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["Hiring:3"])
    with pytest.raises(ValidationError, match="whole number"):
        services.target_role_set(owner=alice, name="EM", needs=["hiring:x", "SQL:2"])
    role = selectors.target_role(owner=alice)
    assert role is not None
    assert role.needs == ["Hiring:3"]
    assert not Skill.objects.filter(owner=alice, name="SQL").exists()


def test_a_skill_saved_without_its_key_is_still_found(alice: Any) -> None:
    Skill.objects.bulk_create([Skill(owner=alice, name="Écriture")])  # no save()
    assert services.skill_lookup(owner=alice, name="ecriture") is not None
    assert Skill.objects.get(owner=alice).key == "ecriture"
