"""The contacts and network API with personal tokens: create, list, touch, refuse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from headway.network.models import Contact, Interaction
from tests.network.factories import ContactFactory, InteractionFactory

DATA = Path(__file__).parent.parent / "exchange" / "data"
KEYS = {"id", "name", "organisation", "strength", "tags", "last_touch"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_posting_a_contact_creates_it_for_the_token_owner(
    client: Client, alice: Any, alice_token: str
) -> None:
    response = client.post(
        "/api/v1/contacts",
        {"name": "Ada Lovelace", "strength": 5, "tags": ["mentor"], "met_how": "work"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= KEYS
    assert (body["name"], body["tags"], body["last_touch"]) == (
        "Ada Lovelace",
        ["mentor"],
        None,
    )
    assert Contact.objects.get(pk=body["id"]).owner == alice


def test_a_strength_of_seven_is_a_422_with_the_reason(
    client: Client, alice_token: str
) -> None:
    response = client.post(
        "/api/v1/contacts",
        {"name": "Too strong", "strength": 7},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert "Strength 7 is out of range" in response.json()["detail"]


@pytest.mark.parametrize("link", ["http://[::1", "https://ex]ample.org", "[oops"])
def test_a_link_python_cannot_split_is_a_422_not_a_crash(
    client: Client, alice_token: str, link: str
) -> None:
    """Schemathesis found it: an unclosed "[" reads as an IPv6 host."""
    response = client.post(
        "/api/v1/contacts",
        {"name": "Ada Lovelace", "links": [link]},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert "is not a web address" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_listing_filters_by_tag_and_shows_only_the_owners_contacts(
    client: Client, alice: Any, bob: Any, alice_token: str
) -> None:
    mia = ContactFactory(owner=alice, name="Mia")
    mia.tags.create(owner=alice, name="mentor")
    ContactFactory(owner=alice, name="Pat")
    ContactFactory(owner=bob, name="Bob's")
    everyone = client.get("/api/v1/contacts", headers=bearer(alice_token)).json()
    assert [c["name"] for c in everyone] == ["Mia", "Pat"]
    tagged = client.get("/api/v1/contacts?tag=mentor", headers=bearer(alice_token))
    assert [c["name"] for c in tagged.json()] == ["Mia"]


def test_a_touch_resets_the_clock_and_empties_the_due_list(
    client: Client, alice: Any, alice_token: str
) -> None:
    old = ContactFactory(owner=alice, name="Old Friend", strength=5)
    InteractionFactory(contact=old, occurred_on=dt.date(2026, 4, 1))
    due = client.get("/api/v1/network/due", headers=bearer(alice_token)).json()
    assert [(d["name"], d["state"]) for d in due] == [("Old Friend", "overdue")]
    response = client.post(
        f"/api/v1/contacts/{old.pk}/interactions",
        {"kind": "coffee", "notes": "caught up"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 201
    assert response.json()["occurred_on"] == "2026-11-23"
    assert client.get("/api/v1/network/due", headers=bearer(alice_token)).json() == []
    touches = client.get(
        f"/api/v1/contacts/{old.pk}/interactions", headers=bearer(alice_token)
    ).json()
    assert [t["kind"] for t in touches] == ["coffee", "coffee"]


def test_patch_changes_only_the_given_fields(
    client: Client, alice: Any, alice_token: str
) -> None:
    contact = ContactFactory(owner=alice, name="Ada", organisation="Acme")
    response = client.patch(
        f"/api/v1/contacts/{contact.pk}",
        {"role": "CTO", "tags": ["peer"]},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 200
    assert (response.json()["role"], response.json()["organisation"]) == ("CTO", "Acme")
    assert response.json()["tags"] == ["peer"]


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("patch", ""),
        ("delete", ""),
        ("get", "/interactions"),
        ("post", "/interactions"),
        ("get", "/mentor-prep"),
    ],
)
def test_another_users_contact_is_a_404(
    client: Client, alice: Any, bob_token: str, method: str, suffix: str
) -> None:
    contact = ContactFactory(owner=alice)
    response = getattr(client, method)(
        f"/api/v1/contacts/{contact.pk}{suffix}",
        {"kind": "call"} if method != "get" else None,
        content_type="application/json",
        headers=bearer(bob_token),
    )
    assert response.status_code == 404
    assert Contact.objects.filter(pk=contact.pk).exists()
    assert Interaction.objects.count() == 0


def test_stats_report_size_strong_ties_and_reciprocity(
    client: Client, alice: Any, alice_token: str
) -> None:
    ada = ContactFactory(owner=alice, strength=4)
    InteractionFactory(contact=ada, kind="help_given")
    body = client.get("/api/v1/network/stats", headers=bearer(alice_token)).json()
    assert (body["size"], body["strong_ties"], body["help_given"]) == (1, 1, 1)


def test_cadences_can_be_read_and_changed(client: Client, alice_token: str) -> None:
    response = client.put(
        "/api/v1/network/cadences/2",
        {"ideal_days": 120, "max_days": 200},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.json() == {"strength": 2, "ideal_days": 120, "max_days": 200}
    tiers = client.get("/api/v1/network/cadences", headers=bearer(alice_token)).json()
    assert {"strength": 5, "ideal_days": 30, "max_days": 45} in tiers


def test_an_import_previews_unless_confirmed(
    client: Client, alice: Any, alice_token: str
) -> None:
    data = (DATA / "connections_2024.csv").read_bytes()
    preview = client.post(
        "/api/v1/network/import/linkedin",
        {"file": SimpleUploadedFile("c.csv", data)},
        headers=bearer(alice_token),
    )
    assert preview.json() == {
        "created": 4, "matched": 0, "skipped": 1, "errors": [], "confirmed": False,
    }  # fmt: skip
    assert Contact.objects.count() == 0
    done = client.post(
        "/api/v1/network/import/linkedin",
        {"file": SimpleUploadedFile("c.csv", data), "confirm": "true"},
        headers=bearer(alice_token),
    )
    assert done.json()["confirmed"] is True
    assert Contact.objects.filter(owner=alice).count() == 4


def test_a_bad_import_reports_its_lines_and_imports_nothing(
    client: Client, alice_token: str
) -> None:
    bad = b"First Name,Last Name,Company,Position,Connected On\nA,B,C,D,soon\n"
    response = client.post(
        "/api/v1/network/import/linkedin",
        {"file": SimpleUploadedFile("c.csv", bad), "confirm": "true"},
        headers=bearer(alice_token),
    )
    assert response.json()["errors"] == [
        "Line 2: cannot read the date 'soon'; expected a date like 12 Mar 2021."
    ]
    assert response.json()["confirmed"] is False
    assert Contact.objects.count() == 0


def test_mentor_prep_returns_markdown_with_open_questions(
    client: Client, alice: Any, alice_token: str
) -> None:
    mia = ContactFactory(owner=alice, name="Mia")
    mia.tags.create(owner=alice, name="mentor")
    client.post(
        f"/api/v1/contacts/{mia.pk}/questions",
        {"text": "What should I read next?"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    body = client.get(
        f"/api/v1/contacts/{mia.pk}/mentor-prep", headers=bearer(alice_token)
    ).json()
    assert body["open_questions"] == ["What should I read next?"]
    assert body["markdown"].startswith("# Meeting with Mia")


def test_the_api_needs_a_token(client: Client, db: None) -> None:
    assert client.get("/api/v1/network/due").status_code == 401
