"""Server mode's accounts: invitations, passwords, sessions, disabling, and an
account admin who manages accounts but never sees anyone's career data."""

from __future__ import annotations

import re
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from typer.testing import CliRunner

from headway.accounts.models import Invitation
from headway.accounts.people import invitation_create, sessions_end
from headway.accounts.services import api_token_create
from headway.cli import app
from headway.network.models import Contact
from headway.sharing.shares import share_create
from tests.factories import EntryFactory, UserFactory
from tests.goals.factories import GoalFactory

GOOD_PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def server(settings: Any) -> Any:
    settings.LOCAL_MODE = False
    return settings


@pytest.fixture
def admin(alice: Any) -> Any:
    return UserFactory(username="root", is_staff=True)


def can_sign_in(username: str, password: str) -> bool:
    response = Client().post("/login/", {"username": username, "password": password})
    return response.status_code == 302


def token_of(url: str) -> str:
    return url.rstrip().rsplit("/invite/", 1)[1]


def accept(token: str, username: str = "dana", password: str = GOOD_PASSWORD) -> Any:
    client = Client()
    response = client.post(
        f"/invite/{token}",
        {"username": username, "password": password, "again": password},
    )
    return client, response


# --- invitations ---------------------------------------------------------


def test_user_invite_prints_a_link_that_creates_one_account_once(
    server: Any, alice: Any
) -> None:
    result = CliRunner().invoke(app, ["user", "invite", "dana@example.org"])
    assert result.exit_code == 0, result.output
    url = result.stdout.strip()
    assert url.startswith("http://127.0.0.1:8000/invite/")
    client, response = accept(token_of(url))
    assert response.status_code == 302
    dana = get_user_model().objects.get(username="dana")
    assert (dana.email, dana.is_staff) == ("dana@example.org", False)
    assert client.get("/account/").status_code == 200  # signed in
    _, again = accept(token_of(url), username="eve")
    assert again.status_code == 410
    assert "used already" in again.content.decode()
    assert not get_user_model().objects.filter(username="eve").exists()


def test_an_invitation_expires_after_seven_days(server: Any, alice: Any) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        _, token = invitation_create(email="dana@example.org")
    with time_machine.travel("2026-11-30 10:00:01Z", tick=False):
        page = Client().get(f"/invite/{token}")
        _, response = accept(token)
    assert page.status_code == 410
    assert "expired" in response.content.decode()
    assert not get_user_model().objects.filter(username="dana").exists()


def test_invitations_are_refused_in_local_mode(alice: Any) -> None:
    result = CliRunner().invoke(app, ["user", "invite", "dana@example.org"])
    assert result.exit_code == 1
    assert "Invitations are for server mode" in result.stderr
    assert not Invitation.objects.exists()


def test_an_invitation_for_a_taken_address_is_refused(server: Any, alice: Any) -> None:
    alice.email = "alice@example.org"
    alice.save()
    result = CliRunner().invoke(app, ["user", "invite", "ALICE@example.org"])
    assert result.exit_code == 1
    assert "has an account already" in result.stderr


def test_an_unknown_invitation_link_opens_nothing(server: Any, alice: Any) -> None:
    assert Client().get("/invite/not-a-token").status_code == 410


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("48213975601", "entirely numeric"),
        ("dana@example.org", "too similar"),
    ],
)
def test_the_invitation_page_applies_djangos_password_validators(
    server: Any, alice: Any, password: str, message: str
) -> None:
    invitation, token = invitation_create(email="dana@example.org")
    _, response = accept(token, username="dana", password=password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="dana").exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None  # the link still works for a good password


def test_an_account_admin_invites_from_the_web(server: Any, admin: Any) -> None:
    client = Client()
    client.force_login(admin)
    response = client.post("/account/people/", {"email": "dana@example.org"})
    link = response.context["link"]
    assert "/invite/" in link
    assert Invitation.objects.get().invited_by == admin
    _, created = accept(token_of(link))
    assert created.status_code == 302


def test_only_an_account_admin_sees_the_accounts_page(
    server: Any, alice_client: Client
) -> None:
    assert alice_client.get("/account/people/").status_code == 404
    response = alice_client.post("/account/people/", {"email": "x@example.org"})
    assert response.status_code == 404
    assert not Invitation.objects.exists()


# --- passwords and sessions ----------------------------------------------


def test_a_password_reset_mails_a_link_that_sets_a_new_password(
    server: Any, alice: Any
) -> None:
    alice.email = "alice@example.org"
    alice.set_password("old password that is long")
    alice.save()
    response = Client().post("/password-reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/password-reset/\S+/", mail.outbox[0].body)
    assert link is not None
    client = Client()
    form = client.get(link.group(0), follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD},
    )
    assert done.status_code == 302
    assert can_sign_in("alice", GOOD_PASSWORD)


def test_a_password_reset_for_an_unknown_address_sends_nothing(
    server: Any, alice: Any
) -> None:
    Client().post("/password-reset/", {"email": "nobody@example.org"})
    assert mail.outbox == []


