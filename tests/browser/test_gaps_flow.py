"""A person sets a target role, sees its gaps, picks an action, words the
drafted goal until the SMART coach passes it, and sees the goal on the gap."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from headway.goals.models import Goal
from headway.growth.services import priorities_rank_names, skill_alias
from headway.journal.services import entry_create
from headway.network.services import contact_create
from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser) -> Any:
    # axe is injected as a script: this context lets it past the page's CSP.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def no_sideways_scroll(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    )


def test_target_role_gaps_action_goal_and_back_to_the_gap(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    priorities_rank_names(owner=owner, names=["new skill", "promotion"])
    skill_alias(owner=owner, alias="Recruiting", name="Hiring")
    entry_create(
        owner=owner, title="Sat on two interview panels", skills=["recruiting"]
    )
    contact_create(owner=owner, name="Ana Ruiz", strength=5, tags=["hiring"])

    page.get_by_role("navigation").get_by_role("link", name="Growth").click()
    role_card = page.locator("#target-role")
    role_card.get_by_label("Role I am aiming for").fill("Engineering Manager")
    role_card.get_by_label("What it needs").fill(
        "HIRING:3\n  public speaking:2\nled a team of 5+"
    )
    role_card.get_by_role("button", name="Save target role").click()
    expect(role_card).to_contain_text("Aiming for Engineering Manager")

    gaps = page.locator("#gaps")
    expect(gaps.locator(".gap-row")).to_have_count(3)
    hiring = gaps.locator(".gap-row", has_text="Hiring")
    expect(hiring).to_contain_text("Opportunity gap")  # shown once, never rated
    expect(gaps.locator(".gap-row", has_text="public speaking")).to_contain_text(
        "Skill gap"
    )
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "growth-gaps.png"), full_page=True)

    speaking = gaps.locator(".gap-row", has_text="public speaking")
    speaking.get_by_role("link", name=re.compile(r"^Act on it")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("public speaking")
    expect(page.locator(".helper-list")).to_have_count(0)  # nobody tagged for it
    page.get_by_label("Training: a course, seminar or workshop").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Draft the goal").click()

    statement = page.get_by_label("Statement")
    expect(statement).to_have_value(
        re.compile(r"^Complete a course on public speaking by \d")
    )
    coach = page.locator("#smart-coach")
    statement.fill("get better at speaking")
    expect(coach.locator('[data-criterion="specific"]')).to_have_class(
        "smart smart-fail"
    )
    statement.fill("Give 2 talks at internal tech meetups by 30 April 2027")
    expect(coach.locator(".smart-pass")).to_have_count(5)
    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Give 2 talks at internal tech meetups by 30 April 2027"
    )
    goal = Goal.objects.get()
    assert goal.need is not None
    assert goal.need.text == "public speaking"

    page.get_by_role("navigation").get_by_role("link", name="Growth").click()
    row = page.locator("#gaps .gap-row", has_text="public speaking")
    expect(row.get_by_role("link", name=f"Goal #{goal.pk}")).to_be_visible()
    row.get_by_role("link", name="public speaking", exact=True).click()
    expect(page.locator("#gap-goal")).to_have_text(goal.statement)

    page.goto(f"{live_server.url}/growth/")
    page.locator("#gaps .gap-row", has_text="Hiring").get_by_role(
        "link", name="Hiring", exact=True
    ).click()
    expect(page.locator(".helper-list")).to_contain_text("Ana Ruiz")

    page.goto(f"{live_server.url}/growth/")
    page.locator("#skills").get_by_role("link", name="Hiring").click()
    expect(page.locator("main")).to_contain_text("Sat on two interview panels")
    expect(page.locator("main")).to_contain_text("Also called: Recruiting")
    page.get_by_label("My level today").select_option("3")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".lede")).to_contain_text("level 3 of 5")
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/growth/")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "growth-gaps-phone.png"), full_page=True)
