"""A mentor opens a shared link twice: the second time the comment box already
knows their name (kept in that browser only), and their comment sits under the
goal it is about."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from headway.accounts.profile import profile_update
from headway.sharing.shares import share_create
from tests.browser.signing_in import sign_in
from tests.goals.factories import GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_commenters_name_is_remembered_and_comments_sit_under_their_goal(
    live_server: Any, browser: Browser
) -> None:
    owner_context = browser.new_context()
    owner = sign_in(owner_context.new_page(), live_server)
    owner_context.close()
    profile_update(owner=owner, name="Alice Martin")
    goal = GoalFactory(owner=owner, statement="Lead the design review")
    other = GoalFactory(owner=owner, statement="Give three talks")
    _, token = share_create(owner=owner, goal_ids=[goal.pk, other.pk])

    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/share/{token}")
    expect(
        page.get_by_role("heading", name="Goals shared by Alice Martin")
    ).to_be_visible()
    card = page.locator(f"#shared-goal-{goal.pk}")
    card.get_by_label("Your name").fill("Dana Mentor")
    card.get_by_label("Comment").fill("Ask the staff engineers first.")
    card.get_by_role("button", name="Send comment").click()
    expect(page.get_by_text("Thank you, Dana Mentor")).to_be_visible()
    card = page.locator(f"#shared-goal-{goal.pk}")
    expect(card.locator(".comment-list")).to_contain_text("Ask the staff engineers")
    expect(page.locator(f"#shared-goal-{other.pk} .comment-list")).to_have_count(0)
    page.goto(f"{live_server.url}/share/{token}")
    expect(
        page.locator(f"#shared-goal-{other.pk}").get_by_label("Your name")
    ).to_have_value("Dana Mentor")
    assert errors == []
    context.close()
