"""Search and filter words reach the database as text it can hold.

PostgreSQL refuses a NUL character even inside a WHERE clause; schemathesis
found a 500 that way. The filters drop it, on both databases, and still match.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.journal.services import entry_create
from headway.network.services import contact_create


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/v1/contacts?q=Ada%00", ["Ada Lovelace"]),
        ("/api/v1/contacts?tag=%00mentor", ["Ada Lovelace"]),
        ("/api/v1/contacts?q=%00", ["Ada Lovelace", "Grace Hopper"]),
    ],
)
def test_contact_filters_with_nul(
    client: Client, alice: Any, alice_token: str, path: str, expected: list[str]
) -> None:
    contact_create(owner=alice, name="Ada Lovelace", tags=["mentor"])
    contact_create(owner=alice, name="Grace Hopper")
    response = client.get(path, headers={"Authorization": f"Bearer {alice_token}"})
    assert response.status_code == 200
    assert sorted(contact["name"] for contact in response.json()) == expected


@pytest.mark.parametrize(
    "query", ["q=cache%00", "tag=%00perf", "skill=SQL%00", "q=%00&tag=perf"]
)
def test_entry_filters_with_nul(
    client: Client, alice: Any, alice_token: str, query: str
) -> None:
    entry_create(
        owner=alice, title="Cut cache misses by half", tags=["perf"], skills=["SQL"]
    )
    entry_create(owner=alice, title="Wrote the onboarding guide")
    response = client.get(
        f"/api/v1/entries?{query}", headers={"Authorization": f"Bearer {alice_token}"}
    )
    assert response.status_code == 200
    assert [entry["title"] for entry in response.json()["items"]] == [
        "Cut cache misses by half"
    ]
