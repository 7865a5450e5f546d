"""Every page's title is plain text: no markup, no token leaked into the tab."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from headway.growth.services import target_role_set
from headway.reviews.services import onboarding_finish
from tests.test_privacy import web_patterns

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
PAGES = sorted(
    {
        "/" + route
        for route, _ in web_patterns()
        if "<" not in route and not route.startswith(("logout", "login", "healthz"))
    }
)


@pytest.mark.parametrize("path", PAGES)
def test_the_title_of_every_page_is_plain_text(
    alice: Any, alice_client: Client, path: str
) -> None:
    if path.startswith("/account/people/"):  # account administrators only
        alice.is_staff = True
        alice.save(update_fields=["is_staff"])
    onboarding_finish(owner=alice)
    target_role_set(owner=alice, name="Engineering Manager", needs=["hiring"])
    response = alice_client.get(path, follow=True)
    if response.status_code == 405:  # a POST-only action, no page to title
        return
    assert response.status_code == 200, path
    if not response["Content-Type"].startswith("text/html"):
        return  # a download (vCard, a file), not a page
    head = response.content.decode().split("</head>", 1)[0]
    (title,) = TITLE.findall(head)  # SVG pictures in the body have titles too
    assert "<" not in title
    assert title.strip().endswith("· Headway")


def test_the_growth_page_shows_the_target_role_card(
    alice: Any, alice_client: Client
) -> None:
    target_role_set(owner=alice, name="Engineering Manager", needs=["hiring:3"])
    page = alice_client.get("/growth/").content.decode()
    (title,) = TITLE.findall(page.split("</head>", 1)[0])
    assert title.startswith("Growth")
    body = page.split("</title>", 1)[1]
    assert "Aiming for <strong>Engineering Manager</strong>" in body
