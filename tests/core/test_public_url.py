"""HEADWAY_PUBLIC_URL: the host printed in share links and calendar feed
addresses, on the web, in the API and in the CLI."""

from __future__ import annotations

import re
from typing import Any

import icalendar
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from typer.testing import CliRunner

from headway.core.links import public_base
from headway.settings import public_url
from tests.goals.factories import GoalFactory

PUBLIC = "https://headway.example.org/alice"


@pytest.fixture
def public(settings: Any) -> None:
    settings.PUBLIC_URL = PUBLIC


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("https://headway.example.org/", "https://headway.example.org"),
        ("http://10.0.0.5:8000", "http://10.0.0.5:8000"),
        ("https://example.org/me/", "https://example.org/me"),
    ],
)
def test_a_public_url_is_kept_without_its_trailing_slash(
    raw: str, expected: str
) -> None:
    assert public_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "headway.example.org",
        "ftp://example.org",
        "https://",
        "https://example.org/?next=1",
        "https://me:secret@example.org",
    ],
)
def test_a_bad_public_url_is_refused_at_start(raw: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="HEADWAY_PUBLIC_URL"):
        public_url(raw)


def test_public_base_prefers_an_explicit_host_then_the_setting(
    settings: Any,
) -> None:
    settings.PUBLIC_URL = ""
    assert public_base() == "http://127.0.0.1:8000"
    assert public_base(host="::1", port=9000) == "http://[::1]:9000"
    settings.PUBLIC_URL = PUBLIC
    assert public_base() == PUBLIC
    assert public_base(host="192.168.1.2", port=8000) == "http://192.168.1.2:8000"


@pytest.mark.usefixtures("public")
def test_the_share_page_prints_the_public_link(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    html = alice_client.post(
        "/goals/shares/", {"goals": [goal.pk], "days": 14}
    ).content.decode()
    assert re.search(rf'value="{re.escape(PUBLIC)}/share/[^"]+"', html)
    assert "will open only on this computer" not in html


@pytest.mark.usefixtures("public")
def test_the_api_returns_the_public_link(alice: Any, alice_token: str) -> None:
    goal = GoalFactory(owner=alice)
    response = Client().post(
        "/api/v1/shares",
        {"goal_ids": [goal.pk]},
        content_type="application/json",
        headers={"Authorization": f"Bearer {alice_token}"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["url"].startswith(f"{PUBLIC}/share/")


@pytest.mark.usefixtures("public")
def test_the_profile_and_the_feed_use_the_public_address(
    alice: Any, alice_client: Client
) -> None:
    GoalFactory(owner=alice, statement="Ship the mobile app")
    page = alice_client.post("/profile/calendar/rotate/").content.decode()
    address = re.search(rf"{re.escape(PUBLIC)}/calendar/[^\"<]+\.ics", page)
    assert address is not None
    feed = Client().get(address.group(0).removeprefix(PUBLIC))
    calendar = icalendar.Calendar.from_ical(feed.content)
    urls = [str(event["URL"]) for event in calendar.walk("VEVENT") if "URL" in event]
    assert urls
    assert all(url.startswith(f"{PUBLIC}/") for url in urls)


@pytest.mark.usefixtures("public")
def test_the_cli_prints_the_public_address(alice: Any) -> None:
    from headway.cli import app

    goal = GoalFactory(owner=alice)
    runner = CliRunner()
    feed = runner.invoke(app, ["calendar", "url"])
    assert feed.exit_code == 0, feed.output
    assert feed.stdout.startswith(f"{PUBLIC}/calendar/")
    share = runner.invoke(app, ["share", "create", "--goal", str(goal.pk)])
    assert share.stdout.startswith(f"{PUBLIC}/share/")
    assert "only on this computer" not in share.stderr
    rotated = runner.invoke(app, ["calendar", "rotate", "--host", "10.1.1.1"])
    assert rotated.stdout.startswith("http://10.1.1.1:8000/calendar/")
