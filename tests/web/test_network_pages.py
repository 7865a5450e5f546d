"""Network pages: due list, contact list and filters, contact page, import, mentors."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from headway.journal.models import Entry
from headway.network.models import (
    CadenceTier,
    Contact,
    Interaction,
    NetworkPreferences,
)
from tests.network.factories import ContactFactory, InteractionFactory

DATA = Path(__file__).parent.parent / "exchange" / "data"


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def dormant(owner: Any, name: str, strength: int = 5, **fields: Any) -> Any:
    contact = ContactFactory(owner=owner, name=name, strength=strength, **fields)
    InteractionFactory(contact=contact, occurred_on=dt.date(2026, 5, 1))
    return contact


@pytest.mark.parametrize(
    "path", ["/network/", "/network/contacts/new/", "/network/import/"]
)
def test_network_pages_need_a_signed_in_user(db: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_navigation_points_at_the_network_page(alice_client: Client) -> None:
    html = alice_client.get("/log/").content.decode()
    assert re.search(r'<a href="/network/"><svg[^>]*>.*?</svg>Network</a>', html)


def test_the_network_page_shows_the_due_list_above_the_contacts(
    alice_client: Client, alice: Any, bob: Any
) -> None:
    dormant(alice, "Dormant Dana")
    ContactFactory(owner=alice, name="Fresh Fay", strength=2)
    dormant(bob, "Bob's Buddy")
    html = alice_client.get("/network/").content.decode()
    assert "<h1>Network</h1>" in html
    due_part, list_part = html.split('id="contacts-heading"')
    assert "Dormant Dana" in due_part
    assert "overdue" in due_part
    assert "Fresh Fay" not in due_part
    assert "Fresh Fay" in list_part
    assert "Bob&#x27;s Buddy" not in html


def test_the_contact_list_filters_by_tag_search_and_strength(
    alice_client: Client, alice: Any
) -> None:
    mia = ContactFactory(owner=alice, name="Mentor Mia", organisation="Globex")
    mia.tags.create(owner=alice, name="mentor")
    ContactFactory(owner=alice, name="Peer Pat", organisation="Initech", strength=1)

    def names(query: str) -> str:
        return alice_client.get(
            f"/network/?{query}",
            headers={"HX-Request": "true", "HX-Target": "contact-results"},
        ).content.decode()

    assert "Mentor Mia" in names("tag=mentor")
    assert "Peer Pat" not in names("tag=mentor")
    assert "Peer Pat" in names("q=initech")
    assert "Mentor Mia" not in names("q=initech")
    assert "Peer Pat" not in names("strength=3")
    fragment = names("q=mia")
    assert "<html" not in fragment
    assert 'id="contact-results"' in fragment


def test_the_network_page_query_count_does_not_grow_with_contacts(
    alice_client: Client, alice: Any
) -> None:
    for index in range(3):
        dormant(alice, f"Early {index}").tags.create(owner=alice, name=f"t{index}")
    alice_client.get("/network/")
    with CaptureQueriesContext(connection) as few:
        alice_client.get("/network/")
    for index in range(30):
        dormant(alice, f"Later {index}").tags.create(owner=alice, name=f"u{index}")
    with CaptureQueriesContext(connection) as many:
        alice_client.get("/network/")
    # 16: the page's own 14, and the two reads of follow-ups owed (openings, asks)
    assert len(many) == len(few) <= 16


def test_adding_a_contact_through_the_form(alice_client: Client, alice: Any) -> None:
    response = alice_client.post(
        "/network/contacts/new/",
        {
            "name": "Priya Raman",
            "organisation": "Initech",
            "strength": "4",
            "tags": "peer, mentor",
            "met_how": "event",
            "met_where": "KubeCon",
            "emails": "priya@example.com",
        },
    )
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/network/contacts/{contact.pk}/"
    assert (contact.owner, contact.strength) == (alice, 4)
    page = alice_client.get(response["Location"]).content.decode()
    assert "follow-up" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("strength", "7", "Select a valid choice"),
        ("name", "", "This field is required"),
        ("emails", "nope", "is not an email address"),
        ("met_on", "blorp", "Cannot read"),
        ("cadence_max_days", "5", "Give the ideal interval too"),
    ],
)
def test_an_invalid_contact_form_is_shown_again_and_saves_nothing(
    alice_client: Client, field: str, value: str, message: str
) -> None:
    data = {"name": "Ada", "strength": "3", field: value}
    response = alice_client.post("/network/contacts/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Contact.objects.count() == 0


def test_editing_a_contact_changes_its_tags_and_cadence(
    alice_client: Client, alice: Any
) -> None:
    contact = ContactFactory(owner=alice, name="Ada")
    response = alice_client.post(
        f"/network/contacts/{contact.pk}/edit/",
        {
            "name": "Ada King",
            "strength": "5",
            "tags": "mentor",
            "cadence_ideal_days": "14",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.tag_names) == ("Ada King", ["mentor"])
    assert (contact.cadence_ideal_days, contact.cadence_max_days) == (14, 21)


def test_the_contact_page_shows_the_timeline_reciprocity_and_linked_entries(
    alice_client: Client, alice: Any
) -> None:
    contact = ContactFactory(owner=alice, name="Ada")
    InteractionFactory(contact=contact, kind="help_given", notes="Reviewed her talk")
    InteractionFactory(contact=contact, kind="help_received")
    entry = Entry.objects.create(
        owner=alice, kind="feedback", title="Ada's notes on my design",
        occurred_on=dt.date(2026, 11, 5),
    )  # fmt: skip
    entry.contacts.add(contact)
    html = alice_client.get(f"/network/contacts/{contact.pk}/").content.decode()
    assert "Reviewed her talk" in html
    assert "Ada&#x27;s notes on my design" in html
    assert f'href="/log/{entry.pk}/"' in html
    assert "<strong>1</strong> help given" in html
    assert "<strong>1</strong> help received" in html


def test_logging_a_coffee_from_the_due_list_takes_the_contact_off_it(
    alice_client: Client, alice: Any
) -> None:
    dana = dormant(alice, "Dormant Dana")
    response = alice_client.post(
        f"/network/contacts/{dana.pk}/touch/", {"kind": "coffee", "next": "/network/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/network/"
    assert Interaction.objects.filter(occurred_on=dt.date(2026, 11, 23)).count() == 1
    due_part = (
        alice_client.get("/network/").content.decode().split("contacts-heading")[0]
    )
    assert "Dormant Dana" not in due_part


def test_a_touch_never_redirects_off_site(alice_client: Client, alice: Any) -> None:
    dana = dormant(alice, "Dana")
    response = alice_client.post(
        f"/network/contacts/{dana.pk}/touch/",
        {"kind": "call", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/network/contacts/{dana.pk}/"


def test_an_invalid_touch_shows_the_error(alice_client: Client, alice: Any) -> None:
    dana = dormant(alice, "Dana")
    response = alice_client.post(
        f"/network/contacts/{dana.pk}/touch/",
        {"kind": "coffee", "occurred_on": "2030-01-01"},
    )
    assert response.status_code == 200
    assert "cannot be dated in the future" in response.content.decode()


def test_names_and_notes_are_escaped_everywhere(
    alice_client: Client, alice: Any
) -> None:
    evil = dormant(
        alice, "<script>alert(1)</script>", notes="<img src=x onerror=alert(2)>"
    )
    evil.tags.create(owner=alice, name="mentor")
    for path in [
        "/network/",
        f"/network/contacts/{evil.pk}/",
        f"/network/contacts/{evil.pk}/mentor/",
        f"/network/contacts/{evil.pk}/edit/",
    ]:
        html = alice_client.get(path).content.decode()
        assert "<script>alert(1)</script>" not in html, path
        assert "<img src=x" not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


@pytest.mark.parametrize("suffix", ["", "edit/", "mentor/"])
def test_another_users_contact_is_a_404(
    bob_client: Client, alice: Any, suffix: str
) -> None:
    contact = ContactFactory(owner=alice)
    assert bob_client.get(f"/network/contacts/{contact.pk}/{suffix}").status_code == 404


def test_another_user_cannot_touch_or_delete_a_contact(
    bob_client: Client, alice: Any
) -> None:
    contact = ContactFactory(owner=alice)
    touch = bob_client.post(f"/network/contacts/{contact.pk}/touch/", {"kind": "call"})
    delete = bob_client.post(f"/network/contacts/{contact.pk}/delete/")
    assert (touch.status_code, delete.status_code) == (404, 404)
    assert Contact.objects.filter(pk=contact.pk).exists()
    assert Interaction.objects.count() == 0


def upload(client: Client, name: str, source: str = "linkedin") -> Any:
    data = (DATA / name).read_bytes()
    return client.post(
        "/network/import/",
        {"source": source, "file": SimpleUploadedFile(name, data)},
    )


def test_the_import_shows_a_preview_and_imports_only_after_confirming(
    alice_client: Client, alice: Any
) -> None:
    ContactFactory(owner=alice, profile_url="https://www.linkedin.com/in/zoe-oneil")
    preview = upload(alice_client, "connections_2024.csv")
    html = preview.content.decode()
    assert "<strong>3</strong> new" in html
    assert "<strong>1</strong> matched" in html
    assert "<strong>1</strong> skipped" in html
    assert Contact.objects.count() == 1
    token = preview.context["token"]
    done = alice_client.post(
        "/network/import/confirm/", {"token": token, "source": "linkedin"}
    )
    assert "3 new, 1 already known" in done.content.decode()
    assert Contact.objects.count() == 4
    again = alice_client.post(
        "/network/import/confirm/", {"token": token, "source": "linkedin"}
    )
    assert again.status_code == 404


def test_a_preview_with_errors_lists_the_lines_and_offers_no_import(
    alice_client: Client, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "First Name,Last Name,Company,Position,Connected On\nA,B,C,D,someday\n"
    )
    response = alice_client.post(
        "/network/import/",
        {"source": "linkedin", "file": SimpleUploadedFile("bad.csv", bad.read_bytes())},
    )
    html = response.content.decode()
    assert "Line 2: cannot read the date" in html
    assert "/network/import/confirm/" not in html
    assert Contact.objects.count() == 0


def test_a_vcard_upload_previews_too(alice_client: Client) -> None:
    html = upload(alice_client, "two_cards_v3.vcf", "vcard").content.decode()
    assert "<strong>2</strong> new" in html


def test_another_user_cannot_confirm_an_import_token(
    alice_client: Client, bob_client: Client
) -> None:
    token = upload(alice_client, "connections_2018.csv").context["token"]
    response = bob_client.post(
        "/network/import/confirm/", {"token": token, "source": "linkedin"}
    )
    assert response.status_code == 404
    assert Contact.objects.count() == 0


def test_the_mentor_page_builds_the_agenda_and_records_the_meeting(
    alice_client: Client, alice: Any
) -> None:
    mia = ContactFactory(owner=alice, name="Mentor Mia")
    mia.tags.create(owner=alice, name="mentor")
    Entry.objects.create(
        owner=alice, kind="accomplishment", title="Shipped search",
        occurred_on=dt.date(2026, 11, 20),
    )  # fmt: skip
    url = f"/network/contacts/{mia.pk}/mentor/"
    alice_client.post(url, {"action": "ask", "text": "How to lead without authority?"})
    html = alice_client.get(url).content.decode()
    assert "How to lead without authority?" in html
    assert "Shipped search" in html
    response = alice_client.post(
        url, {"action": "record", "notes": "Great chat", "follow_ups": "Read the book"}
    )
    assert response.status_code == 302
    meeting = Entry.objects.get(kind="meeting")
    assert meeting.details["notes"] == "Great chat"
    assert list(meeting.contacts.all()) == [mia]


def test_the_mentor_page_explains_when_the_contact_is_not_a_mentor(
    alice_client: Client, alice: Any
) -> None:
    peer = ContactFactory(owner=alice, name="Peer")
    html = alice_client.get(f"/network/contacts/{peer.pk}/mentor/").content.decode()
    assert "not tagged mentor" in html


def test_the_cadence_page_saves_every_tier(alice_client: Client, alice: Any) -> None:
    data = {
        "ideal_5": "21", "max_5": "30", "ideal_4": "45", "max_4": "60",
        "ideal_3": "90", "max_3": "120", "ideal_2": "180", "max_2": "365",
        "mentor_update_days": "28", "mentor_thanks_days": "1",
        "event_follow_up_days": "2",
    }  # fmt: skip
    response = alice_client.post("/network/cadences/", data)
    assert "Saved." in response.content.decode()
    tiers = {t.strength: (t.ideal_days, t.max_days) for t in CadenceTier.objects.all()}
    assert NetworkPreferences.objects.get().mentor_update_days == 28
    assert tiers == {
        5: (21, 30),
        4: (45, 60),
        3: (90, 120),
        2: (180, 365),
        1: (None, None),
    }


def test_a_bad_cadence_changes_no_tier(alice_client: Client) -> None:
    response = alice_client.post(
        "/network/cadences/",
        {
            "ideal_5": "30", "max_5": "10", "ideal_4": "60", "mentor_update_days": "9",
            "mentor_thanks_days": "1", "event_follow_up_days": "2",
        },
    )  # fmt: skip
    assert "shorter than the ideal" in response.content.decode()
    assert CadenceTier.objects.count() == 0
    assert NetworkPreferences.objects.count() == 0


def test_the_filtered_contacts_download_as_a_vcard_of_the_owners_only(
    alice_client: Client, alice: Any, bob: Any
) -> None:
    mia = ContactFactory(owner=alice, name="Mentor Mia")
    mia.tags.create(owner=alice, name="mentor")
    ContactFactory(owner=alice, name="Peer Pat")
    ContactFactory(owner=bob, name="Bob Mentor")
    response = alice_client.get("/network/export.vcf?tag=mentor")
    text = response.content.decode()
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="contacts-mentor.vcf"' in response["Content-Disposition"]
    assert "FN:Mentor Mia" in text
    assert "Peer Pat" not in text
    assert "Bob Mentor" not in text


def test_a_touch_from_the_contact_page_can_link_an_active_goal(
    alice_client: Client, alice: Any, bob: Any
) -> None:
    from headway.goals.models import Goal

    goal = Goal.objects.create(owner=alice, statement="Find a mentor in platform")
    bobs = Goal.objects.create(owner=bob, statement="Bob's goal")
    contact = ContactFactory(owner=alice, name="Ada")
    page = alice_client.get(f"/network/contacts/{contact.pk}/").content.decode()
    assert "Find a mentor in platform" in page
    assert "Bob&#x27;s goal" not in page
    refused = alice_client.post(
        f"/network/contacts/{contact.pk}/touch/",
        {"kind": "coffee", "goal_ids": [bobs.pk]},
    )
    assert refused.status_code == 200
    assert Interaction.objects.count() == 0
    alice_client.post(
        f"/network/contacts/{contact.pk}/touch/",
        {"kind": "coffee", "goal_ids": [goal.pk]},
    )
    assert list(Interaction.objects.get().goals.all()) == [goal]


def test_the_network_page_shows_size_strong_ties_reciprocity_and_growth(
    alice_client: Client, alice: Any
) -> None:
    ada = ContactFactory(owner=alice, strength=5, met_on=dt.date(2024, 3, 1))
    ContactFactory(owner=alice, strength=2, met_on=dt.date(2026, 3, 1))
    InteractionFactory(contact=ada, kind="help_received")
    html = alice_client.get("/network/").content.decode()
    assert "<strong>2</strong> contacts" in html
    assert "<strong>1</strong> strong ties" in html
    assert "<strong>1</strong> help received" in html
    assert "look for a way to give back" in html
    assert '<th scope="row">2024</th><td>1</td><td>1</td><td>1</td><td>1</td>' in html
    assert '<th scope="row">2026</th><td>1</td><td>0</td><td>2</td><td>1</td>' in html


def test_the_contact_page_query_count_does_not_grow_with_its_timeline(
    alice_client: Client, alice: Any
) -> None:
    contact = ContactFactory(owner=alice, name="Ada")
    InteractionFactory.create_batch(2, contact=contact)
    url = f"/network/contacts/{contact.pk}/"
    alice_client.get(url)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(url)
    InteractionFactory.create_batch(20, contact=contact)
    for index in range(5):
        Entry.objects.create(
            owner=alice, kind="note", title=f"Note {index}",
            occurred_on=dt.date(2026, 11, 1),
        ).contacts.add(contact)  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        alice_client.get(url)
    assert len(many) == len(few) <= 16
