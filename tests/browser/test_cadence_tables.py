"""The cadence editors are tables that fit a phone and pass axe, and the share
link's Copy button copies it (the Clipboard API, from a static script)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in
from tests.goals.factories import GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser) -> Any:
    context = browser.new_context(bypass_csp=True)  # axe is injected
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_cadence_tables_fit_and_pass_axe(
    live_server: Any, page: Page, artifacts: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server)
    for path, name in (("/rhythm/", "rhythm"), ("/network/cadences/", "tiers")):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("table.cadence-table")).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
        assert axe_violations(page) == [], path
        page.screenshot(path=str(artifacts / f"cadences-{name}-{width}.png"))
    page.goto(f"{live_server.url}/rhythm/")
    page.get_by_label("Weekly check-in: every … days").fill("10")
    page.get_by_role("button", name="Save cadences").click()
    expect(page.get_by_text("Cadences saved.")).to_be_visible()
    expect(page.get_by_label("Weekly check-in: every … days")).to_have_value("10")


def test_the_copy_button_copies_the_link_shown_once(
    live_server: Any, browser: Browser
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    owner = sign_in(page, live_server)
    GoalFactory(owner=owner, statement="Lead the design review")
    page.goto(f"{live_server.url}/goals/shares/")
    page.get_by_label("Lead the design review").check()
    page.get_by_role("button", name="Create share").click()
    link = page.get_by_label("Share link").input_value()
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-link-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    context.close()
