"""Manners (issue 14): keyboard shortcuts, and buttons that show they are
busy and cannot be pressed twice while a save or an upload runs."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from headway.journal.models import Entry, WorkSample
from headway.journal.services import entry_create
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_slash_focuses_search_even_from_another_page(
    live_server: Any, page: Page
) -> None:
    sign_in(page, live_server)
    page.goto(live_server.url + "/goals/")
    page.keyboard.press("/")
    expect(page).to_have_url(re.compile(r"/log/#search$"))
    expect(page.locator("[role=search] input[name=q]")).to_be_focused()
    # On the Log page itself, without leaving it.
    page.locator("h1").click()
    page.keyboard.press("/")
    expect(page.locator("[role=search] input[name=q]")).to_be_focused()


def test_n_focuses_quick_capture_and_is_only_a_letter_in_a_field(
    live_server: Any, page: Page
) -> None:
    sign_in(page, live_server)
    page.goto(live_server.url + "/log/")
    capture = page.locator(".quick-capture input:not([type=hidden])").first
    page.keyboard.press("n")
    expect(capture).to_be_focused()
    page.keyboard.type("n")  # typing: the letter, not the shortcut
    expect(capture).to_have_value("n")
    search = page.locator("[role=search] input[name=q]")
    search.click()
    page.keyboard.type("n/?")
    expect(search).to_have_value("n/?")
    expect(page.locator("#shortcuts")).not_to_be_visible()


def test_question_mark_lists_the_shortcuts_in_a_dialog(
    live_server: Any, page: Page
) -> None:
    sign_in(page, live_server)
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Search the log")
    page.keyboard.press("Escape")
    expect(dialog).not_to_be_visible()
    page.get_by_role("button", name="Keyboard shortcuts").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).not_to_be_visible()


def test_ctrl_enter_saves_the_form_being_typed_in(live_server: Any, page: Page) -> None:
    sign_in(page, live_server)
    page.goto(live_server.url + "/log/")
    page.get_by_label("Title").fill("Paired on the release checklist")
    page.get_by_label("Title").press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Logged")
    assert Entry.objects.filter(title="Paired on the release checklist").count() == 1


def hold_posts(page: Page, pattern: str) -> list[Route]:
    """Hold every POST to `pattern` until the test lets it through."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    page.route(pattern, hold)
    return held


def test_uploading_a_work_sample_shows_busy_and_cannot_be_sent_twice(
    live_server: Any, page: Page, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    owner = sign_in(page, live_server)
    entry = entry_create(owner=owner, kind="talk", title="Spoke at the user group")
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(b"%PDF-1.4\n% slides\n")
    page.goto(f"{live_server.url}/log/{entry.pk}/")
    posts: list[str] = []

    def slow_upload(route: Route) -> None:
        if route.request.method == "POST":
            posts.append(route.request.url)
            time.sleep(0.8)  # the page keeps running while the upload "travels"
        route.continue_()

    page.route("**/samples/", slow_upload)
    # While the upload runs the page notes its button's state and tries to
    # send the form again; the notes survive the navigation in sessionStorage.
    page.evaluate(
        """() => document.addEventListener('submit', (event) => setTimeout(() => {
            const button = event.target.querySelector('button[type=submit]');
            sessionStorage.setItem('busy', JSON.stringify(
                [button.getAttribute('aria-busy'), button.disabled]));
            event.target.requestSubmit();
            button.click();
        }, 100))"""
    )
    page.get_by_label("Files").set_input_files(str(slides))
    page.get_by_role("button", name="Add samples").click()
    expect(page.get_by_role("link", name="slides.pdf")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('busy')") == '["true",true]'
    assert len(posts) == 1, posts
    expect(page.get_by_role("button", name="Add samples")).to_be_enabled()
    assert WorkSample.objects.filter(entry=entry).count() == 1


def test_logging_with_a_file_through_htmx_shows_busy_until_the_answer(
    live_server: Any, page: Page, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    sign_in(page, live_server)
    page.goto(live_server.url + "/log/")
    held = hold_posts(page, re.compile(r"/log/$"))
    page.get_by_label("Title").fill("Shipped the importer")
    slides = tmp_path / "notes.txt"
    slides.write_text("what we learned")
    page.get_by_label("Work samples (files)").set_input_files(str(slides))
    button = page.get_by_role("button", name="Log it")
    button.click()
    expect(button).to_have_attribute("aria-busy", "true")
    expect(button).to_be_disabled()
    page.wait_for_timeout(200)
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_role("status")).to_contain_text("Logged")
    expect(page.get_by_role("button", name="Log it")).to_be_enabled()
    assert Entry.objects.filter(title="Shipped the importer").count() == 1
