"""Work samples go through Django's storage API, so STORAGES picks the backend
(an object store in a scaled-out deployment) and nothing touches MEDIA_ROOT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.test import Client

from headway.journal.services import entry_create
from tests.factories import upload


def test_work_samples_live_in_whatever_storage_is_configured(
    settings: Any, tmp_path: Path, alice: Any, alice_client: Client
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    entry = entry_create(
        owner=alice, title="Talk", attachments=[upload("slides.pdf", b"%PDF-1.4 x")]
    )
    sample = entry.samples.get()
    assert type(default_storage._wrapped).__name__ == "InMemoryStorage"
    assert default_storage.exists(sample.blob_name)
    assert not (tmp_path / "media").exists()
    response = alice_client.get(f"/samples/{sample.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
