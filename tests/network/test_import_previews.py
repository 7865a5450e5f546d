"""Import previews: read as a stream, kept an hour, deleted on confirm or cancel."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from headway.exchange import linkedin, vcard
from headway.network.importing import contacts_import_preview
from headway.network.models import Contact, ImportPreview
from headway.network.previews import previews_expired_delete

DATA = Path(__file__).resolve().parent.parent / "exchange" / "data"
HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client: Client, name: str = "connections_2024.csv") -> Any:
    data = (DATA / name).read_bytes()
    return client.post(
        "/network/import/",
        {"source": "linkedin", "file": SimpleUploadedFile(name, data)},
    )


def stored_files(owner: Any) -> list[str]:
    folder = f"imports/{owner.pk}"
    return default_storage.listdir(folder)[1] if default_storage.exists(folder) else []


class CountingReader(io.BytesIO):
    """A file that remembers how far it has been read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return chunk

    def read1(self, size: int = -1) -> bytes:
        chunk = super().read1(size)
        self.furthest = max(self.furthest, self.tell())
        return chunk

    def readinto(self, buffer: Any) -> int:
        count = super().readinto(buffer)
        self.furthest = max(self.furthest, self.tell())
        return count


def big_linkedin_file(rows: int, *, same_person: bool = False) -> bytes:
    lines = [HEADER]
    for number in range(rows):
        who = 0 if same_person else number
        lines.append(
            f"Ann{who},Lee{who},https://www.linkedin.com/in/ann-{who},,"
            f"Acme,Engineer,12 Mar 2021\n".encode()
        )
    return b"".join(lines)


def test_a_streamed_linkedin_parse_reads_the_file_as_it_goes() -> None:
    data = big_linkedin_file(30_000)
    assert len(data) > 2_000_000
    stream = CountingReader(data)
    records = linkedin.parse_stream(stream).records
    first = next(iter(records))
    assert first.name == "Ann0 Lee0"
    assert stream.furthest < 64 * 1024 + 16 * 1024  # the sniff and one chunk
    assert sum(1 for _ in records) == 29_999
    assert stream.furthest == len(data)


def test_a_streamed_vcard_parse_reads_the_file_as_it_goes() -> None:
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n"
    data = card * 20_000
    stream = CountingReader(data)
    records = vcard.parse_stream(stream).records
    assert next(iter(records)).name == "Ann Lee"
    assert stream.furthest < 64 * 1024 + 16 * 1024
    assert sum(1 for _ in records) == 19_999


def test_a_streamed_parse_refuses_what_is_not_utf8_as_a_whole_one_does() -> None:
    data = (
        HEADER
        + b"A,B,,,C,D,someday\n"
        + b"\xff\xfe broken\n"
        + b"E,F,,,G,H,1 Jan 2020\n"
    )
    whole = linkedin.parse(data)
    streamed = linkedin.parse_stream(io.BytesIO(data))
    list(streamed.records)
    assert whole.errors[0].startswith("Line 3: this is not UTF-8")
    # Decoded a chunk at a time, the stream names the chunk's first line.
    assert any("this is not UTF-8 text" in error for error in streamed.errors)
    assert "E F" not in [record.name for record in linkedin.parse(data).records]


def test_a_preview_of_a_large_file_keeps_neither_its_text_nor_its_records(
    alice: Any,
) -> None:
    data = big_linkedin_file(50_000, same_person=True)
    assert len(data) > 3_500_000
    tracemalloc.start()
    try:
        report = contacts_import_preview(
            owner=alice, parsed=linkedin.parse_stream(io.BytesIO(data))
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (report.created, report.skipped) == (1, 49_999)
    assert peak < 1_000_000, f"peak {peak} bytes for a {len(data)}-byte file"


def test_confirming_a_preview_deletes_its_file(
    alice_client: Client, alice: Any
) -> None:
    token = upload(alice_client).context["token"]
    assert len(stored_files(alice)) == 1
    alice_client.post("/network/import/confirm/", {"token": token})
    assert Contact.objects.count() == 4
    assert stored_files(alice) == []
    assert not ImportPreview.objects.exists()


def test_cancelling_a_preview_deletes_its_file_and_imports_nothing(
    alice_client: Client, alice: Any
) -> None:
    token = upload(alice_client).context["token"]
    response = alice_client.post("/network/import/cancel/", {"token": token})
    assert response.status_code == 302
    assert stored_files(alice) == []
    assert not ImportPreview.objects.exists()
    again = alice_client.post("/network/import/confirm/", {"token": token})
    assert again.status_code == 404
    assert Contact.objects.count() == 0


def test_another_user_cannot_cancel_a_preview(
    alice_client: Client, bob_client: Client, alice: Any
) -> None:
    token = upload(alice_client).context["token"]
    assert (
        bob_client.post("/network/import/cancel/", {"token": token}).status_code == 404
    )
    assert len(stored_files(alice)) == 1


def test_an_expired_preview_is_refused_with_a_message_and_removed(
    alice_client: Client, alice: Any
) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        token = upload(alice_client).context["token"]
    with time_machine.travel("2026-11-23 11:00:01Z", tick=False):
        response = alice_client.post("/network/import/confirm/", {"token": token})
    assert response.status_code == 410
    assert "This preview has expired" in response.content.decode()
    assert Contact.objects.count() == 0
    assert stored_files(alice) == []
    assert not ImportPreview.objects.exists()


def test_a_preview_just_under_an_hour_old_still_imports(
    alice_client: Client,
) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        token = upload(alice_client).context["token"]
    with time_machine.travel("2026-11-23 10:59:59Z", tick=False):
        alice_client.post("/network/import/confirm/", {"token": token})
    assert Contact.objects.count() == 4


def test_expired_previews_of_every_owner_are_swept_by_the_next_upload(
    alice_client: Client, bob_client: Client, alice: Any
) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        upload(alice_client)
    with time_machine.travel("2026-11-23 11:30:00Z", tick=False):
        upload(bob_client)
        assert stored_files(alice) == []
        assert ImportPreview.objects.count() == 1
        assert previews_expired_delete() == 0


def test_a_preview_with_errors_keeps_no_file(alice_client: Client, alice: Any) -> None:
    bad = HEADER + b"A,B,,,C,D,someday\n"
    response = alice_client.post(
        "/network/import/",
        {"source": "linkedin", "file": SimpleUploadedFile("bad.csv", bad)},
    )
    assert "Line 2: cannot read the date" in response.content.decode()
    assert stored_files(alice) == []
    assert not ImportPreview.objects.exists()
