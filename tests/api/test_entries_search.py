"""The entries API: kinds, filters with cursors, edits, samples, the NEAR coach."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from headway.journal.models import Entry
from tests.factories import EntryFactory


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_an_entry_is_created_with_its_kinds_details_and_links(
    client: Client, alice_token: str
) -> None:
    response = client.post(
        "/api/v1/entries",
        {"title": "CKA", "kind": "learning",
         "details": {"subtype": "exam", "hours": 40},
         "links": ["https://example.org/cert"], "skills": ["Kubernetes"]},
        content_type="application/json",
        headers=bearer(alice_token),
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["details"] == {"subtype": "exam", "hours": 40}
    assert body["samples"][0]["url"] == "https://example.org/cert"


def test_unknown_detail_keys_are_a_422(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/entries",
        {"title": "Talk", "kind": "talk", "details": {"crowd": 3}},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert "A talk has no field 'crowd'" in response.json()["detail"]


def test_the_list_filters_and_pages_with_a_cursor(
    client: Client, alice: Any, bob: Any, alice_token: str
) -> None:
    for day in range(1, 6):
        EntryFactory(
            owner=alice,
            title=f"Build {day}",
            occurred_on=f"2026-03-0{day}",
            tags=["ci"],
        )
    EntryFactory(owner=alice, title="Other", occurred_on="2026-03-09")
    EntryFactory(owner=bob, title="Build of bob", tags=["ci"])
    seen: list[str] = []
    url = "/api/v1/entries?q=build&tag=ci&limit=2"
    while url:
        page = client.get(url, headers=bearer(alice_token)).json()
        seen += [item["title"] for item in page["items"]]
        cursor = page["next_cursor"]
        url = (
            f"/api/v1/entries?q=build&tag=ci&limit=2&cursor={cursor}" if cursor else ""
        )
    assert seen == [f"Build {day}" for day in range(5, 0, -1)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour=red", "Unknown filter 'colour'"),
        ("from=today&to=last+year", "starts after it ends"),
        ("kind=brag", "Unknown kind 'brag'"),
        ("cursor=garbage!!", "cursor"),
        ("from=the+day+after+never", "Cannot read"),
    ],
)
def test_bad_filters_are_a_422_with_a_detail(
    client: Client, alice_token: str, query: str, message: str
) -> None:
    response = client.get(f"/api/v1/entries?{query}", headers=bearer(alice_token))
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_fts_syntax_in_q_is_plain_text(
    client: Client, alice: Any, alice_token: str
) -> None:
    EntryFactory(owner=alice, title="Notes on NEAR")
    response = client.get('/api/v1/entries?q=NEAR("notes*', headers=bearer(alice_token))
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Notes on NEAR"]


def test_patch_changes_only_the_fields_sent(
    client: Client, alice: Any, alice_token: str
) -> None:
    entry = EntryFactory(owner=alice, title="Old", body="keep me")
    response = client.patch(
        f"/api/v1/entries/{entry.pk}",
        {"title": "New", "tags": ["x"]},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["body"]) == ("New", "keep me")


def test_another_users_entry_is_a_404_for_read_patch_delete_and_samples(
    client: Client, alice: Any, bob_token: str
) -> None:
    entry = EntryFactory(owner=alice)
    url = f"/api/v1/entries/{entry.pk}"
    assert client.get(url, headers=bearer(bob_token)).status_code == 404
    assert client.patch(url, {"title": "x"}, content_type="application/json",
                        headers=bearer(bob_token)).status_code == 404  # fmt: skip
    assert client.delete(url, headers=bearer(bob_token)).status_code == 404
    assert client.post(f"{url}/samples", {"files": [SimpleUploadedFile("a.txt", b"a")]},
                       headers=bearer(bob_token)).status_code == 404  # fmt: skip
    assert Entry.objects.get(pk=entry.pk).title == entry.title


def test_delete_removes_the_entry(client: Client, alice: Any, alice_token: str) -> None:
    entry = EntryFactory(owner=alice)
    response = client.delete(f"/api/v1/entries/{entry.pk}", headers=bearer(alice_token))
    assert response.status_code == 204
    assert Entry.objects.count() == 0


def test_files_are_uploaded_as_samples(
    client: Client, alice: Any, alice_token: str, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    entry = EntryFactory(owner=alice)
    response = client.post(
        f"/api/v1/entries/{entry.pk}/samples",
        {
            "files": [
                SimpleUploadedFile("deck.pdf", b"deck"),
                SimpleUploadedFile("b.txt", b"b"),
            ]
        },
        headers=bearer(alice_token),
    )
    assert response.status_code == 201, response.content
    assert sorted(s["name"] for s in response.json()["samples"]) == [
        "b.txt",
        "deck.pdf",
    ]


def test_an_empty_upload_is_a_422(
    client: Client, alice: Any, alice_token: str, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    entry = EntryFactory(owner=alice)
    response = client.post(
        f"/api/v1/entries/{entry.pk}/samples",
        {"files": [SimpleUploadedFile("empty.pdf", b"")]},
        headers=bearer(alice_token),
    )
    assert response.status_code == 422
    assert "is empty" in response.json()["detail"]


def test_the_near_coach_endpoint(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/coach/near",
        {"text": "worked on the billing migration", "result": ""},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["weak_opening"] == "worked on"
    assert body["achievement"]["verdict"] == "weak"
    assert set(body) == {
        "numbers",
        "example",
        "achievement",
        "result",
        "weak_opening",
        "bullet",
    }


def test_the_near_coach_needs_a_token(client: Client, db: None) -> None:
    response = client.post(
        "/api/v1/coach/near", {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 401


def test_the_list_query_count_does_not_grow_with_entries(
    client: Client,
    alice: Any,
    alice_token: str,
    django_assert_max_num_queries: Any,
) -> None:
    EntryFactory.create_batch(40, owner=alice, tags=["ci"])
    with django_assert_max_num_queries(8):
        response = client.get(
            "/api/v1/entries?tag=ci&q=shipped&limit=30", headers=bearer(alice_token)
        )
    assert len(response.json()["items"]) == 30
