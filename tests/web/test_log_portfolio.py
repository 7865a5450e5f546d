"""Work samples on the web: attach, the Portfolio, downloads for the owner only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from headway.journal.models import Entry, WorkSample
from headway.journal.services import entry_create
from tests.factories import upload


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_talk_with_a_pdf_is_logged_from_the_form(
    alice: Any, alice_client: Client
) -> None:
    pdf = SimpleUploadedFile(
        "slides.pdf", b"%PDF-1.4 deck", content_type="application/pdf"
    )
    response = alice_client.post(
        "/log/",
        {"title": "Talk at PyCon", "kind": "talk", "attachments": [pdf],
         "links": "https://youtu.be/x"},
    )  # fmt: skip
    assert response.status_code == 302
    names = sorted(WorkSample.objects.values_list("name", flat=True))
    assert names == ["slides.pdf", "youtu.be/x"]


def test_a_path_in_an_upload_name_never_leaves_the_media_folder(
    alice_client: Client, media: Path, tmp_path: Path
) -> None:
    bad = SimpleUploadedFile("x.pdf", b"evil")
    bad.name = "../../x"
    alice_client.post("/log/", {"title": "Talk", "kind": "talk", "attachments": [bad]})
    # Django keeps only the last part of an uploaded name; the bytes are
    # stored under their digest inside the media folder, nowhere else.
    assert WorkSample.objects.get().name == "x"
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written
    assert all(media in p.parents for p in written)


def test_an_empty_upload_is_explained(alice_client: Client) -> None:
    empty = SimpleUploadedFile("empty.pdf", b"")
    response = alice_client.post(
        "/log/", {"title": "Talk", "kind": "talk", "attachments": [empty]}
    )
    assert response.status_code == 200
    assert Entry.objects.count() == 0


def test_samples_can_be_added_on_the_entry_page(
    alice: Any, alice_client: Client
) -> None:
    entry = entry_create(owner=alice, title="Talk", kind="talk")
    response = alice_client.post(
        f"/log/{entry.pk}/samples/",
        {"attachments": [SimpleUploadedFile("deck.pdf", b"deck")], "links": ""},
    )
    assert response.status_code == 302
    page = alice_client.get(f"/log/{entry.pk}/").content.decode()
    assert "deck.pdf" in page


def test_a_bad_link_on_the_entry_page_is_shown(
    alice: Any, alice_client: Client
) -> None:
    entry = entry_create(owner=alice, title="Talk", kind="talk")
    response = alice_client.post(
        f"/log/{entry.pk}/samples/", {"links": "javascript:alert(1)"}
    )
    assert response.status_code == 200
    assert "is not a web link" in response.content.decode()


def test_the_portfolio_lists_every_sample_with_its_entry(
    alice: Any, bob: Any, alice_client: Client, django_assert_max_num_queries: Any
) -> None:
    for number in range(5):
        entry_create(
            owner=alice,
            title=f"Project {number}",
            attachments=[upload(f"report-{number}.pdf", f"r{number}".encode())],
            links=[f"https://example.org/{number}"],
        )
    entry_create(owner=bob, title="Bob's secret", attachments=[upload("bob.pdf", b"b")])
    with django_assert_max_num_queries(6):
        page = alice_client.get("/portfolio/").content.decode()
    assert "<h1>Portfolio</h1>" in page
    for number in range(5):
        assert f"Project {number}" in page
        assert f"report-{number}.pdf" in page
    assert "bob.pdf" not in page
    assert "Bob&#x27;s secret" not in page


def test_the_owner_downloads_the_file_with_its_name(
    alice: Any, alice_client: Client
) -> None:
    entry = entry_create(
        owner=alice, title="Talk", attachments=[upload("slides.pdf", b"%PDF bytes")]
    )
    sample = entry.samples.get()
    response = alice_client.get(f"/samples/{sample.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF bytes"  # type: ignore[attr-defined]
    assert 'filename="slides.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_second_user_cannot_download_by_guessing_the_url(
    alice: Any, bob_client: Client
) -> None:
    entry = entry_create(owner=alice, title="Talk", attachments=[upload("s.pdf", b"x")])
    sample = entry.samples.get()
    assert bob_client.get(f"/samples/{sample.pk}/download/").status_code == 404
    assert bob_client.get(f"/samples/{sample.pk + 1}/download/").status_code == 404


def test_someone_signed_out_is_sent_to_sign_in(alice: Any, client: Client) -> None:
    entry = entry_create(owner=alice, title="Talk", attachments=[upload("s.pdf", b"x")])
    response = client.get(f"/samples/{entry.samples.get().pk}/download/")
    assert response.status_code in {302, 404}
    assert b"x" not in b"".join(getattr(response, "streaming_content", [b""]))


def shared_sample(alice: Any, *, share_entry: bool, recipient: str) -> tuple[Any, Any]:
    from headway.goals.models import Goal
    from headway.sharing.shares import share_create

    goal = Goal.objects.create(owner=alice, statement="Speak at two meetups")
    entry = entry_create(
        owner=alice,
        title="Talk",
        goal_ids=[goal.pk],
        attachments=[upload("deck.pdf", b"deck bytes")],
    )
    share, _ = share_create(
        owner=alice,
        goal_ids=[goal.pk],
        entry_ids=[entry.pk] if share_entry else [],
        recipient=recipient,
    )
    return entry.samples.get(), share


@pytest.fixture
def server_mode(settings: Any) -> None:
    settings.LOCAL_MODE = False  # named-user shares exist in server mode


@pytest.mark.usefixtures("server_mode")
def test_a_user_the_share_names_downloads_a_shared_entrys_file(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    sample, share = shared_sample(alice, share_entry=True, recipient="bob")
    response = bob_client.get(f"/share/with-me/{share.pk}/samples/{sample.pk}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"deck bytes"  # type: ignore[attr-defined]


@pytest.mark.usefixtures("server_mode")
def test_a_share_without_the_entry_or_for_someone_else_is_a_404(
    alice: Any, bob: Any, charlie: Any, bob_client: Client
) -> None:
    sample, share = shared_sample(alice, share_entry=False, recipient="bob")
    assert (
        bob_client.get(f"/share/with-me/{share.pk}/samples/{sample.pk}").status_code
        == 404
    )
    other, for_charlie = shared_sample(alice, share_entry=True, recipient="charlie")
    url = f"/share/with-me/{for_charlie.pk}/samples/{other.pk}"
    assert bob_client.get(url).status_code == 404
