"""The archive: every owned row out and back in, exactly, and only the owner's."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from headway.accounts.models import Share
from headway.accounts.services import api_token_create
from headway.exchange.archive import archive_write
from headway.goals.models import Goal
from headway.journal import search
from headway.journal.models import Entry, Tag, WorkSample
from headway.reviews.archive import ArchiveRejected
from headway.reviews.archive.kinds import kinds
from tests.reviews.archive_data import (
    SLIDES,
    data_of,
    export_bytes,
    fill,
    import_bytes,
)

DIGEST = hashlib.sha256(SLIDES).hexdigest()
BLOB = f"samples/{DIGEST[:2]}/{DIGEST}"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def dora(db: None) -> Any:
    return get_user_model().objects.create(username="dora")


def rewritten(archive: bytes, change: Any) -> bytes:
    """The archive with its data changed and its manifest made to match."""
    data = data_of(archive)
    change(data["models"])
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        blobs = {
            name.removeprefix("samples/"): opened.read(name)
            for name in opened.namelist()
            if name.startswith("samples/")
        }
    buffer = io.BytesIO()
    archive_write(
        buffer,
        data={"models": data["models"]},
        samples=[(d, lambda b=b: io.BytesIO(b)) for d, b in blobs.items()],
    )
    return buffer.getvalue()


def fresh_instance(owner: Any, media: Path) -> None:
    """What a new database and an empty storage look like, for this owner's data."""
    owner.delete()
    shutil.rmtree(media, ignore_errors=True)


def test_the_fixture_has_a_row_of_every_kind_the_registry_walk_finds(
    alice: Any, bob: Any
) -> None:
    fill(alice, recipient=bob)
    models = data_of(export_bytes(alice))["models"]
    assert {kind.label for kind in kinds()} == set(models)
    assert all(models[label] for label in models), [
        label for label, rows in models.items() if not rows
    ]
    assert "accounts.apitoken" not in models


def test_two_exports_of_the_same_data_are_the_same_bytes(alice: Any) -> None:
    fill(alice)
    assert export_bytes(alice) == export_bytes(alice)


def test_export_then_import_into_a_fresh_instance_then_export_is_equal(
    alice: Any, bob: Any, dora: Any, media: Path
) -> None:
    fill(alice, recipient=bob)
    first = export_bytes(alice)
    fresh_instance(alice, media)
    report = import_bytes(dora, first)
    assert report.files == 1
    assert report.created_total == sum(
        len(r) for r in data_of(first)["models"].values()
    )
    again = export_bytes(dora)
    assert data_of(again) == data_of(first)
    assert again == first
    assert default_storage.open(BLOB).read() == SLIDES


def test_a_restored_row_keeps_its_times_links_and_search(
    alice: Any, dora: Any, media: Path
) -> None:
    fill(alice)
    entry = Entry.objects.get(owner=alice)
    created = entry.created
    archive = export_bytes(alice)
    fresh_instance(alice, media)
    import_bytes(dora, archive)
    restored = Entry.objects.get(owner=dora)
    assert restored.created == created
    assert [g.statement for g in restored.goals.all()] == [
        "Platform goal: ship the migration"
    ]
    assert (
        restored.samples.filter(kind="file").get().sha256
        == hashlib.sha256(SLIDES).hexdigest()
    )
    match = search.matching("cut")
    assert match is not None
    assert list(Entry.objects.for_owner(dora).filter(match.condition)) == [restored]


def test_api_tokens_stay_out_and_the_manifest_says_so(alice: Any) -> None:
    api_token_create(owner=alice, name="laptop")
    archive = export_bytes(alice)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        manifest = opened.read("manifest.json").decode()
        body = opened.read("data.json").decode()
    assert "API tokens are secrets" in manifest
    assert "laptop" not in body


def test_alices_rows_never_appear_in_bobs_archive(alice: Any, bob: Any) -> None:
    fill(alice, word="Alicesecret")
    fill(bob, word="Bobword")
    body = json.dumps(data_of(export_bytes(bob)))
    assert "Bobword" in body
    assert "alicesecret" not in body.casefold()


def test_a_share_recipient_travels_by_username(alice: Any, bob: Any, dora: Any) -> None:
    fill(alice, recipient=bob)
    archive = export_bytes(alice)
    assert data_of(archive)["models"]["accounts.share"][0]["recipient"] == "bob"
    Share.objects.filter(owner=alice).delete()
    import_bytes(dora, archive)
    assert Share.objects.get(owner=dora).recipient == bob


def test_import_into_an_owner_with_data_is_refused_without_merge(
    alice: Any, bob: Any
) -> None:
    fill(alice)
    Goal.objects.create(owner=bob, statement="Bob's own goal")
    with pytest.raises(ArchiveRejected, match=r"already have data here.*--merge"):
        import_bytes(bob, export_bytes(alice))
    assert Goal.objects.filter(owner=bob).count() == 1
    assert not Entry.objects.filter(owner=bob).exists()


