"""A goal the owner sets, and a goal drafted from a target-role gap (its next
action opens the gap's page, where an action is picked), appear among the
dashboard's next actions with why; the list passes axe and does not scroll
sideways on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from headway.goals.models import Goal
from headway.growth.models import RoleNeed
from headway.growth.services import priorities_rank_names, target_role_set
from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # axe is injected into the page: its CSP forbids inline scripts
    pytest.mark.browser_context_args(bypass_csp=True),
]


def next_region(page: Page) -> Any:
    return page.get_by_role("region", name="What to do next")


def test_a_goal_set_on_the_goal_page_is_among_the_next_actions(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    priorities_rank_names(owner=owner, names=["promotion", "new skill"])
    page.get_by_role("navigation").get_by_role("link", name="Goals").click()
    page.get_by_role("link", name="New goal").click()
    page.get_by_label("Statement").fill("Give three talks at meetups by June 2027")
    page.get_by_label("Target").fill("3")
    page.get_by_label("Unit").fill("talks")
    page.get_by_label("Priority it serves").select_option(
        label="Promotion to a more senior role"
    )
    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Give three talks at meetups by June 2027"
    )

    page.get_by_role("navigation").get_by_role("link", name="Dashboard").click()
    upcoming = next_region(page)
    act = upcoming.get_by_role("link", name="Give three talks at meetups by June 2027")
    expect(act).to_be_visible()
    expect(upcoming.locator(".next-action").first).to_contain_text(
        "Priority it serves +6.0: serves your priority 1 of 2"
    )
    act.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Give three talks at meetups by June 2027"
    )
    page.screenshot(path=str(artifacts / "next-actions-goal.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_goal_drafted_from_a_gap_carries_the_gap_among_next_actions(
    live_server: Any, page: Page, artifacts: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    owner = sign_in(page, live_server)
    target_role_set(
        owner=owner, name="Engineering Manager", needs=["hiring:3", "budgeting:2"]
    )
    page.reload()
    upcoming = next_region(page)
    expect(upcoming).to_contain_text("Pick an action for “hiring” (skill gap)")

    # The gap's act link opens its page; picking an action drafts a goal.
    upcoming.get_by_role("link", name="Pick an action for “hiring” (skill gap)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("hiring")
    page.get_by_label("Training: a course, seminar or workshop").check()
    page.get_by_role("button", name="Draft the goal").click()
    page.get_by_role("button", name="Save goal").click()
    need = RoleNeed.objects.get(owner=owner, text__iexact="hiring")
    goal = Goal.objects.get(owner=owner, need=need)
    page.goto(f"{live_server.url}/")
    item = upcoming.locator(".next-action").filter(has_text=goal.statement)
    expect(item).to_contain_text("Target-role gap")
    expect(item).to_contain_text("works on your gap “hiring”")
    expect(upcoming).not_to_contain_text("Pick an action for “hiring”")
    expect(upcoming).to_contain_text("Pick an action for “budgeting” (skill gap)")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/next/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Next actions")
    expect(page.locator(".next-action").filter(has_text=goal.statement)).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"next-actions-{width}.png"), full_page=True)
