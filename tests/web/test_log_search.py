"""The Log page: per-kind forms, the live NEAR coach, search with filters."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client

from headway.journal.models import Entry
from tests.factories import EntryFactory

HTMX = {"HX-Request": "true"}


def test_the_log_page_offers_every_kind(alice_client: Client) -> None:
    page = alice_client.get("/log/").content.decode()
    for kind in (
        "Accomplishment",
        "Learning",
        "Talk",
        "Feedback",
        "Setback",
        "Meeting",
    ):
        assert f">{kind}</a>" in page
    assert 'role="search"' in page


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        ("talk", ["Venue kind", "Audience size", "Slides link"]),
        ("learning", ["Type", "Provider", "Hours", "Outcome", "Expires on"]),
        ("feedback", ["Direction", "From or to whom", "Tone", "What I will adjust"]),
        ("setback", ["What went wrong", "What I would do differently"]),
        ("reading", ["Industry or trend", "My point of view", "Shared where"]),
        ("meeting", ["Agenda", "Follow-ups"]),
    ],
)
def test_each_kind_has_its_own_labelled_fields(
    alice_client: Client, kind: str, labels: list[str]
) -> None:
    page = alice_client.get(f"/log/?new={kind}").content.decode()
    for label in labels:
        assert f">{label}</label>" in page
    assert "Achievement" not in page


def test_switching_kind_swaps_only_the_kinds_own_fields(alice_client: Client) -> None:
    response = alice_client.get(
        "/log/form/?kind=talk&shown_kind=note&title=Spoke", headers=HTMX
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="kind-section">')
    assert "Audience size" in page
    assert 'name="title"' not in page


def test_the_same_kind_again_changes_nothing(alice_client: Client) -> None:
    response = alice_client.get("/log/form/?kind=talk&shown_kind=talk", headers=HTMX)
    assert response.status_code == 204


def test_only_accomplishments_get_the_near_fields_and_coach(
    alice_client: Client,
) -> None:
    page = alice_client.get(
        "/log/form/?kind=accomplishment", headers=HTMX
    ).content.decode()
    assert 'id="near-coach"' in page
    assert 'hx-post="/log/near/"' in page


def test_a_talk_is_logged_with_its_details(alice: Any, alice_client: Client) -> None:
    response = alice_client.post(
        "/log/",
        {"title": "Spoke at the meetup", "kind": "talk", "d_venue_kind": "meetup",
         "d_audience_size": "45", "tags": "talks"},
        headers=HTMX,
    )  # fmt: skip
    assert response.status_code == 200
    assert "Logged “Spoke at the meetup”" in response.content.decode()
    assert Entry.objects.get().details == {"venue_kind": "meetup", "audience_size": 45}


def test_a_bad_detail_is_shown_beside_its_field_and_saves_nothing(
    alice_client: Client,
) -> None:
    response = alice_client.post(
        "/log/",
        {"title": "Spoke", "kind": "talk", "d_audience_size": "loads"},
        headers=HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Audience size must be a number" in page
    assert Entry.objects.count() == 0


def test_the_live_coach_scores_what_is_typed(alice_client: Client) -> None:
    response = alice_client.post(
        "/log/near/",
        {"title": "worked on the billing migration", "result": ""},
        headers=HTMX,
    )
    page = response.content.decode()
    assert "Weak opening: “worked on”" in page
    assert "How many people used it" in page


def test_the_live_coach_escapes_what_it_repeats(alice_client: Client) -> None:
    response = alice_client.post(
        "/log/near/", {"achievement": "<script>alert(1)</script> shipped it"}
    )
    assert "<script>alert(1)" not in response.content.decode()


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_search_returns_only_the_results_fragment_for_htmx(
    alice: Any, bob: Any, alice_client: Client
) -> None:
    EntryFactory(owner=alice, title="Cut CI build time", occurred_on="2026-03-01")
    EntryFactory(
        owner=alice, title="Gave a talk", kind="talk", occurred_on="2026-04-01"
    )
    EntryFactory(owner=bob, title="Bob's build")
    response = alice_client.get(
        "/log/?q=build&kind=&tag=&date_from=&date_to=", headers=HTMX
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results">')
    assert "Cut CI build time" in page
    assert "Gave a talk" not in page
    assert "Bob&#x27;s build" not in page


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_filters_narrow_the_page(alice: Any, alice_client: Client) -> None:
    EntryFactory(owner=alice, title="March win", occurred_on="2026-03-10", tags=["ci"])
    EntryFactory(owner=alice, title="Old win", occurred_on="2024-03-10", tags=["ci"])
    EntryFactory(
        owner=alice, title="Lightning talk", kind="talk", occurred_on="2026-03-11"
    )
    page = alice_client.get(
        "/log/?q=&kind=accomplishment&tag=ci&date_from=last+march&date_to=today"
    ).content.decode()
    assert "March win" in page
    assert "Old win" not in page
    assert "Lightning talk" not in page


def test_a_malformed_range_is_explained(alice_client: Client) -> None:
    page = alice_client.get(
        "/log/?q=&date_from=today&date_to=last+year", headers=HTMX
    ).content.decode()
    assert "starts after it ends" in page


def test_fts_syntax_in_the_search_box_is_plain_text(
    alice: Any, alice_client: Client
) -> None:
    EntryFactory(owner=alice, title="NEAR coach notes")
    response = alice_client.get("/log/?q=NEAR(%22coach*+-", headers=HTMX)
    assert response.status_code == 200
    assert "NEAR coach notes" in response.content.decode()


def test_the_log_page_query_count_does_not_grow_with_entries(
    alice: Any, alice_client: Client, django_assert_max_num_queries: Any
) -> None:
    EntryFactory.create_batch(30, owner=alice, tags=["ci"])
    # the session and user, goals for the filter, the drafts waiting, the
    # search, entries with their tags and samples, and the session's first
    # renewal mark: a fixed number, whatever the number of entries
    with django_assert_max_num_queries(11):
        response = alice_client.get("/log/?q=shipped&kind=&tag=ci")
    assert response.status_code == 200


def test_another_users_entry_pages_are_404(alice: Any, bob_client: Client) -> None:
    entry = EntryFactory(owner=alice)
    for url in (f"/log/{entry.pk}/", f"/log/{entry.pk}/edit/"):
        assert bob_client.get(url).status_code == 404
    assert bob_client.post(f"/log/{entry.pk}/delete/").status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_an_entry_can_be_edited_and_deleted_on_the_web(
    alice: Any, alice_client: Client
) -> None:
    entry = EntryFactory(owner=alice, title="Old", kind="note")
    response = alice_client.post(
        f"/log/{entry.pk}/edit/",
        {"title": "New", "kind": "note", "occurred_on": "2026-11-20", "tags": "x"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.tag_names) == ("New", ["x"])
    assert alice_client.post(f"/log/{entry.pk}/delete/").status_code == 302
    assert Entry.objects.count() == 0


def test_the_edit_page_shows_the_entrys_kind_fields_filled_in(
    alice: Any, alice_client: Client
) -> None:
    from headway.journal.services import entry_create

    entry = entry_create(
        owner=alice, title="Meetup talk", kind="talk", details={"audience_size": 40}
    )
    page = alice_client.get(f"/log/{entry.pk}/edit/").content.decode()
    assert "<h1>Edit entry</h1>" in page
    assert 'value="40"' in page
    assert 'value="Meetup talk"' in page
