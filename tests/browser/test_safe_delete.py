"""A person deletes an entry and a contact from the web: a page asks first and
names what goes with them, the message after offers Undo, and the undo brings
them back. The confirmation and the message pass axe at desktop and phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.network.models import Contact, Interaction
from headway.network.services import contact_create, interaction_log
from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in
from tests.factories import upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser) -> Any:
    context = browser.new_context(bypass_csp=True)  # axe is injected
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("width", [1280, 390])
def test_delete_an_entry_and_a_contact_see_what_goes_and_undo(
    live_server: Any,
    page: Page,
    artifacts: Path,
    settings: Any,
    tmp_path: Path,
    width: int,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    page.set_viewport_size({"width": width, "height": 900})
    owner = sign_in(page, live_server)
    today = timezone.localdate()
    dana = contact_create(owner=owner, name="Dana Reyes")
    for days in (3, 40):
        interaction_log(
            owner=owner,
            contact=dana,
            kind="coffee",
            occurred_on=today - dt.timedelta(days=days),
        )
    entry = entry_create(
        owner=owner,
        title="Talk at PyCon",
        kind="talk",
        contact_ids=[dana.pk],
        attachments=[upload("deck.pdf", b"deck"), upload("notes.txt", b"notes")],
    )

    # The entry: its page, the question, then gone with a message.
    page.goto(f"{live_server.url}/log/{entry.pk}/")
    page.get_by_role("link", name="Delete this entry…").click()
    expect(
        page.get_by_role("heading", name="Delete the entry “Talk at PyCon”?")
    ).to_be_visible()
    expect(page.get_by_text("This also deletes 2 work samples.")).to_be_visible()
    assert axe_violations(page) == []
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / f"delete-confirm-{width}.png"))
    page.get_by_role("button", name="Delete entry").click()
    message = page.get_by_role("status").filter(has_text="Deleted “Talk at PyCon”")
    expect(message).to_contain_text("with 2 work samples")
    assert not Entry.objects.filter(pk=entry.pk).exists()
    page.wait_for_timeout(10_000)  # still there, ready to undo, 10 s later
    expect(message.get_by_role("button", name="Undo")).to_be_visible()
    assert axe_violations(page) == []
    no_sideways_scroll(page)
    message.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status")).to_contain_text("Restored “Talk at PyCon”")
    expect(page.get_by_role("link", name="Talk at PyCon")).to_be_visible()
    restored = Entry.objects.get(pk=entry.pk)
    assert restored.samples.count() == 2
    assert list(restored.contacts.all()) == [dana]

    # The contact: the question names the touches; undo brings them back.
    page.goto(f"{live_server.url}/network/contacts/{dana.pk}/")
    page.get_by_role("link", name="Delete this contact…").click()
    expect(page.get_by_text("This also deletes 2 touches.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Delete contact").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Deleted “Dana Reyes” with 2 touches."
    )
    assert not Contact.objects.filter(pk=dana.pk).exists()
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status")).to_contain_text("Restored “Dana Reyes”")
    assert Interaction.objects.filter(contact_id=dana.pk).count() == 2
    assert list(Entry.objects.get(pk=entry.pk).contacts.all()) == [dana]
    assert page.console_errors == []  # type: ignore[attr-defined]
