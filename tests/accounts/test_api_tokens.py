"""Personal API tokens: named, stored hashed, listed with their last use, revoked
from the CLI, the API and the Tokens page; a revoked token opens nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.http import Http404
from django.test import Client
from typer.testing import CliRunner

from headway.accounts.models import ApiToken
from headway.accounts.services import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    api_tokens_list,
)
from headway.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_is_stored_only_as_its_hash(alice: Any) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    stored = ApiToken.objects.get(pk=record.pk)
    assert token not in {stored.digest, stored.prefix, stored.name}
    assert stored.prefix == token[:10]


def test_the_list_shows_names_and_last_use_newest_first(alice: Any, bob: Any) -> None:
    _, token = api_token_create(owner=alice, name="laptop")
    api_token_create(owner=alice, name="phone")
    api_token_create(owner=bob, name="bobs")
    with time_machine.travel("2026-11-24 08:30:00Z", tick=False):
        assert api_token_authenticate(token=token) == alice
    listed = api_tokens_list(owner=alice)
    assert [t.name for t in listed] == ["phone", "laptop"]
    assert listed[1].last_used_at.isoformat() == "2026-11-24T08:30:00+00:00"
    assert listed[0].last_used_at is None


def test_a_revoked_token_opens_nothing(alice: Any, client: Client) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    assert client.get("/api/v1/entries", headers=bearer(token)).status_code == 200
    api_token_revoke(owner=alice, token_id=record.pk)
    assert client.get("/api/v1/entries", headers=bearer(token)).status_code == 401
    assert api_token_authenticate(token=token) is None


def test_nobody_revokes_someone_elses_token(alice: Any, bob: Any) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    with pytest.raises(Http404):
        api_token_revoke(owner=bob, token_id=record.pk)
    assert api_token_authenticate(token=token) == alice


def test_the_cli_lists_and_revokes_tokens(alice: Any) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    listed = runner.invoke(app, ["token", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    (shown,) = json.loads(listed.output)
    assert shown == {
        "id": record.pk,
        "name": "laptop",
        "prefix": token[:10],
        "created": "2026-11-23T10:00:00+00:00",
        "last_used_at": None,
        "revoked_at": None,
    }
    table = runner.invoke(app, ["token", "list"])
    assert "laptop" in table.output
    assert "never used" in table.output
    revoked = runner.invoke(app, ["token", "revoke", str(record.pk)])
    assert revoked.exit_code == 0, revoked.output
    assert "Revoked token" in revoked.output
    assert api_token_authenticate(token=token) is None
    unknown = runner.invoke(app, ["token", "revoke", "999999"])
    assert unknown.exit_code == 1
    assert "headway token list" in unknown.output


def test_the_api_lists_creates_and_revokes_tokens(alice: Any, client: Client) -> None:
    _, token = api_token_create(owner=alice, name="laptop")
    created = client.post(
        "/api/v1/tokens",
        {"name": "ci"},
        content_type="application/json",
        headers=bearer(token),
    )
    assert created.status_code == 201
    new = created.json()
    assert new["token"].startswith("hw_")
    listed = client.get("/api/v1/tokens", headers=bearer(token)).json()
    assert [t["name"] for t in listed] == ["ci", "laptop"]
    assert all("token" not in t for t in listed)
    assert listed[1]["last_used_at"] == "2026-11-23T10:00:00+00:00"
    revoked = client.post(f"/api/v1/tokens/{new['id']}/revoke", headers=bearer(token))
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] == "2026-11-23T10:00:00+00:00"
    assert client.get("/api/v1/tokens", headers=bearer(new["token"])).status_code == 401


def test_the_api_refuses_another_users_token_id(
    alice: Any, bob_token: str, client: Client
) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    response = client.post(
        f"/api/v1/tokens/{record.pk}/revoke", headers=bearer(bob_token)
    )
    assert response.status_code == 404
    assert api_token_authenticate(token=token) == alice


def test_the_tokens_page_creates_lists_and_revokes(
    alice: Any, alice_client: Client
) -> None:
    created = alice_client.post("/tokens/", {"name": "laptop"})
    assert created.status_code == 200
    record = ApiToken.objects.get(owner=alice)
    page = created.content.decode()
    assert "hw_" in page  # shown once, on this answer only
    assert "laptop" in page
    again = alice_client.get("/tokens/").content.decode()
    assert "laptop" in again
    assert "never used" in again
    response = alice_client.post(f"/tokens/{record.pk}/revoke")
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.revoked_at is not None


def test_another_user_cannot_revoke_from_the_page(
    alice: Any, bob_client: Client
) -> None:
    record, _ = api_token_create(owner=alice, name="laptop")
    assert bob_client.post(f"/tokens/{record.pk}/revoke").status_code == 404
    assert f'id="token-{record.pk}"' not in bob_client.get("/tokens/").content.decode()
    record.refresh_from_db()
    assert record.revoked_at is None
