"""A person opens the printed sign-in link and logs an accomplishment."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_by_link_and_log_an_accomplishment(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    server = urlsplit(live_server.url)
    printed = CliRunner().invoke(
        app, ["login-url", "--host", server.hostname, "--port", str(server.port)]
    )
    assert printed.exit_code == 0, printed.output
    page.goto(printed.stdout.strip())
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

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
