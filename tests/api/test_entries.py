"""The entries API with personal tokens: create, list, read, and refuse."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.journal.models import Entry
from tests.factories import EntryFactory


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_posting_an_entry_creates_it_for_the_token_owner(
    client: Client, alice: Any, alice_token: str
) -> None:
    response = client.post(
        "/api/v1/entries",
        {
            "title": "Cut build time",
            "kind": "accomplishment",
            "occurred_on": "2026-11-20",
            "tags": ["ci"],
            "result": "8 minutes instead of 20",
        },
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Cut build time"
    assert body["occurred_on"] == "2026-11-20"
    assert body["tags"] == ["ci"]
    assert Entry.objects.get(pk=body["id"]).owner == alice


def test_listing_shows_the_owners_entries_newest_first(
    client: Client, alice: Any, bob: Any, alice_token: str
) -> None:
    older = EntryFactory(owner=alice, occurred_on="2026-01-01")
    newer = EntryFactory(owner=alice, occurred_on="2026-06-01")
    EntryFactory(owner=bob)
    response = client.get("/api/v1/entries", headers=bearer(alice_token))
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [newer.pk, older.pk]


def test_one_entry_can_be_read_by_id(
    client: Client, alice: Any, alice_token: str
) -> None:
    entry = EntryFactory(owner=alice, title="A win")
    response = client.get(f"/api/v1/entries/{entry.pk}", headers=bearer(alice_token))
    assert response.status_code == 200
    assert response.json()["title"] == "A win"


def test_another_users_entry_is_a_404_in_the_api(
    client: Client, alice: Any, bob_token: str
) -> None:
    entry = EntryFactory(owner=alice)
    response = client.get(f"/api/v1/entries/{entry.pk}", headers=bearer(bob_token))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer hw_not-a-real-token"}, {"Authorization": "Basic x"}],
)
def test_requests_without_a_valid_token_get_401(
    client: Client, alice: Any, headers: dict[str, str]
) -> None:
    assert client.get("/api/v1/entries", headers=headers).status_code == 401


def test_a_session_signs_in_the_api_too(alice_client: Client, alice: Any) -> None:
    EntryFactory(owner=alice)
    assert alice_client.get("/api/v1/entries").status_code == 200


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"title": ""}, "title is empty"),
        ({"title": "x" * 301}, "limit is 300"),
        ({"title": "Fine", "kind": "brag"}, "Unknown kind"),
        ({"title": "Fine", "occurred_on": "blorp"}, "Cannot read"),
        ({"title": "Fine", "body": "b" * 100_001}, "limit is 100,000"),
        ({"title": "bad \udcff"}, "not valid UTF-8"),
    ],
)
def test_bad_input_is_a_422_with_a_detail_and_saves_nothing(
    client: Client, alice_token: str, payload: dict[str, Any], message: str
) -> None:
    response = client.post(
        "/api/v1/entries",
        payload,
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert Entry.objects.count() == 0


def test_a_missing_title_is_a_422_with_a_detail(
    client: Client, alice_token: str
) -> None:
    response = client.post(
        "/api/v1/entries",
        {},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert "detail" in response.json()


def test_the_openapi_document_is_served(client: Client, db: None) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/entries" in response.json()["paths"]
