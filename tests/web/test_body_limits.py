"""Request bodies are capped before anything reads them.

The size a request declares (Content-Length) is checked before Django parses
or spools a byte: anonymous requests get a small cap, signed-in ones a large
one, JSON for the API the in-memory cap; the API answers 413 with
`{"detail": …}`. The test payloads are tiny while they declare 200 MB: a
server that began reading them would fail on the missing bytes.
"""

from __future__ import annotations

import json
from typing import Any

from django.test import Client, override_settings

DECLARED = str(200 * 1024 * 1024)
MULTIPART = "multipart/form-data; boundary=BoUnDaRy"
PART = (
    b"--BoUnDaRy\r\n"
    b'Content-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n'
    b"xxxx\r\n--BoUnDaRy--\r\n"
)


def declared_huge(client: Client, path: str, **extra: Any) -> Any:
    return client.generic(
        "POST", path, PART, content_type=MULTIPART, CONTENT_LENGTH=DECLARED, **extra
    )


def test_a_huge_anonymous_post_is_refused_before_it_is_read(db: None) -> None:
    response = declared_huge(Client(), "/login/")
    assert response.status_code == 413


def test_an_anonymous_post_over_the_small_cap_is_refused(db: None) -> None:
    response = Client().post("/login/", {"username": "x" * 100_000, "password": "x"})
    assert response.status_code == 413


def test_a_signed_in_post_over_the_cap_is_refused(alice_client: Client) -> None:
    assert declared_huge(alice_client, "/network/import/").status_code == 413


def test_the_api_answers_413_as_json(alice: Any, alice_token: str) -> None:
    response = declared_huge(
        Client(), "/api/v1/entries", headers={"Authorization": f"Bearer {alice_token}"}
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "MB" in response.json()["detail"]


def test_json_over_the_memory_cap_is_413_not_a_400(
    alice: Any, alice_token: str, settings: Any
) -> None:
    body = json.dumps({"title": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)})
    response = Client().post(
        "/api/v1/entries",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {alice_token}"},
    )
    assert response.status_code == 413
    assert "detail" in response.json()


def test_a_made_up_token_gets_the_anonymous_cap(alice: Any) -> None:
    response = Client().post(
        "/api/v1/entries",
        json.dumps({"title": "x" * 100_000}),
        content_type="application/json",
        headers={"Authorization": "Bearer hw_made-up"},
    )
    assert response.status_code == 413


@override_settings(BODY_MAX_ANONYMOUS=1024 * 1024)
def test_a_request_within_its_cap_goes_through(alice: Any, alice_token: str) -> None:
    response = Client().post(
        "/api/v1/entries",
        {"title": "Shipped the importer"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {alice_token}"},
    )
    assert response.status_code == 201
