"""A person logs a talk with its slides, finds it again, and downloads the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from headway.journal.models import Entry
from tests.browser.navigating import go_to
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% slides about typing\n"


def test_log_a_talk_with_a_pdf_find_it_and_download_it_from_the_portfolio(
    live_server: Any, page: Page, artifacts: Path, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    slides = tmp_path / "typing-slides.pdf"
    slides.write_bytes(PDF)
    sign_in(page, live_server)

    page.get_by_role("navigation").get_by_role("link", name="Log").click()
    page.get_by_label("Title").fill("Spoke at the Python user group")
    page.get_by_label("Kind").select_option("talk")
    expect(page.get_by_label("Audience size")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Spoke at the Python user group")
    page.get_by_label("Venue kind").select_option("user_group")
    page.get_by_label("Audience size").fill("45")
    page.get_by_label("Notes").fill("Live-coded a **zeppelin** of type hints.")
    page.get_by_label("Work samples (files)").set_input_files(str(slides))
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_contain_text("Logged")
    entry = Entry.objects.get()
    assert entry.details == {"venue_kind": "user_group", "audience_size": 45}

    page.get_by_label("Search").fill("zeppelin")
    results = page.locator("#results .entry")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Spoke at the Python user group")

    go_to(page, "Portfolio")
    expect(page.get_by_role("heading", name="Portfolio")).to_be_visible()
    expect(
        page.get_by_role("link", name="Spoke at the Python user group")
    ).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="typing-slides.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "typing-slides.pdf"
    assert Path(download.path()).read_bytes() == PDF
    page.screenshot(path=str(artifacts / "log-portfolio.png"), full_page=True)
