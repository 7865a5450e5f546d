"""Local sign-in links, API tokens and server-mode accounts."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from typer.testing import CliRunner

from headway.accounts.models import ApiToken, LoginToken
from headway.accounts.services import (
    api_token_authenticate,
    api_token_create,
    login_token_issue,
    user_add,
)
from headway.cli import app
from headway.core.errors import HeadwayError


def token_path(url: str) -> str:
    return url[url.index("/login/") :]


def test_login_url_prints_a_link_that_signs_in_once(alice: Any) -> None:
    result = CliRunner().invoke(app, ["login-url"])
    assert result.exit_code == 0, result.output
    url = result.stdout.strip()
    assert url.startswith("http://127.0.0.1:8000/login/")
    client = Client()
    first = client.get(token_path(url))
    assert first.status_code == 302
    assert client.get("/", follow=True).status_code == 200
    assert Client().get(token_path(url)).status_code == 403


def test_a_login_link_expires_after_ten_minutes(alice: Any) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        token = login_token_issue(user=alice)
    with time_machine.travel("2026-11-23 10:10:01Z", tick=False):
        assert Client().get(f"/login/{token}").status_code == 403


def test_a_login_link_still_works_just_before_it_expires(alice: Any) -> None:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        token = login_token_issue(user=alice)
    with time_machine.travel("2026-11-23 10:09:59Z", tick=False):
        assert Client().get(f"/login/{token}").status_code == 302


def test_login_tokens_are_stored_only_hashed(alice: Any) -> None:
    token = login_token_issue(user=alice)
    assert not LoginToken.objects.filter(digest__contains=token).exists()
    assert LoginToken.objects.get().digest != token


def test_a_made_up_login_link_does_not_sign_in(db: None) -> None:
    response = Client().get("/login/made-up")
    assert response.status_code == 403
    assert "used already" in response.content.decode()


def test_the_local_login_page_explains_how_to_get_a_link(db: None) -> None:
    assert "headway login-url" in Client().get("/login/").content.decode()


def test_api_tokens_are_stored_hashed_and_authenticate_their_owner(alice: Any) -> None:
    record, token = api_token_create(owner=alice, name="laptop")
    assert token not in record.digest
    assert api_token_authenticate(token=token) == alice
    assert api_token_authenticate(token=token + "x") is None
    assert ApiToken.objects.for_owner(alice).count() == 1


@override_settings(LOCAL_MODE=False, MODE="server")
def test_server_mode_signs_in_with_a_password(db: None) -> None:
    user_add(username="dana", password="correct horse battery staple")
    page = Client().get("/login/")
    assert 'name="password"' in page.content.decode()
    client = Client()
    response = client.post(
        "/login/", {"username": "dana", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/", follow=True).status_code == 200


@override_settings(LOCAL_MODE=False, MODE="server")
def test_server_mode_refuses_a_wrong_password(db: None) -> None:
    user_add(username="dana", password="correct horse battery staple")
    response = Client().post("/login/", {"username": "dana", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_passwords_are_hashed_with_argon2(db: None) -> None:
    user = user_add(username="dana", password="correct horse battery staple")
    assert user.password.startswith("argon2")


def test_user_add_refuses_a_duplicate_and_a_weak_password(db: None) -> None:
    user_add(username="dana", password="correct horse battery staple")
    with pytest.raises(HeadwayError):
        user_add(username="Dana", password="correct horse battery staple")
    with pytest.raises(ValidationError):
        user_add(username="erin", password="123")
    assert get_user_model().objects.count() == 1


def test_user_add_on_the_command_line_reads_the_password_from_stdin(db: None) -> None:
    result = CliRunner().invoke(
        app,
        ["user", "add", "dana", "--password-stdin"],
        input="correct horse battery staple\n",
    )
    assert result.exit_code == 0, result.output
    assert get_user_model().objects.filter(username="dana").exists()
