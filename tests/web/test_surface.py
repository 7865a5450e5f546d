"""The web surface (issue 14): the owner's theme, dates in one format, error
pages in the app's look, and the navigation."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.test import Client, override_settings

from headway.accounts.models import Profile
from headway.core.templatetags.headway_ui import meter, relative_day, week_label, when
from headway.goals.services import goal_create
from headway.sharing.shares import share_create, share_revoke

TODAY = date(2026, 12, 3)


def test_an_owner_starts_on_the_systems_theme(alice_client: Client) -> None:
    html = alice_client.get("/log/").content.decode()
    assert '<html lang="en" data-theme="system">' in html
    assert 'name="theme" value="light"' in html  # the toggle's next step


@pytest.mark.parametrize("theme", ["light", "dark", "system"])
def test_the_theme_toggle_keeps_the_choice_and_renders_it_on_html(
    alice_client: Client, alice: Any, theme: str
) -> None:
    response = alice_client.post(
        "/profile/theme/", {"theme": theme, "next": "/goals/?status=active"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/goals/?status=active"
    assert Profile.objects.get(owner=alice).theme == theme
    html = alice_client.get("/goals/").content.decode()
    assert f'<html lang="en" data-theme="{theme}">' in html


def test_a_new_session_reads_the_kept_theme(alice: Any) -> None:
    Profile.objects.create(owner=alice, theme="dark")
    client = Client()
    client.force_login(alice)
    assert 'data-theme="dark"' in client.get("/log/").content.decode()


def test_an_unknown_theme_changes_nothing(alice_client: Client, alice: Any) -> None:
    response = alice_client.post("/profile/theme/", {"theme": "neon"})
    assert response.status_code == 400
    assert not Profile.objects.filter(owner=alice).exists()


def test_the_theme_toggle_never_sends_the_owner_off_site(alice_client: Client) -> None:
    response = alice_client.post(
        "/profile/theme/", {"theme": "dark", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/profile/"


def test_the_theme_toggle_only_posts(alice_client: Client) -> None:
    assert alice_client.get("/profile/theme/").status_code == 405


def test_portfolio_is_in_the_navigation(alice_client: Client) -> None:
    html = alice_client.get("/portfolio/").content.decode()
    assert re.search(r'<a href="/portfolio/" aria-current="page"><svg', html)


def test_an_area_behind_more_marks_more_as_current(alice_client: Client) -> None:
    behind = alice_client.get("/portfolio/").content.decode()
    in_view = alice_client.get("/goals/").content.decode()

    assert '<summary class="current">' in behind
    assert "(the current page is here)" in behind
    assert '<summary class="current">' not in in_view
    assert re.search(r"<summary><svg[^>]*>.*?</svg>More</summary>", in_view)


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 12, 3), "today"),
        (date(2026, 12, 2), "yesterday"),
        (date(2026, 11, 30), "3 days ago"),
        (date(2026, 12, 4), "tomorrow"),
        (date(2026, 12, 8), "in 5 days"),
        (date(2026, 11, 20), "20 Nov 2026"),
        (date(2027, 1, 9), "9 Jan 2027"),
    ],
)
def test_dates_read_relative_when_recent_and_in_one_format_otherwise(
    day: date, shown: str
) -> None:
    assert relative_day(day, TODAY) == shown


def test_a_date_is_a_time_element_with_the_full_date_in_its_title() -> None:
    html = when(date(2026, 11, 30), TODAY)
    assert html == (
        '<time datetime="2026-11-30" title="Monday 30 November 2026">3 days ago</time>'
    )
    moment = datetime(2026, 12, 3, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert ">today<" in when(moment, TODAY)
    assert when(None) == ""


def test_weeks_are_named_from_today() -> None:
    assert week_label(date(2026, 11, 30), TODAY) == "This week"
    assert week_label(date(2026, 11, 23), TODAY) == "Last week"
    assert week_label(date(2026, 11, 16), TODAY) == "Week of 16 Nov 2026"


def test_a_strength_scale_fills_as_many_cells_as_the_strength() -> None:
    html = meter(3)
    assert html.count('class="on"') == 3
    assert html.count("<span") == 6  # the scale and its five cells
    assert meter("junk").count('class="on"') == 0


def test_a_revoked_share_link_is_a_404_in_the_apps_look(alice: Any) -> None:
    goal = goal_create(owner=alice, statement="Ship the search by March")
    share, token = share_create(owner=alice, goal_ids=[goal.pk])
    assert token is not None
    assert Client().get(f"/share/{token}").status_code == 200
    share_revoke(owner=alice, share_id=share.pk)
    response = Client().get(f"/share/{token}")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<title>Not found · Headway</title>" in html
    assert "headway.css" in html
    assert "Ship the search" not in html
    assert "No such share" not in html  # the exception's text stays inside


def test_a_stranger_on_an_owners_page_sees_the_same_404(
    alice: Any, charlie: Any
) -> None:
    goal = goal_create(owner=alice, statement="Ship the search by March")
    client = Client()
    client.force_login(charlie)
    response = client.get(f"/goals/{goal.pk}/")
    assert response.status_code == 404
    assert "Nothing here" in response.content.decode()
    assert "Ship the search" not in response.content.decode()


def test_the_500_page_renders_without_a_request_or_a_database() -> None:
    # Django's server_error view renders it with no context processors.
    html = render_to_string("500.html")
    assert "<title>Something went wrong · Headway</title>" in html
    assert "headway.css" in html
    assert "csrf" not in html.lower()


@override_settings(DEBUG=False)
def test_the_403_page_is_in_the_apps_look(alice_client: Client) -> None:
    html = render_to_string("403.html", {})
    assert "<title>Not allowed · Headway</title>" in html
    assert "Sign in" in html  # nobody signed in: no navigation, no data
