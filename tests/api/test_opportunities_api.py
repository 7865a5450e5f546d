"""Opportunities over JSON: shapes, moves that need confirming, strangers' 404s."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.opportunities import services
from headway.opportunities.models import MentorCandidate, Opening, TargetCompany
from tests.network.factories import ContactFactory


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)


def call(client: Client, token: str, method: str, url: str, body: Any = None) -> Any:
    return getattr(client, method)(
        f"/api/v1{url}",
        data=body if body is not None else {},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.fixture
def world(alice: Any) -> dict[str, Any]:
    sue = ContactFactory(owner=alice, name="Sue", organisation="Acme GmbH", strength=4)
    company = services.company_create(owner=alice, name="ACME")
    opening = services.opening_create(
        owner=alice, company=company, role="PM", source="referral", referrer=sue
    )
    candidate = services.candidate_add(owner=alice, contact=sue)
    return {"company": company, "opening": opening, "candidate": candidate, "sue": sue}


def test_a_company_shows_its_contacts_with_strength_and_last_touch(
    world: dict[str, Any], client: Client, alice_token: str
) -> None:
    found = call(client, alice_token, "get", f"/companies/{world['company'].pk}")
    assert found.status_code == 200
    assert found.json()["contacts"] == [
        {
            "id": world["sue"].pk,
            "name": "Sue",
            "strength": 4,
            "last_touch": "2026-11-20",
        }
    ]


def test_an_opening_is_added_and_moved_and_a_skip_is_a_409_until_forced(
    world: dict[str, Any], client: Client, alice_token: str
) -> None:
    made = call(
        client,
        alice_token,
        "post",
        "/openings",
        {"company_id": world["company"].pk, "role": "Designer", "source": "posting"},
    )
    assert made.status_code == 201
    pk = made.json()["id"]
    skipped = call(
        client, alice_token, "post", f"/openings/{pk}/moves", {"stage": "offer"}
    )
    assert skipped.status_code == 409
    assert "not to offer" in skipped.json()["detail"]
    forced = call(
        client,
        alice_token,
        "post",
        f"/openings/{pk}/moves",
        {"stage": "offer", "force": True},
    )
    assert forced.json()["stage"] == "offer"
    listed = call(client, alice_token, "get", "/openings").json()
    assert {row["role"] for row in listed} == {"Designer", "PM"}


def test_a_bad_link_and_a_long_name_are_one_message_each(
    world: dict[str, Any], client: Client, alice_token: str
) -> None:
    link = call(
        client,
        alice_token,
        "post",
        "/openings",
        {
            "company_id": world["company"].pk,
            "role": "Designer",
            "source": "posting",
            "link": "file:///etc/passwd",
        },
    )
    assert link.status_code == 422
    assert "http:// or https://" in link.json()["detail"]
    name = call(client, alice_token, "post", "/companies", {"name": "z" * 201})
    assert name.status_code == 422
    assert "limit is 200" in name.json()["detail"]
    assert (Opening.objects.count(), TargetCompany.objects.count()) == (1, 1)


def test_every_route_with_an_id_is_a_404_for_another_user(
    world: dict[str, Any], client: Client, bob: Any, bob_token: str
) -> None:
    company, opening = world["company"].pk, world["opening"].pk
    candidate = world["candidate"].pk
    routes = [
        ("get", f"/companies/{company}", None),
        ("delete", f"/companies/{company}", None),
        ("get", f"/openings/{opening}", None),
        ("post", f"/openings/{opening}/moves", {"stage": "applied"}),
        ("post", f"/openings/{opening}/follow-ups", {}),
        ("get", f"/mentor-candidates/{candidate}", None),
        ("get", f"/mentor-candidates/{candidate}/draft", None),
        ("post", f"/mentor-candidates/{candidate}/moves", {"stage": "asked"}),
        (
            "post",
            "/openings",
            {"company_id": company, "role": "Mine", "source": "posting"},
        ),
        ("post", "/mentor-candidates", {"contact_id": world["sue"].pk}),
    ]
    for method, url, body in routes:
        response = call(client, bob_token, method, url, body)
        assert response.status_code == 404, (method, url, response.content)
    assert Opening.objects.get().stage == "interested"
    assert TargetCompany.objects.count() == 1
    assert MentorCandidate.objects.get().stage == "identified"
    assert call(client, bob_token, "get", "/companies").json() == []
