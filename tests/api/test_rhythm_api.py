"""The agenda, cadences and profile over the JSON API, for their owner only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from headway.goals.services import goal_create
from headway.journal.services import entry_create
from headway.reviews.models import AgendaMark


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_the_agenda_lists_the_owners_items_only(
    client: Client, alice: Any, alice_token: str, bob_token: str
) -> None:
    goal_create(owner=alice, statement="Alice Zanzibar goal", due="2026-11-30")
    mine = client.get("/api/v1/agenda", headers=bearer(alice_token)).json()
    assert {"due": "2026-11-30", "kind": "goal-due"}.items() <= mine[0].items()
    theirs = client.get("/api/v1/agenda?days=60", headers=bearer(bob_token)).json()
    assert all("Zanzibar" not in item["title"] for item in theirs)


def test_an_out_of_range_window_is_a_422(client: Client, alice_token: str) -> None:
    response = client.get("/api/v1/agenda?days=9999", headers=bearer(alice_token))
    assert response.status_code == 422
    assert "detail" in response.json()


def test_an_item_is_settled_or_put_off_by_its_key(
    client: Client, alice: Any, alice_token: str, bob_token: str
) -> None:
    feedback = entry_create(
        owner=alice,
        kind="feedback",
        title="Retro",
        occurred_on=dt.date(2026, 10, 1),
        details={"adjustment": "Plan first"},
    )
    key = f"adjustment:{feedback.pk}"
    later = client.post(
        f"/api/v1/agenda/{key}/later",
        {"days": 7},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert later.status_code == 204
    mark = AgendaMark.objects.get(owner=alice, key=key)
    assert mark.snoozed_until == dt.date(2026, 11, 30)
    done = client.post(f"/api/v1/agenda/{key}/done", headers=bearer(alice_token))
    assert done.status_code == 204
    unknown = client.post("/api/v1/agenda/goal:1/done", headers=bearer(alice_token))
    assert unknown.status_code == 404
    assert client.get("/api/v1/agenda").status_code == 401


def test_cadences_are_listed_changed_and_marked_done(
    client: Client, alice_token: str
) -> None:
    listed = client.get("/api/v1/cadences", headers=bearer(alice_token)).json()
    assert [row["kind"] for row in listed] == [
        "weekly", "manager", "quarterly", "yearly", "mentor",
    ]  # fmt: skip
    changed = client.put(
        "/api/v1/cadences/manager",
        {"every_days": None},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert changed.status_code == 200
    assert changed.json()["on"] is False
    done = client.post(
        "/api/v1/cadences/weekly/done",
        {"date": "2026-11-20"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert done.json()["next_due"] == "2026-11-27"
    bad = client.put(
        "/api/v1/cadences/daily",
        {"every_days": 1},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert bad.status_code == 404


def test_the_profile_is_read_and_patched(
    client: Client, alice_token: str, bob_token: str
) -> None:
    patched = client.patch(
        "/api/v1/profile",
        {"name": "Alice L.", "links": ["https://example.org/a"]},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert patched.status_code == 200
    assert patched.json()["name"] == "Alice L."
    assert client.get("/api/v1/profile", headers=bearer(bob_token)).json()["name"] == ""
    bad = client.patch(
        "/api/v1/profile",
        {"email": "nope"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert bad.status_code == 422
