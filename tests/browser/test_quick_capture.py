"""A person types one line into quick capture and sees what it was filed as."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from headway.journal.models import Entry
from headway.network.models import Contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_line_becomes_a_meeting_linked_to_the_contact_it_names(
    live_server: Any, page: Page, artifacts: Path, alice: Any, alice_client: Any
) -> None:
    Contact.objects.create(owner=alice, name="Maria Lopez")
    cookie = alice_client.cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/log/")
    page.get_by_label("Quick capture").fill("coffee with my mentor Maria")
    page.get_by_role("button", name="Capture").click()

    status = page.locator("#quick-capture").get_by_role("status")
    expect(status).to_contain_text("Logged as a meeting")
    expect(status).to_contain_text("linked to Maria Lopez")
    expect(page.locator("#entry-list .entry").first).to_contain_text(
        "coffee with my mentor Maria"
    )
    expect(page.get_by_label("Quick capture")).to_have_value("")
    entry = Entry.objects.get()
    assert entry.kind == "meeting"
    assert [c.name for c in entry.contacts.all()] == ["Maria Lopez"]
    page.screenshot(path=str(artifacts / "quick-capture.png"), full_page=True)
