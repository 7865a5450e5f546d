"""Meeting prep over the API: the agenda's sections and Markdown, questions, records."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from headway.goals.services import checkin_create, goal_create
from headway.journal.models import Entry
from headway.network import mentorship
from headway.network.services import contact_create


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


@pytest.fixture
def morgan(alice: Any) -> Any:
    return contact_create(owner=alice, name="Morgan Boss", tags=["manager"])


def test_prep_returns_the_sections_and_the_markdown_for_a_manager(
    client: Client, alice: Any, alice_token: str, morgan: Any
) -> None:
    goal = goal_create(
        owner=alice,
        statement="Ship the search",
        target=2,
        started_on=dt.date(2026, 9, 1),
    )
    checkin_create(owner=alice, goal_id=goal.pk, value=1, note="beta out")
    body = client.get(
        f"/api/v1/contacts/{morgan.pk}/prep", headers=bearer(alice_token)
    ).json()
    assert body["role"] == "manager"
    assert body["since"] == "2026-11-09"
    assert body["last_meeting_on"] is None
    assert body["sections"] == [
        {
            "key": "goals",
            "title": "Goal progress",
            "items": [
                {
                    "text": "Ship the search: 0 → 1 of 2",
                    "notes": ["2026-11-23: check-in +1 — beta out"],
                }
            ],
        }
    ]
    agenda = mentorship.meeting_agenda(owner=alice, contact=morgan, role="manager")
    assert body["markdown"] == agenda.markdown


def test_manager_prep_by_name_and_the_recorded_meeting(
    client: Client, alice: Any, alice_token: str, morgan: Any
) -> None:
    contact_create(owner=alice, name="Dana Skip", tags=["manager"])
    auth = bearer(alice_token)
    assert client.get("/api/v1/network/manager-prep", headers=auth).status_code == 400
    body = client.get("/api/v1/network/manager-prep?name=morg", headers=auth).json()
    assert body["contact_id"] == morgan.pk
    client.post(
        f"/api/v1/contacts/{morgan.pk}/questions",
        {"text": "Promotion timeline?"},
        content_type="application/json",
        headers=auth,
    )
    response = client.post(
        f"/api/v1/contacts/{morgan.pk}/meetings",
        {
            "notes": "Good talk",
            "follow_ups": "Write the doc",
            "occurred_on": "2026-11-20",
        },
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 201
    assert response.json()["title"] == "1:1 with Morgan Boss"
    entry = Entry.objects.get(pk=response.json()["id"])
    assert entry.details["with_role"] == "manager"
    assert "Promotion timeline?" in entry.details["agenda"]
    body = client.get("/api/v1/network/manager-prep?name=morg", headers=auth).json()
    assert body["last_meeting_on"] == "2026-11-20"
    assert body["open_questions"] == []


def test_without_a_manager_the_api_says_how_to_tag_one(
    client: Client, alice: Any, alice_token: str
) -> None:
    response = client.get("/api/v1/network/manager-prep", headers=bearer(alice_token))
    assert response.status_code == 404
    assert "--tag manager" in response.json()["detail"]


def test_a_contact_with_neither_tag_has_no_prep(
    client: Client, alice: Any, alice_token: str
) -> None:
    peer = contact_create(owner=alice, name="Pat Peer")
    response = client.get(
        f"/api/v1/contacts/{peer.pk}/prep", headers=bearer(alice_token)
    )
    assert response.status_code == 400
    assert "neither mentor nor manager" in response.json()["detail"]


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", "/prep"), ("get", "/mentor-prep"), ("post", "/meetings")],
)
def test_bob_gets_404_for_alices_prep_and_meetings(
    client: Client, alice: Any, bob_token: str, method: str, suffix: str
) -> None:
    secret = contact_create(owner=alice, name="Secret", tags=["mentor", "manager"])
    response = getattr(client, method)(
        f"/api/v1/contacts/{secret.pk}{suffix}",
        *([{"notes": "x"}] if method == "post" else []),
        content_type="application/json",
        headers=bearer(bob_token),
    )
    assert response.status_code == 404
    assert "Secret" not in response.content.decode()
    assert Entry.objects.filter(kind="meeting").count() == 0
    by_name = client.get(
        "/api/v1/network/manager-prep?name=secret", headers=bearer(bob_token)
    )
    assert by_name.status_code == 404
