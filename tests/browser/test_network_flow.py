"""A person imports LinkedIn connections through the preview, sees who is due,
has coffee with one of them, and sees that contact leave the due list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from headway.cli import app
from headway.network.models import Contact, Interaction
from headway.network.services import contact_touches_refresh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONNECTIONS = (
    "\ufeffNotes:\n"
    '"When exporting your connection data, some emails may be missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Admiral,"
    "08 Jan 2018\n"
    'Zoë,"O\'Neil, PhD",https://www.linkedin.com/in/zoe,,Nordic Labs,CTO,'
    "12 Mar 2021\n"
    "李,小龍,https://www.linkedin.com/in/li,,HK Films,Lead,05 Jan 2024\n"
)


def dormant_strong_tie(owner: Any) -> Contact:
    """Someone known before the import: strong, and untouched since spring."""
    grace = Contact.objects.create(
        owner=owner,
        name="Grace Hopper",
        organisation="US Navy",
        strength=5,
        met_on=dt.date(2018, 1, 8),
    )
    Interaction.objects.create(
        owner=owner, contact=grace, kind="call", occurred_on=dt.date(2025, 3, 1)
    )
    contact_touches_refresh(owner=owner, contact_ids=[grace.pk])
    return grace


def test_import_linkedin_see_the_due_list_and_log_a_coffee(
    live_server: Any, page: Page, artifacts: Path, tmp_path: Path
) -> None:
    server = urlsplit(live_server.url)
    printed = CliRunner().invoke(
        app, ["login-url", "--host", server.hostname, "--port", str(server.port)]
    )
    assert printed.exit_code == 0, printed.output
    owner = get_user_model().objects.order_by("pk").first()
    grace = dormant_strong_tie(owner)
    upload = tmp_path / "Connections.csv"
    upload.write_text(CONNECTIONS, encoding="utf-8")

    page.goto(printed.stdout.strip())
    page.get_by_role("navigation").get_by_role("link", name="Network").click()
    expect(page.get_by_role("heading", name="Network", level=1)).to_be_visible()
    page.get_by_role("link", name="Import from LinkedIn or vCard").click()
    page.get_by_label("Format").select_option("linkedin")
    page.get_by_label("File").set_input_files(str(upload))
    page.get_by_role("button", name="Preview").click()

    preview = page.locator(".import-preview")
    expect(preview).to_contain_text("2 new")
    expect(preview).to_contain_text("1 matched")
    assert Contact.objects.count() == 1
    page.screenshot(path=str(artifacts / "network-import-preview.png"), full_page=True)
    page.get_by_role("button", name="Import 2 new contacts").click()
    expect(page.get_by_role("status")).to_contain_text("2 new, 1 already known")
    assert Contact.objects.filter(owner=owner).count() == 3

    page.get_by_role("navigation").get_by_role("link", name="Network").click()
    due = page.locator("#due-list")
    expect(due).to_contain_text("Grace Hopper")
    expect(due).to_contain_text("overdue")
    page.screenshot(path=str(artifacts / "network-due-list.png"), full_page=True)

    page.get_by_label("Touch with Grace Hopper").select_option("coffee")
    page.locator(".due", has_text="Grace Hopper").get_by_role(
        "button", name="Log touch"
    ).click()
    expect(page.get_by_text("Nobody is due a touch")).to_be_visible()
    expect(page.locator("#contact-results")).to_contain_text("Grace Hopper")
    assert grace.interactions.filter(kind="coffee").count() == 1
    page.screenshot(path=str(artifacts / "network-after-coffee.png"), full_page=True)
