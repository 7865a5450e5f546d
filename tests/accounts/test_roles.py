"""The owner's role history: services, the CLI, the API and the profile page."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from typer.testing import CliRunner

from headway.accounts.models import Role
from headway.accounts.roles import role_create, role_for_day, roles_list
from headway.core.errors import NotFound


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_a_role_without_an_end_is_held_still(alice: Any) -> None:
    role = role_create(
        owner=alice,
        title="Staff engineer",
        organisation="Globex",
        started_on="2024-03-01",
    )
    assert role.ended_on is None
    assert role_for_day([role], dt.date(2026, 11, 23)) == role
    assert role_for_day([role], dt.date(2024, 2, 29)) is None


def test_an_entry_falls_under_the_latest_role_covering_its_day(alice: Any) -> None:
    old = role_create(
        owner=alice,
        title="Engineer",
        organisation="Acme",
        started_on="2020-01-01",
        ended_on="2024-06-30",
    )
    new = role_create(
        owner=alice, title="Lead", organisation="Acme", started_on="2024-06-01"
    )
    roles = roles_list(owner=alice)
    assert roles == [new, old]
    assert role_for_day(roles, dt.date(2024, 6, 15)) == new
    assert role_for_day(roles, dt.date(2023, 1, 1)) == old


def test_a_role_that_ends_before_it_starts_is_refused(alice: Any) -> None:
    with pytest.raises(ValidationError, match="ends"):
        role_create(
            owner=alice,
            title="Engineer",
            organisation="Acme",
            started_on="2024-01-01",
            ended_on="2023-01-01",
        )
    assert not Role.objects.exists()


def test_a_role_needs_a_title_and_an_organisation(alice: Any) -> None:
    with pytest.raises(ValidationError):
        role_create(
            owner=alice, title=" ", organisation="Acme", started_on="2024-01-01"
        )


def run(*args: str) -> Any:
    from headway.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_adds_lists_and_removes_roles(alice: Any) -> None:
    added = run(
        "profile", "role", "add", "--title", "Engineer", "--org", "Acme",
        "--start", "2021-02-01", "--end", "2023-12-31",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = json.loads(run("profile", "role", "list", "--json").stdout)
    assert listed == [
        {
            "id": listed[0]["id"],
            "title": "Engineer",
            "organisation": "Acme",
            "started_on": "2021-02-01",
            "ended_on": "2023-12-31",
        }
    ]
    assert "Acme" in run("profile", "role", "list").stdout
    removed = run("profile", "role", "remove", str(listed[0]["id"]))
    assert removed.exit_code == 0
    assert not Role.objects.exists()


def test_cli_says_plainly_when_a_role_is_not_yours(alice: Any, bob: Any) -> None:
    bobs = role_create(owner=bob, title="X", organisation="Y", started_on="2024-01-01")
    result = run("profile", "role", "remove", str(bobs.pk))
    assert result.exit_code == 1
    assert f"No role {bobs.pk}" in result.stderr
    assert Role.objects.filter(pk=bobs.pk).exists()


def test_cli_refuses_a_date_it_cannot_read(alice: Any) -> None:
    result = run(
        "profile", "role", "add", "--title", "E", "--org", "A", "--start", "someday"
    )
    assert result.exit_code == 1
    assert "Cannot read 'someday' as a date" in result.stderr


def test_api_adds_lists_and_removes_roles(alice: Any, alice_token: str) -> None:
    client = Client(headers={"Authorization": f"Bearer {alice_token}"})
    created = client.post(
        "/api/v1/profile/roles",
        {"title": "Lead", "organisation": "Globex", "started_on": "2025-01-01"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    role_id = created.json()["id"]
    assert client.get("/api/v1/profile/roles").json()[0]["ended_on"] is None
    assert client.delete(f"/api/v1/profile/roles/{role_id}").status_code == 204
    assert client.get("/api/v1/profile/roles").json() == []


def test_api_refuses_a_bad_role_with_a_detail(alice: Any, alice_token: str) -> None:
    client = Client(headers={"Authorization": f"Bearer {alice_token}"})
    response = client.post(
        "/api/v1/profile/roles",
        {
            "title": "Lead",
            "organisation": "Globex",
            "started_on": "2025-01-01",
            "ended_on": "2024-01-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "ends" in response.json()["detail"]


def test_api_never_shows_or_removes_another_owners_role(
    alice: Any, bob: Any, bob_token: str
) -> None:
    alices = role_create(
        owner=alice, title="Secretrole", organisation="Acme", started_on="2024-01-01"
    )
    client = Client(headers={"Authorization": f"Bearer {bob_token}"})
    assert b"Secretrole" not in client.get("/api/v1/profile/roles").content
    assert client.delete(f"/api/v1/profile/roles/{alices.pk}").status_code == 404
    assert Role.objects.filter(pk=alices.pk).exists()


def test_profile_page_adds_shows_and_removes_a_role(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post(
        "/profile/roles/",
        {"title": "Lead <b>", "organisation": "Globex", "started_on": "2025-01-01"},
    )
    assert response.status_code == 302
    page = alice_client.get("/profile/").content.decode()
    assert "Lead &lt;b&gt;" in page
    assert '<h2 id="roles-heading">Roles</h2>' in page
    role = Role.objects.get(owner=alice)
    assert alice_client.post(f"/profile/roles/{role.pk}/remove/").status_code == 302
    assert not Role.objects.exists()


def test_profile_page_shows_why_a_role_was_refused(alice_client: Client) -> None:
    response = alice_client.post(
        "/profile/roles/",
        {
            "title": "Lead",
            "organisation": "Globex",
            "started_on": "2025-01-01",
            "ended_on": "2024-01-01",
        },
    )
    assert response.status_code == 200
    assert "ends (2024-01-01) before it starts" in response.content.decode()
    assert not Role.objects.exists()


def test_profile_page_cannot_remove_another_owners_role(
    alice: Any, bob_client: Client
) -> None:
    alices = role_create(
        owner=alice, title="Lead", organisation="Acme", started_on="2024-01-01"
    )
    assert bob_client.post(f"/profile/roles/{alices.pk}/remove/").status_code == 404
    assert Role.objects.filter(pk=alices.pk).exists()


def test_removing_an_unknown_role_raises_not_found(alice: Any) -> None:
    from headway.accounts.roles import role_delete

    with pytest.raises(NotFound):
        role_delete(owner=alice, role_id=999)
