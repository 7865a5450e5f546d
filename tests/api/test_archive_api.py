"""GET /api/v1/archive: the token owner's archive, and nobody else's rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.reviews.archive_data import data_of, export_bytes, fill


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def test_the_archive_is_the_token_owners_zip(
    alice: Any, bob: Any, bob_token: str
) -> None:
    fill(alice, word="Alicesecret")
    fill(bob, word="Bobword")
    response = Client().get(
        "/api/v1/archive", headers={"Authorization": f"Bearer {bob_token}"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = b"".join(response.streaming_content)
    assert data_of(archive) == data_of(export_bytes(bob))
    assert "alicesecret" not in json.dumps(data_of(archive)).casefold()


def test_the_archive_needs_a_token(db: None) -> None:
    assert Client().get("/api/v1/archive").status_code == 401
