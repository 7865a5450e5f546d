"""The goals, priorities, coach and shares API: CRUD, errors, and strangers' 404s."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from headway.accounts.models import Share
from headway.goals.models import CheckIn, Goal
from tests.goals.factories import CheckInFactory, GoalFactory


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def call(method: str, url: str, token: str, body: dict[str, Any] | None = None) -> Any:
    client = Client()
    return getattr(client, method)(
        url,
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_create_a_goal_with_every_field(alice: Any, alice_token: str) -> None:
    response = call(
        "post",
        "/api/v1/goals",
        alice_token,
        {
            "statement": "Apply for three internal postings every quarter",
            "target": 3,
            "unit": "applications",
            "recurrence": "quarter",
            "due": "end of 2027",
            "priority": "promotion",
            "horizon": "long",
        },
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["due"] == "2027-12-31"
    assert created["priority"] == "Promotion to a more senior role"
    # Its first quarter counts from today, pro-rated: not behind on day one.
    assert (created["progress"], created["pace"]) == (0.0, "on")
    assert created["period_target"] == 2.0
    assert Goal.objects.get().owner == alice


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"statement": ""}, "empty"),
        ({"statement": "x" * 1001}, "1,000"),
        ({"statement": "Ship it", "target": -1}, "more than zero"),
        ({"statement": "Ship it", "target": 0}, "more than zero"),
        ({"statement": "Ship it", "due": "2020-01-01"}, "before the start"),
        ({"statement": "Ship it", "priority": "fame"}, "No priority"),
    ],
)
def test_bad_goals_are_refused_with_422(
    alice: Any, alice_token: str, body: dict[str, Any], message: str
) -> None:
    response = call("post", "/api/v1/goals", alice_token, body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not Goal.objects.exists()


def test_a_target_that_is_not_a_number_is_refused(alice_token: str) -> None:
    response = call(
        "post", "/api/v1/goals", alice_token, {"statement": "Ship", "target": "abc"}
    )
    assert response.status_code == 422
    assert not Goal.objects.exists()


def test_list_read_update_and_delete(alice: Any, alice_token: str) -> None:
    goal = GoalFactory(owner=alice, statement="Publish 4 articles by June 2027")
    CheckInFactory(goal=goal, value=2)
    listed = call("get", "/api/v1/goals?status=active", alice_token).json()
    assert [g["id"] for g in listed] == [goal.pk]
    assert listed[0]["progress"] == 0.5
    shown = call("get", f"/api/v1/goals/{goal.pk}", alice_token).json()
    assert shown["statement"] == "Publish 4 articles by June 2027"
    changed = call(
        "put",
        f"/api/v1/goals/{goal.pk}",
        alice_token,
        {"statement": "Publish 8 articles by June 2027", "target": 8},
    ).json()
    assert (changed["target"], changed["progress"]) == (8.0, 0.25)
    assert call("delete", f"/api/v1/goals/{goal.pk}", alice_token).status_code == 204
    assert not Goal.objects.exists()


def test_check_ins_through_the_api(alice: Any, alice_token: str) -> None:
    goal = GoalFactory(owner=alice)
    created = call(
        "post",
        f"/api/v1/goals/{goal.pk}/checkins",
        alice_token,
        {"value": 1, "note": "first", "checked_on": "yesterday"},
    )
    assert created.status_code == 201
    assert created.json()["checked_on"] == "2026-11-22"
    listed = call("get", f"/api/v1/goals/{goal.pk}/checkins", alice_token).json()
    assert [c["note"] for c in listed] == ["first"]
    checkin_id = listed[0]["id"]
    url = f"/api/v1/goals/{goal.pk}/checkins/{checkin_id}"
    assert call("delete", url, alice_token).status_code == 204
    assert not CheckIn.objects.exists()


def test_done_and_drop_through_the_api(alice: Any, alice_token: str) -> None:
    first, second = GoalFactory(owner=alice), GoalFactory(owner=alice)
    done = call("post", f"/api/v1/goals/{first.pk}/done", alice_token).json()
    assert done["status"] == "achieved"
    dropped = call(
        "post", f"/api/v1/goals/{second.pk}/drop", alice_token, {"reason": "Moved"}
    ).json()
    assert (dropped["status"], dropped["drop_reason"]) == ("dropped", "Moved")
    refused = call(
        "post", f"/api/v1/goals/{second.pk}/checkins", alice_token, {"value": 1}
    )
    assert refused.status_code == 409


def test_bob_gets_404_for_every_route_on_alices_goal(
    alice: Any, bob_token: str
) -> None:
    goal = GoalFactory(owner=alice)
    checkin = CheckInFactory(goal=goal)
    base = f"/api/v1/goals/{goal.pk}"
    attempts = [
        ("get", base, None),
        ("put", base, {"statement": "Mine now"}),
        ("delete", base, None),
        ("post", f"{base}/done", None),
        ("post", f"{base}/drop", {"reason": "x"}),
        ("get", f"{base}/checkins", None),
        ("post", f"{base}/checkins", {"value": 1}),
        ("delete", f"{base}/checkins/{checkin.pk}", None),
    ]
    for method, url, body in attempts:
        assert call(method, url, bob_token, body).status_code == 404, url
    assert call("get", "/api/v1/goals", bob_token).json() == []
    goal.refresh_from_db()
    assert (goal.statement, goal.status, goal.checkins.count()) == (
        goal.statement,
        "active",
        1,
    )


def test_the_coach_route_returns_the_five_verdicts(
    alice: Any, alice_token: str
) -> None:
    response = call(
        "post",
        "/api/v1/coach/smart",
        alice_token,
        {"statement": "Become Senior Marketing Manager by the end of 2027"},
    )
    assert response.status_code == 200
    found = response.json()
    assert found["specific"]["verdict"] == "pass"
    assert found["time_bound"]["verdict"] == "pass"
    assert found["parsed_due"] == "2027-12-31"
    assert not Goal.objects.exists()


def test_the_coach_route_uses_due_target_and_priority(
    alice: Any, alice_token: str
) -> None:
    call("put", "/api/v1/priorities", alice_token, {"priorities": ["promotion"]})
    found = call(
        "post",
        "/api/v1/coach/smart",
        alice_token,
        {
            "statement": "mentor two juniors",
            "due": "2027-06-30",
            "target": 2,
            "priority": "promotion",
        },
    ).json()
    assert found["relevant"]["verdict"] == "pass"
    assert found["time_bound"]["verdict"] == "pass"
    assert found["measurable"]["verdict"] == "pass"


def test_priorities_rank_add_and_history(alice: Any, alice_token: str) -> None:
    ranked = call(
        "put", "/api/v1/priorities", alice_token, {"priorities": ["new skill", "pay"]}
    ).json()
    assert [p["key"] for p in ranked["ranked"]] == ["new-skill", "pay"]
    own = call("post", "/api/v1/priorities", alice_token, {"name": "Live abroad"})
    assert own.status_code == 201
    board = call("get", "/api/v1/priorities", alice_token).json()
    assert "Live abroad" in [p["name"] for p in board["unranked"]]
    assert board["history"][0]["ranked_on"] == "2026-11-23"
    bad = call("put", "/api/v1/priorities", alice_token, {"priorities": ["fame"]})
    assert bad.status_code == 422


def test_strengths_through_the_api(alice: Any, alice_token: str) -> None:
    saved = call(
        "post", "/api/v1/priorities/strengths", alice_token, {"excel": "Facilitation"}
    )
    assert saved.status_code == 201
    listed = call("get", "/api/v1/priorities/strengths", alice_token).json()
    assert listed[0]["excel"] == "Facilitation"


def test_shares_create_list_and_revoke(
    alice: Any, alice_token: str, bob_token: str
) -> None:
    goal = GoalFactory(owner=alice)
    created = call("post", "/api/v1/shares", alice_token, {"goal_ids": [goal.pk]})
    assert created.status_code == 201
    url = created.json()["url"]
    assert "/share/" in url
    token = url.rsplit("/", 1)[1]
    assert Client().get(f"/share/{token}").status_code == 200
    share_id = created.json()["id"]
    listed = call("get", "/api/v1/shares", alice_token).json()
    assert listed[0]["url"] is None  # the link is shown only once
    assert call("get", "/api/v1/shares", bob_token).json() == []
    stranger = call("post", f"/api/v1/shares/{share_id}/revoke", bob_token)
    assert stranger.status_code == 404
    revoked = call("post", f"/api/v1/shares/{share_id}/revoke", alice_token)
    assert revoked.json()["revoked"] is True
    assert Client().get(f"/share/{token}").status_code == 404


def test_a_share_of_bobs_goal_is_refused(
    alice: Any, bob: Any, alice_token: str
) -> None:
    theirs = GoalFactory(owner=bob)
    response = call("post", "/api/v1/shares", alice_token, {"goal_ids": [theirs.pk]})
    assert response.status_code == 422
    assert not Share.objects.exists()


def test_the_api_needs_a_token(db: None) -> None:
    assert Client().get("/api/v1/goals").status_code == 401