def test_changing_the_password_signs_out_every_other_session(
    server: Any, alice: Any
) -> None:
    alice.set_password("old password that is long")
    alice.save()
    here, elsewhere = Client(), Client()
    here.force_login(alice)
    elsewhere.force_login(alice)
    response = here.post(
        "/account/password/",
        {
            "old_password": "old password that is long",
            "new_password1": GOOD_PASSWORD,
            "new_password2": GOOD_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert here.get("/account/").status_code == 200
    assert elsewhere.get("/account/").status_code == 302


def test_a_weak_new_password_is_refused(server: Any, alice: Any) -> None:
    alice.set_password("old password that is long")
    alice.save()
    client = Client()
    client.force_login(alice)
    response = client.post(
        "/account/password/",
        {
            "old_password": "old password that is long",
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert "too common" in response.content.decode()
    assert can_sign_in("alice", "old password that is long")


def test_sessions_last_two_weeks_after_the_last_visit(settings: Any) -> None:
    assert settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_a_session_used_every_week_stays_and_an_idle_one_ends(alice: Any) -> None:
    used, idle = Client(), Client()
    with time_machine.travel("2026-11-01 10:00:00Z", tick=False):
        used.force_login(alice)
        idle.force_login(alice)
    for day in ("2026-11-10", "2026-11-20"):
        with time_machine.travel(f"{day} 10:00:00Z", tick=False):
            assert used.get("/account/").status_code == 200
    with time_machine.travel("2026-11-20 10:00:00Z", tick=False):
        assert idle.get("/account/").status_code == 302  # 19 days idle: signed out


def test_sign_out_everywhere_ends_the_other_sessions_only(alice: Any) -> None:
    here, elsewhere = Client(), Client()
    here.force_login(alice)
    elsewhere.force_login(alice)
    response = here.post("/account/sign-out-everywhere/")
    assert "1 other session ended" in response.content.decode()
    assert here.get("/account/").status_code == 200
    assert elsewhere.get("/account/").status_code == 302


def test_ending_sessions_leaves_other_users_signed_in(alice: Any, bob: Any) -> None:
    bobs = Client()
    bobs.force_login(bob)
    assert sessions_end(user=alice) == 0
    assert bobs.get("/account/").status_code == 200


# --- disabling -------------------------------------------------------------


def test_a_disabled_user_cannot_sign_in_use_a_token_or_keep_a_session(
    server: Any, alice: Any, bob: Any
) -> None:
    bob.set_password(GOOD_PASSWORD)
    bob.save()
    _, token = api_token_create(owner=bob)
    session = Client()
    session.force_login(bob)
    result = CliRunner().invoke(app, ["user", "disable", "bob"])
    assert result.exit_code == 0, result.output
    assert session.get("/account/").status_code == 302
    assert not can_sign_in("bob", GOOD_PASSWORD)
    api = Client().get("/api/v1/entries", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 401
    enabled = CliRunner().invoke(app, ["user", "enable", "bob"])
    assert enabled.exit_code == 0
    assert can_sign_in("bob", GOOD_PASSWORD)


def test_disabling_an_unknown_user_says_so(server: Any, alice: Any) -> None:
    result = CliRunner().invoke(app, ["user", "disable", "nobody"])
    assert result.exit_code == 1
    assert "No user named 'nobody'" in result.stderr


def test_user_list_json_shows_accounts_and_nothing_else(
    server: Any, admin: Any, bob: Any
) -> None:
    EntryFactory(owner=bob, kind="note", title="Private plans")
    result = CliRunner().invoke(app, ["user", "list", "--json"])
    assert result.exit_code == 0, result.output
    assert '"username": "root"' in result.stdout
    assert '"admin": true' in result.stdout
    assert "Private plans" not in result.stdout


def test_an_admin_disables_from_the_web_but_not_themselves(
    server: Any, admin: Any, bob: Any
) -> None:
    client = Client()
    client.force_login(admin)
    client.post("/account/people/disable/", {"username": "bob"})
    bob.refresh_from_db()
    assert not bob.is_active
    refused = client.post("/account/people/disable/", {"username": "root"})
    assert refused.status_code == 400
    admin.refresh_from_db()
    assert admin.is_active


# --- the account admin sees no career data ---------------------------------


def test_an_account_admin_gets_404_for_anyone_elses_career_data(
    server: Any, alice: Any, admin: Any
) -> None:
    goal = GoalFactory(owner=alice, statement="Secret goal of alice")
    entry = EntryFactory(owner=alice, kind="note", title="Secret entry")
    contact = Contact.objects.create(owner=alice, name="Secret Contact")
    client = Client()
    client.force_login(admin)
    for url in (
        f"/goals/{goal.pk}/",
        f"/log/{entry.pk}/",
        f"/network/contacts/{contact.pk}/",
        f"/api/v1/goals/{goal.pk}",
        f"/api/v1/entries/{entry.pk}",
        f"/api/v1/contacts/{contact.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Secret" not in response.content, url
    for url in ("/log/", "/goals/", "/network/contacts/", "/api/v1/entries"):
        assert b"Secret" not in client.get(url).content, url


def test_the_django_admin_site_shows_no_career_model(
    server: Any, alice: Any, admin: Any
) -> None:
    from django.contrib import admin as django_admin

    registered = {model._meta.app_label for model in django_admin.site._registry}
    headway_apps = {"goals", "journal", "network", "growth", "reviews", "accounts"}
    assert registered.isdisjoint(headway_apps)
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/goals/goal/").status_code == 404
    assert client.get("/admin/journal/entry/").status_code == 404


# --- shared with me -------------------------------------------------------


def test_shared_with_me_lists_named_shares_only_for_their_recipient(
    server: Any, alice: Any, bob: Any, charlie: Any
) -> None:
    goal = GoalFactory(owner=alice, statement="Grow the platform team")
    share_create(owner=alice, goal_ids=[goal.pk], recipient="bob")
    share_create(owner=alice, goal_ids=[goal.pk])  # a link share: no one's list
    bobs, charlies = Client(), Client()
    bobs.force_login(bob)
    charlies.force_login(charlie)
    bob_page = bobs.get("/share/with-me/").content.decode()
    assert bob_page.count("Goals of alice") == 1
    charlie_page = charlies.get("/share/with-me/").content.decode()
    assert "Goals of alice" not in charlie_page
    assert "Nobody has shared goals with you." in charlie_page
