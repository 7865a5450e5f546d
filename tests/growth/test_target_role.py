"""The target role: one per owner, its needs an ordered list without repeats."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from typer.testing import CliRunner

from headway.cli import app
from headway.growth import selectors, services
from headway.growth.models import TargetRole


def test_setting_a_target_role_makes_it_the_active_one_and_keeps_the_other(
    alice: Any,
) -> None:
    services.target_role_set(owner=alice, name="Staff Engineer", needs=["design"])
    services.target_role_set(
        owner=alice,
        name="  Engineering   Manager ",
        needs=["Hiring", "hiring", "", "Running a budget"],
    )
    role = selectors.target_role(owner=alice)
    assert role is not None
    assert (role.name, role.needs) == (
        "Engineering Manager",
        ["Hiring", "Running a budget"],
    )
    assert TargetRole.objects.count() == 2
    assert list(
        TargetRole.objects.filter(active=True).values_list("name", flat=True)
    ) == ["Engineering Manager"]


def test_an_empty_name_clears_the_target_role(alice: Any) -> None:
    services.target_role_set(owner=alice, name="Staff Engineer")
    services.target_role_set(owner=alice, name="")
    assert selectors.target_role(owner=alice) is None


def test_needs_without_a_role_are_refused(alice: Any) -> None:
    with pytest.raises(ValidationError, match="Name the role"):
        services.target_role_set(owner=alice, name="", needs=["SQL"])


def test_the_growth_page_sets_the_target_role(alice: Any, alice_client: Client) -> None:
    response = alice_client.post(
        "/growth/", {"name": "Head of Data", "needs": "Hiring\nStakeholder reviews"}
    )
    assert response.status_code == 302
    html = alice_client.get("/growth/").content.decode()
    assert "Head of Data" in html
    assert "<li>Stakeholder reviews</li>" in html


def test_bob_does_not_see_alices_target_role(alice: Any, bob_client: Client) -> None:
    services.target_role_set(owner=alice, name="Chief Data Officer")
    assert "Chief Data Officer" not in bob_client.get("/growth/").content.decode()


def test_the_target_role_through_the_api(alice: Any, alice_token: str) -> None:
    client = Client(headers={"Authorization": f"Bearer {alice_token}"})
    saved = client.put(
        "/api/v1/priorities/target-role",
        {"name": "Principal Engineer", "needs": ["Org-wide design reviews"]},
        content_type="application/json",
    )
    assert saved.json() == {
        "name": "Principal Engineer",
        "needs": ["Org-wide design reviews"],
    }
    assert client.get("/api/v1/priorities/target-role").json()["name"] == (
        "Principal Engineer"
    )


def test_the_target_role_from_the_command_line(alice: Any) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["target", "set", "Engineering Manager", "--need", "Hiring"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["target", "show", "--json"]).stdout)
    assert shown == {"name": "Engineering Manager", "needs": ["Hiring"]}
