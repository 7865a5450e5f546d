"""The Log page: the form, the timeline, htmx fragments, and privacy."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from headway.journal.models import Entry
from tests.factories import EntryFactory

VALID = {
    "title": "Cut build time from 20 to 8 minutes",
    "kind": "accomplishment",
    "occurred_on": "2026-11-20",
    "tags": "ci, speed",
    "result": "CI is faster for 40 engineers",
}


@pytest.mark.parametrize("path", ["/", "/log/", "/section/reviews/", "/log/1/"])
def test_pages_need_a_signed_in_user(db: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_health_check_answers_without_signing_in(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_every_navigation_section_has_a_page(alice_client: Client) -> None:
    page = alice_client.get("/log/").content.decode()
    labels = ["Dashboard", "Log", "Goals", "Network", "Growth", "Rhythm", "Reviews"]
    for label in [*labels, "Profile"]:
        assert f">{label}</a>" in page
    for path in ["/goals/", "/network/", "/growth/", "/rhythm/", "/profile/"]:
        assert alice_client.get(path).status_code == 200
    assert alice_client.get("/section/goals/").status_code == 404


def test_logging_through_the_form_saves_and_redirects(
    alice_client: Client, alice: Any
) -> None:
    response = alice_client.post("/log/", VALID)
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.owner, entry.title, entry.tag_names) == (
        alice,
        VALID["title"],
        ["ci", "speed"],
    )
    assert VALID["title"] in alice_client.get("/log/").content.decode()


def test_an_htmx_post_returns_a_fresh_form_and_the_new_row_out_of_band(
    alice_client: Client,
) -> None:
    response = alice_client.post("/log/", VALID, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="entry-form"' in html
    assert 'hx-swap-oob="afterbegin:#entry-list"' in html
    assert VALID["title"] in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "This field is required"),
        ("title", "x" * 301, "at most 300 characters"),
        ("occurred_on", "blorp", "Cannot read"),
        ("kind", "brag", "Select a valid choice"),
    ],
)
def test_an_invalid_form_is_shown_again_with_the_error_and_saves_nothing(
    alice_client: Client, field: str, value: str, message: str
) -> None:
    response = alice_client.post(
        "/log/", {**VALID, field: value}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Entry.objects.count() == 0


def test_user_text_is_escaped_on_the_page(alice_client: Client, alice: Any) -> None:
    EntryFactory(owner=alice, title="<script>alert(1)</script>")
    html = alice_client.get("/log/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_another_users_entry_is_a_404_on_the_page(
    bob_client: Client, alice: Any
) -> None:
    entry = EntryFactory(owner=alice)
    assert bob_client.get(f"/log/{entry.pk}/").status_code == 404


def test_the_log_lists_only_the_owners_entries(
    bob_client: Client, alice: Any, bob: Any
) -> None:
    EntryFactory(owner=alice, title="Alice private win")
    EntryFactory(owner=bob, title="Bob own win")
    html = bob_client.get("/log/").content.decode()
    assert "Bob own win" in html
    assert "Alice private win" not in html


def test_the_log_page_query_count_does_not_grow_with_entries(
    alice_client: Client, alice: Any
) -> None:
    EntryFactory.create_batch(3, owner=alice)
    alice_client.get("/log/")  # warm the session
    with CaptureQueriesContext(connection) as few:
        alice_client.get("/log/")
    EntryFactory.create_batch(30, owner=alice)
    with CaptureQueriesContext(connection) as many:
        alice_client.get("/log/")
    # 7: the count of harvested drafts waiting for review is one of them.
    assert len(many) == len(few) <= 7
