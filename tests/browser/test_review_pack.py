"""A person downloads and shares a review pack, downloads the brag document and
keeps a harvested draft, on a phone-sized screen; every page is axe-clean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from headway.journal.models import Entry, EntryDraft
from headway.journal.services import entry_create
from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in
from tests.goals.factories import GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # axe is injected as a script: this context lets it past the page's CSP.
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, accept_downloads=True
    )
    yield context.new_page()
    context.close()


def fits_the_phone(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    )


def test_review_pack_brag_download_and_drafts_on_a_phone(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    goal = GoalFactory(owner=owner, statement="Speak at two conferences this year")
    entry_create(
        owner=owner,
        kind="accomplishment",
        title="Keynote at PyCon",
        occurred_on="2026-04-10",
        numbers="600 people",
        goal_ids=[goal.pk],
    )
    EntryDraft.objects.create(
        owner=owner,
        title="payments: Add the payments retry",
        occurred_on=dt.date(2026, 4, 1),
        numbers="2 commits, 2 files changed, 52 lines added and 0 removed",
        example="The payments repository, week 2026-W14",
        source="/src/payments",
        period="2026-W14",
        details={"commits": 2, "files": 2},
    )

    page.goto(f"{live_server.url}/reviews/pack/")
    expect(page.get_by_role("heading", name="Review pack")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("only on this computer")
    assert axe_violations(page) == []
    assert fits_the_phone(page)
    page.get_by_label("Speak at two conferences this year").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the pack").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    page.get_by_role("button", name="Share the pack by link").click()
    link = page.get_by_label("Review pack link").input_value()
    page.screenshot(path=str(artifacts / "review-pack.png"), full_page=True)

    page.goto(link)
    expect(
        page.get_by_role("heading", name="Goal: Speak at two conferences this year")
    ).to_be_visible()
    expect(page.get_by_text("600 people")).to_be_visible()
    assert axe_violations(page) == []
    assert fits_the_phone(page)

    page.goto(f"{live_server.url}/profile/")
    page.get_by_label("Format").select_option("md")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download brag document").click()
    assert download_info.value.suggested_filename.startswith("brag-document-")
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/log/drafts/")
    expect(page.get_by_role("heading", name="Drafts to review")).to_be_visible()
    assert axe_violations(page) == []
    assert fits_the_phone(page)
    page.get_by_label("Result: what changed, for whom?").fill("retries saved 40 orders")
    page.get_by_role("button", name="Keep as an entry").click()
    expect(page.get_by_role("status").filter(has_text="Kept").last).to_be_visible()
    assert Entry.objects.get(title="payments: Add the payments retry").result == (
        "retries saved 40 orders"
    )
    page.screenshot(path=str(artifacts / "drafts.png"), full_page=True)
