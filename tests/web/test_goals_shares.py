"""The share page: pick goals, get the link once, revoke; strangers get 404."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from headway.accounts.models import Share
from headway.sharing.shares import share_create
from tests.goals.factories import GoalFactory


def test_the_owner_picks_goals_and_sees_the_link_once(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice, statement="Run the Q1 planning offsite")
    form = alice_client.get("/goals/shares/").content.decode()
    assert "Run the Q1 planning offsite" in form
    assert 'name="recipient"' not in form  # local mode: links only
    created = alice_client.post(
        "/goals/shares/", {"goals": [goal.pk], "days": 14}
    ).content.decode()
    link = re.search(r'value="(http://testserver/share/[^"]+)"', created)
    assert link is not None
    assert (
        Client().get(link.group(1).removeprefix("http://testserver")).status_code == 200
    )
    again = alice_client.get("/goals/shares/").content.decode()
    assert link.group(1) not in again
    assert "Revoke share" in again


def test_a_share_needs_at_least_one_goal(alice: Any, alice_client: Client) -> None:
    GoalFactory(owner=alice)
    response = alice_client.post("/goals/shares/", {"days": 30})
    assert response.status_code == 200
    assert "required" in response.content.decode()
    assert not Share.objects.exists()


def test_revoking_from_the_page_closes_the_link(
    alice: Any, alice_client: Client
) -> None:
    share, token = share_create(owner=alice, goal_ids=[GoalFactory(owner=alice).pk])
    alice_client.post(f"/goals/shares/{share.pk}/revoke/")
    assert Client().get(f"/share/{token}").status_code == 404
    assert "revoked" in alice_client.get("/goals/shares/").content.decode()


def test_bob_can_neither_see_nor_revoke_alices_shares(
    alice: Any, bob_client: Client
) -> None:
    goal = GoalFactory(owner=alice, statement="Alice's private goal")
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    assert (
        "Alice's private goal" not in bob_client.get("/goals/shares/").content.decode()
    )
    assert bob_client.post(f"/goals/shares/{share.pk}/revoke/").status_code == 404
    assert Client().get(f"/share/{token}").status_code == 200
    refused = bob_client.post("/goals/shares/", {"goals": [goal.pk], "days": 30})
    assert refused.status_code == 200
    assert not Share.objects.filter(owner__username="bob").exists()
