"""The Log page's one-line quick capture: the kind read from the line, its
fields, the contact recognised, htmx and plain forms, and privacy."""

from __future__ import annotations

from typing import Any

from django.test import Client

from headway.journal.models import Entry
from headway.network.models import Contact


def test_the_log_page_offers_a_one_line_capture(alice_client: Client) -> None:
    html = alice_client.get("/log/").content.decode()
    assert 'id="quick-capture"' in html
    assert "Quick capture" in html


def test_a_captured_line_gets_its_kind_and_fields_and_the_page_says_so(
    alice_client: Client, alice: Any
) -> None:
    response = alice_client.post(
        "/log/capture/",
        {"text": "gave a talk at the Go meetup to about 40 people"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    entry = Entry.objects.get()
    assert (entry.owner, entry.kind) == (alice, "talk")
    assert entry.details == {"venue_kind": "meetup", "audience_size": 40}
    assert "Logged as a talk" in html
    assert f"/log/{entry.pk}/edit/" in html
    assert 'hx-swap-oob="afterbegin:#entry-list"' in html


def test_without_javascript_the_capture_redirects_to_the_entry_which_says_so(
    alice_client: Client,
) -> None:
    response = alice_client.post("/log/capture/", {"text": "coffee with my mentor"})
    entry = Entry.objects.get()
    assert entry.kind == "meeting"
    assert entry.details == {"with_role": "mentor"}
    assert response.status_code == 302
    page = alice_client.get(response["Location"]).content.decode()
    assert "Quick capture filed this as meeting" in page


def test_the_capture_links_the_owners_contact_and_never_anothers(
    alice_client: Client, alice: Any, bob: Any
) -> None:
    maria = Contact.objects.create(owner=alice, name="Maria Lopez")
    Contact.objects.create(owner=bob, name="Priya Natarajan")
    alice_client.post("/log/capture/", {"text": "1:1 with Maria about promotion"})
    alice_client.post("/log/capture/", {"text": "lunch with Priya Natarajan"})
    first, second = Entry.objects.order_by("pk")
    assert list(first.contacts.all()) == [maria]
    assert list(second.contacts.all()) == []


def test_an_empty_line_is_refused_and_saves_nothing(alice_client: Client) -> None:
    response = alice_client.post(
        "/log/capture/", {"text": "  "}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert Entry.objects.count() == 0


def test_a_long_line_is_split_into_a_title_and_a_body(alice_client: Client) -> None:
    text = "Read the State of DevOps report. " + "It says a lot about teams. " * 20
    alice_client.post("/log/capture/", {"text": text})
    entry = Entry.objects.get()
    assert entry.kind == "reading"
    assert entry.title == "Read the State of DevOps report."
    assert entry.body.startswith("It says a lot")


def test_capture_needs_a_signed_in_user_and_a_post(
    db: None, alice_client: Client
) -> None:
    assert Client().post("/log/capture/", {"text": "x"}).status_code == 302
    assert alice_client.get("/log/capture/").status_code == 405
