"""A person opens the printed sign-in link and logs an accomplishment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from headway.journal.models import Entry
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_by_link_and_log_an_accomplishment(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    sign_in(page, live_server)

    page.get_by_role("navigation").get_by_role("link", name="Log").click()
    page.get_by_label("Title").fill("Cut CI build time from 20 to 8 minutes")
    page.get_by_label("Kind").select_option("accomplishment")
    page.get_by_label("When").fill("last friday")
    page.get_by_label("Tags").fill("ci, speed")
    page.get_by_label("Result").fill("Forty engineers get feedback twice as fast")
    page.get_by_role("button", name="Log it").click()

    row = page.locator("#entry-list .entry").first
    expect(row).to_contain_text("Cut CI build time from 20 to 8 minutes")
    expect(page.get_by_role("status")).to_contain_text("Logged")
    expect(page.get_by_label("Title")).to_have_value("")
    assert Entry.objects.get().tag_names == ["ci", "speed"]
    page.screenshot(path=str(artifacts / "log-accomplishment.png"), full_page=True)
