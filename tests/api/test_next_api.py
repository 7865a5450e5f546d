"""GET /api/v1/next: the next career actions, for their owner only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from headway.goals.services import goal_create


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_next_is_a_ranked_array_for_its_owner_only(
    client: Client, alice: Any, alice_token: str, bob_token: str
) -> None:
    goal = goal_create(owner=alice, statement="Alice Zanzibar goal", due="2026-11-23")
    goal_create(owner=alice, statement="Later goal", due=dt.date(2026, 12, 10))
    mine = client.get("/api/v1/next", headers=bearer(alice_token))
    assert mine.status_code == 200
    assert mine.json() == [
        {
            "title": "Finish or re-plan: Alice Zanzibar goal",
            "score": 9.6,
            "why": [{"term": "due", "value": 9.6}],
            "link": f"/goals/{goal.pk}/",
        },
        {
            "title": "Move forward: Later goal",
            "score": 3.77,
            "why": [{"term": "due", "value": 3.77}],
            "link": mine.json()[1]["link"],
        },
    ]
    theirs = client.get("/api/v1/next", headers=bearer(bob_token)).json()
    assert theirs == []


def test_next_limit_and_its_bounds(
    client: Client, alice: Any, alice_token: str
) -> None:
    for day in (23, 24, 25):
        goal_create(owner=alice, statement=f"Goal {day}", due=dt.date(2026, 11, day))
    limited = client.get("/api/v1/next?limit=2", headers=bearer(alice_token))
    assert len(limited.json()) == 2
    assert (
        client.get("/api/v1/next?limit=0", headers=bearer(alice_token)).status_code
        == 422
    )


def test_next_needs_a_signed_in_owner(client: Client) -> None:
    assert client.get("/api/v1/next").status_code == 401