def test_merging_an_archive_into_its_own_data_duplicates_nothing(alice: Any) -> None:
    fill(alice)
    before = data_of(export_bytes(alice))
    report = import_bytes(alice, export_bytes(alice), merge=True)
    assert report.created_total == 0
    assert data_of(export_bytes(alice)) == before


def test_merge_adds_what_is_missing_and_matches_what_is_there(
    alice: Any, bob: Any
) -> None:
    fill(alice)
    Tag.objects.create(owner=bob, name="platform-tag")
    Entry.objects.create(
        owner=bob, kind="accomplishment", title="Platform cut-over done",
        occurred_on="2026-02-02", source_key="a" * 64,
    )  # fmt: skip
    report = import_bytes(bob, export_bytes(alice), merge=True)
    assert report.as_dict()["matched"] == {"journal.entry": 1, "journal.tag": 1}
    assert Tag.objects.filter(owner=bob).count() == 1
    entry = Entry.objects.get(owner=bob)
    assert [t.name for t in entry.tags.all()] == ["platform-tag"]
    assert Goal.objects.filter(owner=bob).count() == 1
    again = import_bytes(bob, export_bytes(alice), merge=True)
    assert again.as_dict()["created"] == {}


def test_a_failed_import_writes_no_row_and_removes_the_files_it_stored(
    alice: Any, dora: Any, media: Path
) -> None:
    fill(alice)
    archive = export_bytes(alice)

    def broken(models: dict[str, Any]) -> None:
        # Comments are restored last, after the sample files are stored.
        models["accounts.sharecomment"][0]["goal"] = 99

    bad = rewritten(archive, broken)
    fresh_instance(alice, media)
    with pytest.raises(ArchiveRejected, match=r"sharecomment 1.*goal 99"):
        import_bytes(dora, bad)
    assert not WorkSample.objects.exists()
    assert not Entry.objects.exists()
    assert not default_storage.exists(BLOB)


def test_a_value_the_field_refuses_names_the_row_and_writes_nothing(
    alice: Any, dora: Any, media: Path
) -> None:
    fill(alice)

    def wrong(models: dict[str, Any]) -> None:
        models["journal.entry"][0]["kind"] = "party"

    bad = rewritten(export_bytes(alice), wrong)
    fresh_instance(alice, media)
    with pytest.raises(ArchiveRejected, match=r"journal.entry 1.*kind"):
        import_bytes(dora, bad)
    assert not Goal.objects.exists()


def test_rows_of_a_kind_this_headway_does_not_keep_are_refused(
    alice: Any, dora: Any
) -> None:
    fill(alice)
    bad = rewritten(export_bytes(alice), lambda m: m.update({"x.unknown": []}))
    with pytest.raises(ArchiveRejected, match=r"x.unknown"):
        import_bytes(dora, bad)
    assert not Goal.objects.filter(owner=dora).exists()


def test_a_recipient_who_is_not_on_this_instance_is_left_out_with_a_warning(
    alice: Any, bob: Any, dora: Any, media: Path
) -> None:
    fill(alice, recipient=bob)
    archive = export_bytes(alice)
    bob.delete()
    fresh_instance(alice, media)
    report = import_bytes(dora, archive)
    assert report.warnings == [
        "accounts.share 1: no user 'bob' here; kept without its recipient."
    ]
    share = Share.objects.get(owner=dora)
    assert share.recipient is None
    assert share.goals.count() == 1


def test_a_sample_that_names_a_stored_file_without_bringing_it_is_refused(
    alice: Any, bob: Any, dora: Any
) -> None:
    fill(alice)
    fill(bob, word="Bobword")  # bob holds the same slides, so the blob is stored
    archive = export_bytes(alice)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        members = {n: opened.read(n) for n in opened.namelist()}
    buffer = io.BytesIO()
    archive_write(
        buffer,
        data={"models": json.loads(members["data.json"])["models"]},
        samples=[],
    )
    with pytest.raises(ArchiveRejected, match=r"does not contain it"):
        import_bytes(dora, buffer.getvalue())
    assert not WorkSample.objects.filter(owner=dora).exists()


def test_a_sample_file_missing_everywhere_is_kept_as_missing(
    alice: Any, dora: Any, media: Path
) -> None:
    fill(alice)
    default_storage.delete(BLOB)
    archive = export_bytes(alice)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert "missing from storage" in opened.read("manifest.json").decode()
    fresh_instance(alice, media)
    assert import_bytes(dora, archive).files == 0
    assert WorkSample.objects.filter(owner=dora, kind="file").count() == 1
    assert export_bytes(dora) == archive
