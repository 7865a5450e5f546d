"""`/api/v1/skills` and `/api/v1/gaps`: shapes, owners, bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.growth import services
from headway.growth.models import Skill, SkillRating
from headway.journal.services import entry_create


@pytest.fixture
def api(alice_token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {alice_token}"})


def test_skills_list_and_show(alice: Any, api: Client) -> None:
    entry_create(
        owner=alice, title="Led a retro", skills=["Facilitation"], kind="initiative"
    )
    services.skill_alias(owner=alice, alias="facilitating", name="facilitation")
    listed = api.get("/api/v1/skills").json()
    assert [(s["name"], s["evidence"], s["level"]) for s in listed] == [
        ("Facilitation", 1, None)
    ]
    assert set(listed[0]) == {
        "id",
        "name",
        "category",
        "level",
        "evidence",
        "last_shown",
        "learned_this_year",
    }
    shown = api.get(f"/api/v1/skills/{listed[0]['id']}").json()
    assert shown["aliases"] == ["facilitating"]
    assert [e["title"] for e in shown["entries"]] == ["Led a retro"]


def test_patch_rates_and_files_a_skill(alice: Any, api: Client) -> None:
    skill = services.skill_resolve(owner=alice, name="Stakeholder mgmt")
    response = api.patch(
        f"/api/v1/skills/{skill.pk}",
        {"category": "Leadership", "level": 4},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["category"], response.json()["level"]) == (
        "leadership",
        4,
    )
    assert SkillRating.objects.filter(skill=skill).count() == 1


@pytest.mark.parametrize(
    "payload", [{"level": 0}, {"level": 6}, {"category": "vibes"}, {"name": "  "}]
)
def test_bad_patches_change_nothing(
    alice: Any, api: Client, payload: dict[str, Any]
) -> None:
    skill = services.skill_resolve(owner=alice, name="Go")
    response = api.patch(
        f"/api/v1/skills/{skill.pk}", payload, content_type="application/json"
    )
    assert response.status_code == 422
    assert "detail" in response.json()
    skill.refresh_from_db()
    assert (skill.name, skill.category, skill.level) == ("Go", "other", None)
    assert not SkillRating.objects.exists()


def test_another_owners_skill_is_a_404(alice: Any, bob: Any, api: Client) -> None:
    theirs = services.skill_resolve(owner=bob, name="Negotiation")
    assert api.get(f"/api/v1/skills/{theirs.pk}").status_code == 404
    assert (
        api.patch(
            f"/api/v1/skills/{theirs.pk}", {"level": 5}, content_type="application/json"
        ).status_code
        == 404
    )
    assert Skill.objects.get(pk=theirs.pk).level is None


def test_gaps_shape(alice: Any, api: Client) -> None:
    services.target_role_set(
        owner=alice, name="Data Lead", needs=["SQL:3", "spoke at a conference"]
    )
    services.skill_rate_named(owner=alice, name="sql", level=1)
    found = api.get("/api/v1/gaps").json()
    assert found[0] == {
        "need": "SQL",
        "kind": "skill",
        "state": "missing",
        "gap": "skill",
        "required": 3,
        "current": 1,
        "last_shown": None,
        "rank": 1,
        "goal_id": None,
    }
    assert found[1]["kind"] == "experience"


def test_gaps_without_a_role_say_so(alice: Any, api: Client) -> None:
    response = api.get("/api/v1/gaps")
    assert response.status_code == 422
    assert "No active target role" in str(response.json()["detail"])
