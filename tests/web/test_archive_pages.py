"""Download all my data, and the upload that restores an archive."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from headway.goals.models import Goal
from headway.journal.models import Entry
from tests.reviews.archive_data import data_of, export_bytes, fill


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def body_of(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_the_profile_page_links_to_the_download_and_the_import(
    alice_client: Client,
) -> None:
    page = alice_client.get("/profile/").content.decode()
    assert 'href="/profile/archive/"' in page
    assert "Download all my data" in page
    assert 'href="/profile/archive/import/"' in page


def test_the_download_is_a_private_zip_of_the_owners_data(
    alice: Any, alice_client: Client
) -> None:
    fill(alice)
    response = alice_client.get("/profile/archive/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    archive = body_of(response)
    assert data_of(archive) == data_of(export_bytes(alice))
    assert zipfile.ZipFile(io.BytesIO(archive)).testzip() is None


def test_bob_downloads_only_his_own_data(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    fill(alice, word="Alicesecret")
    fill(bob, word="Bobword")
    text = json.dumps(data_of(body_of(bob_client.get("/profile/archive/"))))
    assert "Bobword" in text
    assert "alicesecret" not in text.casefold()


def test_the_download_needs_a_signed_in_user(db: None) -> None:
    response = Client().get("/profile/archive/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_import_form_restores_an_archive_after_confirmation(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    fill(alice)
    archive = export_bytes(alice)
    upload = SimpleUploadedFile("a.zip", archive, content_type="application/zip")
    unconfirmed = bob_client.post("/profile/archive/import/", {"archive": upload})
    assert unconfirmed.status_code == 400
    assert not Entry.objects.filter(owner=bob).exists()
    upload = SimpleUploadedFile("a.zip", archive, content_type="application/zip")
    response = bob_client.post(
        "/profile/archive/import/", {"archive": upload, "confirm": "on"}
    )
    assert response.status_code == 200
    assert "The archive is imported" in response.content.decode()
    assert Entry.objects.filter(owner=bob).count() == 1


def test_a_bad_upload_is_one_message_and_nothing_is_imported(
    bob: Any, bob_client: Client
) -> None:
    upload = SimpleUploadedFile("a.zip", b"not a zip at all")
    response = bob_client.post(
        "/profile/archive/import/", {"archive": upload, "confirm": "on"}
    )
    assert response.status_code == 400
    assert "Nothing imported: The file is not a readable zip" in (
        response.content.decode()
    )
    assert not Goal.objects.filter(owner=bob).exists()


def test_an_upload_into_data_you_have_asks_for_merge(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    fill(alice)
    Goal.objects.create(owner=bob, statement="Bob's own goal")
    upload = SimpleUploadedFile("a.zip", export_bytes(alice))
    refused = bob_client.post(
        "/profile/archive/import/", {"archive": upload, "confirm": "on"}
    )
    assert refused.status_code == 400
    assert "already have data here" in refused.content.decode()
    upload = SimpleUploadedFile("a.zip", export_bytes(alice))
    merged = bob_client.post(
        "/profile/archive/import/",
        {"archive": upload, "confirm": "on", "merge": "on"},
    )
    assert merged.status_code == 200
    assert Goal.objects.filter(owner=bob).count() == 2


def test_the_import_refuses_a_post_without_the_csrf_token(
    bob: Any,
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    upload = SimpleUploadedFile("a.zip", b"x")
    response = client.post(
        "/profile/archive/import/", {"archive": upload, "confirm": "on"}
    )
    assert response.status_code == 403
