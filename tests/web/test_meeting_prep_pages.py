"""The manager 1:1 and mentor prep pages: the same agenda, questions, the record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.network import mentorship
from headway.network.models import MentorQuestion
from headway.network.services import contact_create


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


@pytest.fixture
def morgan(alice: Any) -> Any:
    return contact_create(owner=alice, name="Morgan Boss", tags=["manager"])


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_manager_page_shows_the_agenda_the_cli_prints(
    alice_client: Client, alice: Any, morgan: Any
) -> None:
    entry_create(
        owner=alice,
        kind="setback",
        title="Release slipped a week",
        occurred_on=dt.date(2026, 11, 20),
        details={"lesson": "Cut scope sooner"},
    )
    html = page(alice_client, f"/network/contacts/{morgan.pk}/manager/")
    agenda = mentorship.meeting_agenda(owner=alice, contact=morgan, role="manager")
    assert "<h2>1:1 with Morgan Boss — 2026-11-23</h2>" in html
    assert "<h2>Blockers and setbacks</h2>" in html
    assert "Release slipped a week" in html
    assert "What I take forward: Cut scope sooner" in html
    # The Markdown to copy is the CLI's, character for character.
    assert agenda.markdown.replace(">", "&gt;") in html


def test_the_manager_page_keeps_a_question_and_records_the_one_on_one(
    alice_client: Client, morgan: Any
) -> None:
    url = f"/network/contacts/{morgan.pk}/manager/"
    response = alice_client.post(url, {"action": "ask", "text": "Budget for a course?"})
    assert response.status_code == 302
    assert "Budget for a course?" in page(alice_client, url)
    response = alice_client.post(
        url, {"action": "record", "notes": "Yes to the course", "follow_ups": "Enrol"}
    )
    assert response.status_code == 302
    meeting = Entry.objects.get(kind="meeting")
    assert (meeting.title, meeting.details["with_role"]) == (
        "1:1 with Morgan Boss",
        "manager",
    )
    assert list(meeting.contacts.all()) == [morgan]
    assert MentorQuestion.objects.get().asked_on == dt.date(2026, 11, 23)
    assert "Since our last meeting on 2026-11-23." in page(alice_client, url)


def test_the_manager_link_goes_straight_to_the_only_manager(
    alice_client: Client, morgan: Any
) -> None:
    response = alice_client.get("/network/manager/")
    assert response.status_code == 302
    assert response["Location"] == f"/network/contacts/{morgan.pk}/manager/"
    detail = page(alice_client, f"/network/contacts/{morgan.pk}/")
    assert f'href="/network/contacts/{morgan.pk}/manager/"' in detail


def test_with_several_managers_the_page_lets_you_choose(
    alice_client: Client, alice: Any, morgan: Any
) -> None:
    dana = contact_create(owner=alice, name="Dana Skip", tags=["manager"])
    html = page(alice_client, "/network/manager/")
    assert f'href="/network/contacts/{morgan.pk}/manager/"' in html
    assert f'href="/network/contacts/{dana.pk}/manager/"' in html


def test_without_a_manager_the_page_says_how_to_tag_one(
    alice_client: Client, alice: Any
) -> None:
    html = page(alice_client, "/network/manager/")
    assert "No contact is tagged" in html
    assert "<code>manager</code>" in html


def test_a_contact_not_tagged_manager_gets_an_explanation(
    alice_client: Client, alice: Any
) -> None:
    peer = contact_create(owner=alice, name="Pat Peer")
    html = page(alice_client, f"/network/contacts/{peer.pk}/manager/")
    assert "not tagged manager" in html


@pytest.mark.parametrize("role", ["manager", "mentor"])
def test_bob_cannot_see_or_post_to_alices_prep_pages(
    bob_client: Client, alice: Any, role: str
) -> None:
    secret = contact_create(owner=alice, name="Secret Boss", tags=[role])
    mentorship.question_add(
        owner=alice, contact=secret, text="Secretquestion", role=role
    )
    url = f"/network/contacts/{secret.pk}/{role}/"
    assert bob_client.get(url).status_code == 404
    response = bob_client.post(url, {"action": "record", "notes": "x"})
    assert response.status_code == 404
    assert Entry.objects.filter(kind="meeting").count() == 0
    html = bob_client.get("/network/manager/").content.decode()
    assert "Secret Boss" not in html
