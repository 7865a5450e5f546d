"""Server-mode account pages on a phone: an invitation accepted in the browser,
the account page and the accounts admin page, all axe-clean at 390 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, expect

from headway.accounts.people import invitation_create
from tests.browser.accessibility import axe_violations
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def page(browser: Browser) -> Any:
    context = browser.new_context(bypass_csp=True)  # axe is injected
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    yield page
    context.close()


def fits_a_phone_and_passes_axe(page: Page) -> None:
    assert page.evaluate(OVERFLOW) <= 0
    assert axe_violations(page) == []


def test_an_invited_person_creates_their_account_on_a_phone(
    live_server: Any, page: Page, artifacts: Path, settings: Any
) -> None:
    settings.LOCAL_MODE = False
    UserFactory(username="root", is_staff=True)
    _, token = invitation_create(email="dana@example.org")
    page.goto(f"{live_server.url}/invite/{token}")
    fits_a_phone_and_passes_axe(page)
    page.get_by_label("User name").fill("dana")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password again").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert").first).to_contain_text("too short")
    fits_a_phone_and_passes_axe(page)
    page.get_by_label("Password", exact=True).fill("a long walk on the beach 7")
    page.get_by_label("Password again").fill("a long walk on the beach 7")
    page.get_by_role("button", name="Create account").click()
    page.goto(f"{live_server.url}/account/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account and sign-in")
    fits_a_phone_and_passes_axe(page)
    page.screenshot(path=str(artifacts / "account-390.png"), full_page=True)
    assert get_user_model().objects.get(username="dana").email == "dana@example.org"


def test_the_accounts_admin_page_fits_a_phone(
    live_server: Any, page: Page, artifacts: Path, settings: Any
) -> None:
    from django.test import Client

    settings.LOCAL_MODE = False
    admin = UserFactory(username="root", is_staff=True, email="root@example.org")
    UserFactory(username="someone-with-a-rather-long-user-name", email="x@example.org")
    client = Client()
    client.force_login(admin)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/account/people/")
    page.get_by_label("E-mail of the person to invite").fill("grace@example.org")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_label("Invitation link")).to_have_value(
        f"{live_server.url}/invite/"
        + page.get_by_label("Invitation link").input_value().rsplit("/", 1)[1]
    )
    fits_a_phone_and_passes_axe(page)
    page.screenshot(path=str(artifacts / "people-390.png"), full_page=True)
