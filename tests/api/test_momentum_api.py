"""GET /api/v1/momentum: the same JSON as the CLI, for the token's owner only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from tests.factories import EntryFactory
from tests.goals.factories import GoalFactory


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-12-03 10:00:00Z", tick=False)


def test_momentum_gives_months_weeks_trend_and_drift(
    client: Client, alice: Any, alice_token: str
) -> None:
    EntryFactory(owner=alice, kind="learning", occurred_on=dt.date(2026, 11, 4),
                 details={"subtype": "exam"})  # fmt: skip
    response = client.get("/api/v1/momentum", headers=bearer(alice_token))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"months", "weeks", "trend", "drift"}
    assert body["months"][-2] == {
        "month": "2026-11", "score": 5.0, "activities": {"learning": 1},
        "complete": True,
    }  # fmt: skip
    assert body["drift"]["drifting"] is False


def test_months_is_a_query_parameter_with_limits(
    client: Client, alice: Any, alice_token: str
) -> None:
    ok = client.get("/api/v1/momentum?months=2", headers=bearer(alice_token))
    assert [m["month"] for m in ok.json()["months"]] == ["2026-11", "2026-12"]
    refused = client.get("/api/v1/momentum?months=0", headers=bearer(alice_token))
    assert refused.status_code == 422


def test_bob_sees_none_of_alices_activity_or_goals(
    client: Client, alice: Any, bob: Any, bob_token: str
) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 4))
    GoalFactory(owner=alice, statement="Alice goal Zanzibar")
    bob.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    bob.save()
    body = client.get("/api/v1/momentum", headers=bearer(bob_token)).json()
    assert all(m["activities"] == {} for m in body["months"])
    assert body["drift"]["drifting"] is True
    assert "Zanzibar" not in str(body)
    assert all(s["link"]["kind"] != "goal" for s in body["drift"]["suggestions"])


def test_momentum_needs_a_token(client: Client, alice: Any) -> None:
    assert client.get("/api/v1/momentum").status_code == 401
