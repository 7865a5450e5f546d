"""A secret share link that includes an entry lets its viewer download the
entry's work samples, and nothing else."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from headway.goals.services import goal_create
from headway.journal.services import entry_create
from headway.sharing.shares import share_create, share_revoke
from tests.factories import upload


def shared_talk(owner: Any, *, include_entries: bool = True) -> tuple[Any, str, Any]:
    goal = goal_create(owner=owner, statement="Speak at two meetups by June 2027")
    entry = entry_create(
        owner=owner,
        title="Talk on caching",
        kind="talk",
        goal_ids=[goal.pk],
        attachments=[upload("caching.pdf", b"%PDF-1.4 caching slides")],
    )
    share, token = share_create(
        owner=owner, goal_ids=[goal.pk], include_entries=include_entries
    )
    assert token is not None
    return entry.samples.get(), token, share


def test_the_share_page_links_the_shared_files(alice: Any, media: Any) -> None:
    sample, token, _ = shared_talk(alice)
    page = Client().get(f"/share/{token}").content.decode()
    assert f'href="/share/{token}/samples/{sample.pk}"' in page


def test_a_viewer_of_the_link_downloads_a_shared_file(alice: Any, media: Any) -> None:
    sample, token, _ = shared_talk(alice)
    response = Client().get(f"/share/{token}/samples/{sample.pk}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 caching slides"
    assert response["Cache-Control"] == "private, no-store"


def test_a_file_of_an_entry_the_share_leaves_out_is_a_404(
    alice: Any, media: Any
) -> None:
    sample, token, _ = shared_talk(alice, include_entries=False)
    assert Client().get(f"/share/{token}/samples/{sample.pk}").status_code == 404


def test_a_revoked_or_expired_link_downloads_nothing(alice: Any, media: Any) -> None:
    sample, token, share = shared_talk(alice)
    with time_machine.travel("2030-01-01 00:00:00Z"):
        assert Client().get(f"/share/{token}/samples/{sample.pk}").status_code == 404
    share_revoke(owner=alice, share_id=share.pk)
    assert Client().get(f"/share/{token}/samples/{sample.pk}").status_code == 404


def test_another_link_cannot_reach_a_file_it_does_not_share(
    alice: Any, bob: Any, media: Any
) -> None:
    alices_sample, _, _ = shared_talk(alice)
    _, bobs_token, _ = shared_talk(bob)
    response = Client().get(f"/share/{bobs_token}/samples/{alices_sample.pk}")
    assert response.status_code == 404


def shared_link(owner: Any, url: str) -> tuple[Any, str, Any]:
    goal = goal_create(owner=owner, statement="Speak at two meetups by June 2027")
    entry = entry_create(
        owner=owner, title="Talk on caching", kind="talk", goal_ids=[goal.pk],
        links=[url],
    )  # fmt: skip
    share, token = share_create(owner=owner, goal_ids=[goal.pk], include_entries=True)
    assert token is not None
    return entry.samples.get(), token, share


def test_a_shared_link_shows_where_it_leads_instead_of_redirecting(
    alice: Any,
) -> None:
    sample, token, _ = shared_link(alice, "https://evil.example/login?next=bank")
    response = Client().get(f"/share/{token}/samples/{sample.pk}")
    assert response.status_code == 200
    assert "Location" not in response
    page = response.content.decode()
    assert "https://evil.example/login?next=bank" in page
    assert 'rel="noopener noreferrer nofollow"' in page
    assert "another site" in page


def test_a_named_recipient_also_sees_where_a_shared_link_leads(
    alice: Any, bob: Any, bob_client: Client, settings: Any
) -> None:
    settings.LOCAL_MODE = False  # named-user shares exist in server mode
    goal = goal_create(owner=alice, statement="Speak at two meetups by June 2027")
    entry = entry_create(
        owner=alice, title="Talk", kind="talk", goal_ids=[goal.pk],
        links=["https://evil.example/"],
    )  # fmt: skip
    share, _ = share_create(
        owner=alice, goal_ids=[goal.pk], include_entries=True, recipient="bob"
    )
    sample = entry.samples.get()
    response = bob_client.get(f"/share/with-me/{share.pk}/samples/{sample.pk}")
    assert response.status_code == 200
    assert "https://evil.example/" in response.content.decode()


def test_the_owner_follows_her_own_link_straight_away(
    alice: Any, alice_client: Client
) -> None:
    sample, _, _ = shared_link(alice, "https://example.org/slides")
    response = alice_client.get(f"/samples/{sample.pk}/download/")
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/slides"
