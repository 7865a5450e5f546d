"""A new owner goes through the guided start and lands on a dashboard that
shows the goal and the accomplishment they just entered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser) -> Any:
    # axe is injected as a script: this context lets it past the page's CSP.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def save(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def test_the_guided_start_ends_on_a_dashboard_with_the_first_goal_and_win(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    sign_in(page, live_server, guided_start=True)
    expect(page.get_by_text("Step 1 of 7")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="Your name").fill("Ada Okafor")
    page.get_by_label("Headline").fill("Data engineer, payments")
    save(page)

    expect(page.get_by_role("heading", name="What matters to you")).to_be_visible()
    page.get_by_label("Number 1").select_option(label="A new skill or competency")
    save(page)
    expect(page.get_by_role("heading", name="Strengths and passions")).to_be_visible()
    page.get_by_role("button", name="Skip this step").click()
    page.get_by_role("button", name="Skip this step").click()

    expect(page.get_by_role("heading", name="A first goal")).to_be_visible()
    page.get_by_label("Statement").fill("Pass the AWS data engineer exam by June 2027")
    expect(page.locator('#smart-coach [data-criterion="time_bound"]')).to_have_class(
        "smart smart-pass"
    )
    save(page)

    expect(page.get_by_role("heading", name="A first accomplishment")).to_be_visible()
    page.get_by_label("What did you do?").fill(
        "Cut the nightly load from 6 hours to 50 minutes"
    )
    expect(page.locator("#near-coach")).to_contain_text("Numbers")
    page.get_by_label("Result", exact=True).fill("Analysts get fresh data by 7am")
    save(page)

    expect(page.get_by_role("heading", name="Your rhythm")).to_be_visible()
    save(page)

    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(
        page.get_by_text("Pass the AWS data engineer exam by June 2027")
    ).to_be_visible()
    expect(
        page.get_by_text("Cut the nightly load from 6 hours to 50 minutes")
    ).to_be_visible()
    expect(page.get_by_text("steps along")).to_have_count(0)
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "guided-start-dashboard.png"), full_page=True)
