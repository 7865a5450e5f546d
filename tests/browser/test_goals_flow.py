"""A person words a goal with the live coach, checks in, and shares it with a mentor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from headway.goals.models import Goal
from headway.goals.services import goal_create
from headway.growth.services import priorities_rank_names
from headway.journal.models import Entry
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coach_turns_a_vague_goal_into_a_smart_one_and_a_check_in_moves_it(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    priorities_rank_names(owner=owner, names=["promotion", "new skill"])
    page.get_by_role("navigation").get_by_role("link", name="Goals").click()
    page.get_by_role("link", name="New goal").click()

    coach = page.locator("#smart-coach")
    page.get_by_label("Statement").fill("i want to get better")
    expect(coach.locator(".smart-fail")).to_have_count(4)
    expect(coach.locator('[data-criterion="specific"]')).to_have_class(
        "smart smart-fail"
    )

    page.get_by_label("Statement").fill("Give three talks at meetups by June 2027")
    expect(coach.locator('[data-criterion="time_bound"]')).to_have_class(
        "smart smart-pass"
    )
    expect(coach.locator('[data-criterion="relevant"]')).to_have_class(
        "smart smart-fail"
    )
    page.get_by_label("Target").fill("3")
    page.get_by_label("Unit").fill("talks")
    page.get_by_label("Priority it serves").select_option(
        label="Promotion to a more senior role"
    )
    expect(coach.locator(".smart-pass")).to_have_count(5)
    expect(page.locator("#smart-passed")).to_have_text("5")
    page.screenshot(path=str(artifacts / "goal-coach-all-pass.png"), full_page=True)

    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Give three talks at meetups by June 2027"
    )
    goal = Goal.objects.get()
    assert str(goal.due) == "2027-06-30"
    bar = page.locator("#goal-progress progress")
    expect(bar).to_have_attribute("value", "0")

    page.get_by_label("Progress made").fill("1")
    page.get_by_label("Note").fill("Spoke at the Python user group")
    page.get_by_role("button", name="Record check-in").click()
    expect(bar).to_have_attribute("value", "33")
    expect(page.locator(".checkin-list")).to_contain_text(
        "Spoke at the Python user group"
    )
    page.screenshot(path=str(artifacts / "goal-check-in.png"), full_page=True)


def test_a_mentor_opens_a_share_link_sees_only_that_goal_and_comments(
    live_server: Any, page: Page, browser: Browser, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    shared = goal_create(owner=owner, statement="Lead the design review by March 2027")
    goal_create(owner=owner, statement="Quietly interview at other companies")

    page.goto(f"{live_server.url}/goals/shares/")
    page.get_by_label("Lead the design review by March 2027").check()
    page.get_by_role("button", name="Create share").click()
    link = page.get_by_label("Share link").input_value()
    assert "/share/" in link

    mentor_context = browser.new_context()
    mentor = mentor_context.new_page()
    mentor.goto(link)
    expect(mentor.get_by_role("heading", level=1)).to_contain_text("Goals shared by")
    expect(mentor.locator(".shared-goal")).to_have_count(1)
    expect(mentor.locator("main")).to_contain_text("Lead the design review")
    expect(mentor.locator("main")).not_to_contain_text("Quietly interview")
    mentor.get_by_label("Your name").fill("Dana Mentor")
    mentor.get_by_label("Comment").fill(
        "Book the room early and send the doc a week ahead."
    )
    mentor.get_by_role("button", name="Send comment").click()
    expect(mentor.get_by_role("status")).to_contain_text("Thank you, Dana Mentor")
    mentor.screenshot(path=str(artifacts / "share-mentor-view.png"), full_page=True)
    mentor_context.close()

    page.get_by_role("navigation").get_by_role("link", name="Log").click()
    row = page.locator("#entry-list .entry").first
    expect(row).to_contain_text("Comment from Dana Mentor")
    row.get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Book the room early")
    entry = Entry.objects.get()
    assert entry.kind == "feedback"
    assert entry.details["person"] == "Dana Mentor"
    assert list(entry.goals.all()) == [shared]
