"""Shares: secret hashed links, expiry, revocation, comments that become feedback."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.utils import timezone

from headway.accounts.models import Share, ShareComment
from headway.journal.models import Entry
from headway.sharing.shares import (
    TooManyComments,
    share_by_token,
    share_comment,
    share_contents,
    share_create,
    share_revoke,
)
from tests.factories import EntryFactory
from tests.goals.factories import GoalFactory


def link(client: Client, token: str) -> Any:
    return client.get(f"/share/{token}")


def test_a_link_token_has_at_least_128_bits_and_is_stored_only_hashed(
    alice: Any,
) -> None:
    goal = GoalFactory(owner=alice)
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    assert token is not None
    assert len(token) >= 43  # 32 random bytes in URL-safe base64
    share.refresh_from_db()
    assert share.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Share.objects.values().get())


def test_a_share_lasts_30_days_by_default(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    share, _ = share_create(owner=alice, goal_ids=[goal.pk])
    assert abs(share.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(
        minutes=1
    )


def test_an_expired_link_answers_404(alice: Any, client: Client) -> None:
    goal = GoalFactory(owner=alice)
    _, token = share_create(owner=alice, goal_ids=[goal.pk], days=2)
    assert token is not None
    assert link(client, token).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert link(client, token).status_code == 404


def test_a_revoked_link_answers_404(alice: Any, client: Client) -> None:
    goal = GoalFactory(owner=alice)
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    assert token is not None
    share_revoke(owner=alice, share_id=share.pk)
    assert link(client, token).status_code == 404
    with pytest.raises(Http404):
        share_by_token(token=token)


def test_an_unknown_link_answers_404(client: Client, db: None) -> None:
    assert link(client, "not-a-real-token").status_code == 404


def test_only_the_owner_can_revoke(alice: Any, bob: Any) -> None:
    share, _ = share_create(owner=alice, goal_ids=[GoalFactory(owner=alice).pk])
    with pytest.raises(Http404):
        share_revoke(owner=bob, share_id=share.pk)
    share.refresh_from_db()
    assert share.revoked_at is None


def test_a_share_cannot_name_another_users_goal(alice: Any, bob: Any) -> None:
    bobs = GoalFactory(owner=bob)
    with pytest.raises(ValidationError, match="No goal"):
        share_create(owner=alice, goal_ids=[bobs.pk])
    assert Share.objects.count() == 0


def test_the_share_view_shows_only_the_picked_goal_and_entries(
    alice: Any, client: Client
) -> None:
    shared = GoalFactory(owner=alice, statement="Speak at two meetups by June 2027")
    private = GoalFactory(owner=alice, statement="Find a new job quietly")
    evidence = EntryFactory(owner=alice, title="Talk at PyData Berlin")
    evidence.goals.add(shared)
    secret = EntryFactory(owner=alice, title="Secret interview at a rival")
    secret.goals.add(private)
    _, token = share_create(owner=alice, goal_ids=[shared.pk], include_entries=True)
    assert token is not None
    page = link(client, token).content.decode()
    assert "Speak at two meetups by June 2027" in page
    assert "Talk at PyData Berlin" in page
    assert "Find a new job quietly" not in page
    assert "Secret interview" not in page


def test_entries_are_shown_only_when_picked(alice: Any, client: Client) -> None:
    goal = GoalFactory(owner=alice)
    EntryFactory(owner=alice, title="Draft one").goals.add(goal)
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    assert token is not None
    assert share_contents(share)[0][1] == []
    assert "Draft one" not in link(client, token).content.decode()


def test_a_comment_becomes_a_feedback_entry_linked_to_the_goal(
    alice: Any, client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    _, token = share_create(owner=alice, goal_ids=[goal.pk])
    response = client.post(
        f"/share/{token}",
        {"goal_id": goal.pk, "author": "Maria Lopez", "text": "Great pace, ask Ana."},
    )
    assert response.status_code == 200
    assert "Thank you, Maria Lopez" in response.content.decode()
    entry = Entry.objects.get()
    assert entry.owner == alice
    assert entry.kind == "feedback"
    assert entry.details["direction"] == "received"
    assert entry.details["person"] == "Maria Lopez"
    assert list(entry.goals.all()) == [goal]
    assert "Great pace, ask Ana." in entry.body


def test_a_comment_is_shown_as_escaped_text(alice: Any, client: Client) -> None:
    goal = GoalFactory(owner=alice)
    _, token = share_create(owner=alice, goal_ids=[goal.pk])
    response = client.post(
        f"/share/{token}",
        {"goal_id": goal.pk, "author": "<script>x()</script>", "text": "<b>hi</b>"},
    )
    page = response.content.decode()
    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "&lt;b&gt;hi&lt;/b&gt;" in page


def test_a_comment_is_limited_to_5000_characters(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    share, _ = share_create(owner=alice, goal_ids=[goal.pk])
    with pytest.raises(ValidationError, match="5,000"):
        share_comment(share=share, goal_id=goal.pk, author="Ana", text="x" * 5001)
    assert Entry.objects.count() == 0


def test_at_most_20_comments_per_hour_per_link(alice: Any) -> None:
    goal = GoalFactory(owner=alice)
    share, _ = share_create(owner=alice, goal_ids=[goal.pk])
    for number in range(20):
        share_comment(share=share, goal_id=goal.pk, author="Ana", text=f"note {number}")
    with pytest.raises(TooManyComments):
        share_comment(share=share, goal_id=goal.pk, author="Ana", text="one more")
    assert ShareComment.objects.count() == 20
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        share_comment(share=share, goal_id=goal.pk, author="Ana", text="next hour")
    assert Entry.objects.filter(kind="feedback").count() == 21


def test_the_rate_limit_answers_429_on_the_page(alice: Any, client: Client) -> None:
    goal = GoalFactory(owner=alice)
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    for number in range(20):
        share_comment(share=share, goal_id=goal.pk, author="Ana", text=f"n{number}")
    response = client.post(
        f"/share/{token}", {"goal_id": goal.pk, "author": "Ana", "text": "again"}
    )
    assert response.status_code == 429
    assert "try again later" in response.content.decode()


def test_a_comment_on_a_goal_outside_the_share_is_refused(alice: Any) -> None:
    shared, other = GoalFactory(owner=alice), GoalFactory(owner=alice)
    share, _ = share_create(owner=alice, goal_ids=[shared.pk])
    with pytest.raises(Http404):
        share_comment(share=share, goal_id=other.pk, author="Ana", text="hello")
    assert Entry.objects.count() == 0


def test_share_pages_are_not_cached_and_keep_the_link_out_of_referrers(
    alice: Any, client: Client
) -> None:
    _, token = share_create(owner=alice, goal_ids=[GoalFactory(owner=alice).pk])
    assert token is not None
    response = link(client, token)
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_named_user_shares_need_server_mode(alice: Any, bob: Any) -> None:
    with pytest.raises(ValidationError, match="server mode"):
        share_create(
            owner=alice, goal_ids=[GoalFactory(owner=alice).pk], recipient="bob"
        )


def test_a_named_user_share_opens_only_for_that_user(
    alice: Any, bob: Any, charlie: Any, settings: Any
) -> None:
    settings.LOCAL_MODE = False
    goal = GoalFactory(owner=alice, statement="Lead the Q3 platform migration")
    share, token = share_create(owner=alice, goal_ids=[goal.pk], recipient="bob")
    assert token is None
    bob_client, charlie_client = Client(), Client()
    bob_client.force_login(bob)
    charlie_client.force_login(charlie)
    url = f"/share/with-me/{share.pk}/"
    assert "Lead the Q3 platform migration" in bob_client.get(url).content.decode()
    assert charlie_client.get(url).status_code == 404
    assert "Goals of alice" in bob_client.get("/share/with-me/").content.decode()


def test_the_owner_reads_comments_as_escaped_text_on_the_goal_page(
    alice: Any, alice_client: Client, bob_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    share, _ = share_create(owner=alice, goal_ids=[goal.pk])
    share_comment(
        share=share,
        goal_id=goal.pk,
        author="Dana <i>M</i>",
        text='<img src=x onerror="alert(1)"> Keep going',
    )
    page = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Keep going" in page
    assert "<img src=x" not in page
    assert "Dana &lt;i&gt;M&lt;/i&gt;" in page
    assert bob_client.get(f"/goals/{goal.pk}/").status_code == 404
