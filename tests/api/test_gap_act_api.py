"""`GET /api/v1/gaps/actions` and `POST /api/v1/gaps/act`: acting on a gap
over JSON, as the gap page and `headway gap actions|act` do."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.goals.models import Goal
from headway.growth import services
from headway.network.services import contact_create


@pytest.fixture
def api(alice_token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {alice_token}"})


def role(owner: Any) -> None:
    services.target_role_set(
        owner=owner,
        name="Staff Engineer",
        needs=["Kubernetes:3", "mentored two engineers"],
    )
    services.skill_rate_named(owner=owner, name="kubernetes", level=1)


def test_actions_name_the_gap_what_fits_and_who_can_help(
    alice: Any, api: Client
) -> None:
    role(alice)
    contact_create(owner=alice, name="Priya Shah", strength=4, tags=["kubernetes"])
    found = api.get("/api/v1/gaps/actions", {"need": "KUBERNETES"})
    assert found.status_code == 200, found.content
    body = found.json()
    assert body["gap"]["need"] == "Kubernetes"
    assert body["gap"]["state"] == "missing"
    assert {"key", "name"} == set(body["actions"][0])
    assert [helper["name"] for helper in body["helpers"]] == ["Priya Shah"]


def test_act_drafts_a_goal_linked_to_the_gap(alice: Any, api: Client) -> None:
    role(alice)
    actions = api.get("/api/v1/gaps/actions", {"need": "Kubernetes"}).json()
    key = actions["actions"][0]["key"]
    acted = api.post(
        "/api/v1/gaps/act",
        {"need": "kubernetes", "action": key},
        content_type="application/json",
    )
    assert acted.status_code == 201, acted.content
    body = acted.json()
    goal = Goal.objects.get(pk=body["goal_id"])
    assert goal.owner == alice
    assert body["statement"] == goal.statement
    assert body["gap"]["goal_id"] == goal.pk


def test_an_unknown_need_or_action_is_one_message_and_no_goal(
    alice: Any, api: Client
) -> None:
    role(alice)
    for payload in ({"need": "underwater basket weaving"},
                    {"need": "kubernetes", "action": "no-such-action"}):  # fmt: skip
        refused = api.post("/api/v1/gaps/act", payload, content_type="application/json")
        assert refused.status_code in {404, 422}, refused.content
        assert isinstance(refused.json()["detail"], str)
    assert not Goal.objects.exists()


def test_another_owners_role_is_not_theirs_to_act_on(
    alice: Any, bob: Any, bob_token: str
) -> None:
    role(alice)
    bobs = Client(headers={"Authorization": f"Bearer {bob_token}"})
    assert bobs.get("/api/v1/gaps/actions", {"need": "kubernetes"}).status_code in {
        404,
        422,
    }
    acted = bobs.post(
        "/api/v1/gaps/act", {"need": "kubernetes"}, content_type="application/json"
    )
    assert acted.status_code in {404, 422}
    assert not Goal.objects.exists()
