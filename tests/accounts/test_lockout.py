"""Failed sign-ins lock one user from one address, not everyone behind a proxy.

Ten wrong passwords for dana from one address lock dana there; erin, behind
the same address (an office's proxy), still signs in, and so does dana from
elsewhere. The client's address is REMOTE_ADDR, unless the request comes from
a proxy named in HEADWAY_TRUSTED_PROXIES: then its X-Forwarded-For says who
the client is, and nobody else can choose their address by sending one.
"""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from django.test import Client, override_settings

from headway.accounts.client_ip import client_ip, trusted_proxies
from headway.accounts.services import user_add

PASSWORD = "correct horse battery staple"
LIMIT = 10

pytestmark = pytest.mark.usefixtures("server_mode")


@pytest.fixture
def server_mode(db: None, settings: Any) -> None:
    settings.LOCAL_MODE = False
    settings.MODE = "server"
    user_add(username="dana", password=PASSWORD)
    user_add(username="erin", password=PASSWORD)


def sign_in(username: str, password: str, **meta: str) -> int:
    response = Client(**meta).post(
        "/login/", {"username": username, "password": password}
    )
    return response.status_code


def test_ten_wrong_passwords_lock_that_user_from_that_address_only() -> None:
    statuses = [
        sign_in("dana", "nope", REMOTE_ADDR="198.51.100.7") for _ in range(LIMIT)
    ]
    assert statuses == [200] * (LIMIT - 1) + [429]  # the tenth locks
    assert sign_in("dana", PASSWORD, REMOTE_ADDR="198.51.100.7") == 429
    assert sign_in("erin", PASSWORD, REMOTE_ADDR="198.51.100.7") == 302
    assert sign_in("dana", PASSWORD, REMOTE_ADDR="203.0.113.9") == 302


def test_a_forwarded_address_from_an_untrusted_peer_is_ignored() -> None:
    for number in range(LIMIT):
        forged = f"192.0.2.{number + 1}"
        sign_in("dana", "nope", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=forged)
    assert (
        sign_in(
            "dana",
            PASSWORD,
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR="192.0.2.99",
        )
        == 429
    )


@override_settings(TRUSTED_PROXIES=(ipaddress.ip_network("10.0.0.0/8"),))
def test_behind_a_trusted_proxy_each_client_is_locked_on_its_own() -> None:
    via_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(LIMIT):
        sign_in("dana", "nope", HTTP_X_FORWARDED_FOR="198.51.100.7", **via_proxy)
    assert (
        sign_in("dana", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **via_proxy)
        == 429
    )
    assert (
        sign_in("dana", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **via_proxy)
        == 302
    )


class Request:
    def __init__(self, **meta: str) -> None:
        self.META = meta


@override_settings(
    TRUSTED_PROXIES=tuple(trusted_proxies(["10.0.0.0/8", "192.168.1.1"]))
)
def test_the_client_is_the_last_address_no_trusted_proxy_added() -> None:
    assert client_ip(Request(REMOTE_ADDR="198.51.100.7")) == "198.51.100.7"
    assert (
        client_ip(
            Request(
                REMOTE_ADDR="10.1.2.3",
                HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 192.168.1.1",
            )
        )
        == "198.51.100.7"  # 6.6.6.6 is whatever the client claimed
    )
    assert client_ip(Request(REMOTE_ADDR="10.1.2.3")) == "10.1.2.3"
    assert (
        client_ip(Request(REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="garbage"))
        == "10.1.2.3"
    )


def test_a_bad_trusted_proxy_setting_fails_loudly() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="HEADWAY_TRUSTED_PROXIES"):
        trusted_proxies(["10.0.0.0/8", "not-an-address"])
