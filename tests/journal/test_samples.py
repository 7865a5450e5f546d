"""Work samples: content-addressed files and links, checked before anything is saved."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from headway.core.trash import trash_sweep
from headway.journal.models import SAMPLE_MAX_BYTES, Entry, WorkSample
from headway.journal.services import entry_attach, entry_create, entry_delete
from tests.factories import upload


def stored_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_a_file_is_stored_under_its_sha256_with_its_name_kept(
    alice: Any, media: Path
) -> None:
    content = b"%PDF-1.4 my slides"
    entry = entry_create(
        owner=alice,
        title="Talk",
        kind="talk",
        attachments=[upload("slides.pdf", content)],
    )
    sample = entry.samples.get()
    digest = hashlib.sha256(content).hexdigest()
    assert (sample.name, sample.sha256, sample.size) == (
        "slides.pdf",
        digest,
        len(content),
    )
    assert sample.content_type == "application/pdf"
    assert stored_files(media) == [media / "samples" / digest[:2] / digest]


def test_the_same_file_twice_is_stored_once(alice: Any, bob: Any, media: Path) -> None:
    entry_create(owner=alice, title="One", attachments=[upload("a.pdf", b"same bytes")])
    entry_create(owner=bob, title="Two", attachments=[upload("b.pdf", b"same bytes")])
    assert WorkSample.objects.count() == 2
    assert len(stored_files(media)) == 1


def test_links_become_samples(alice: Any, media: Path) -> None:
    entry = entry_create(owner=alice, title="Post", links=["https://example.org/post"])
    sample = entry.samples.get()
    assert (sample.kind, sample.url, sample.name) == (
        "link",
        "https://example.org/post",
        "example.org/post",
    )


@pytest.mark.parametrize(
    ("attachments", "links", "message"),
    [
        ([upload("../../x", b"evil")], [], "is not a plain file name"),
        ([upload("..\\\\boot.ini", b"evil")], [], "is not a plain file name"),
        ([upload("empty.txt", b"")], [], "empty.txt is empty"),
        (
            [upload("big.bin", b"0" * (SAMPLE_MAX_BYTES + 1))],
            [],
            "over the 25 MB limit",
        ),
        ([upload("fine.pdf", b"ok"), upload("../x", b"bad")], [], "not a plain file"),
        ([], ["javascript:alert(1)"], "is not a web link"),
        ([], ["ftp://example.org/file"], "is not a web link"),
        ([upload("fine.pdf", b"ok")], ["notaurl"], "is not a web link"),
    ],
)
def test_a_bad_sample_means_no_entry_and_no_stored_file(
    alice: Any, media: Path, attachments: list[Any], links: list[str], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        entry_create(owner=alice, title="Talk", attachments=attachments, links=links)
    assert message in " ".join(error.value.messages)
    assert Entry.objects.count() == 0
    assert WorkSample.objects.count() == 0
    assert stored_files(media) == []


def test_a_file_of_exactly_25_mb_is_accepted(alice: Any, media: Path) -> None:
    entry = entry_create(
        owner=alice,
        title="Dataset",
        attachments=[upload("data.bin", b"1" * SAMPLE_MAX_BYTES)],
    )
    assert entry.samples.get().size == SAMPLE_MAX_BYTES


def test_a_database_failure_removes_the_file_it_had_just_stored(
    alice: Any, media: Path
) -> None:
    with pytest.raises(ValidationError):
        entry_create(
            owner=alice,
            title="Talk",
            goal_ids=[999_999],
            attachments=[upload("slides.pdf", b"content")],
        )
    assert stored_files(media) == []


def test_deleted_entries_files_no_one_else_uses_go_when_the_undo_window_ends(
    alice: Any, bob: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    shared = entry_create(
        owner=alice, title="A", attachments=[upload("s.pdf", b"shared")]
    )
    entry_create(owner=bob, title="B", attachments=[upload("s.pdf", b"shared")])
    alone = entry_create(owner=alice, title="C", attachments=[upload("o.pdf", b"only")])
    with django_capture_on_commit_callbacks(execute=True):
        entry_delete(owner=alice, pk=shared.pk)
        entry_delete(owner=alice, pk=alone.pk)
    assert len(stored_files(media)) == 2  # kept while an undo is possible
    later = timezone.now() + dt.timedelta(hours=settings.TRASH_KEEP_HOURS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        trash_sweep(now=later)
    digest = hashlib.sha256(b"shared").hexdigest()
    assert stored_files(media) == [media / "samples" / digest[:2] / digest]


def test_samples_can_be_added_to_an_entry_that_exists(alice: Any, media: Path) -> None:
    entry = entry_create(owner=alice, title="Talk")
    entry_attach(
        owner=alice,
        pk=entry.pk,
        attachments=[ContentFile(b"deck", name="deck.key")],
        links=["https://youtu.be/abc"],
    )
    assert sorted(entry.samples.values_list("name", flat=True)) == [
        "deck.key",
        "youtu.be/abc",
    ]


def test_someone_elses_entry_cannot_get_samples(
    alice: Any, bob: Any, media: Path
) -> None:
    from django.http import Http404

    entry = entry_create(owner=alice, title="Talk")
    with pytest.raises(Http404):
        entry_attach(owner=bob, pk=entry.pk, links=["https://example.org"])
