"""The calendar feed: parsed back with `icalendar`, stable UIDs, RRULEs on
cadences, a secret address that rotation turns into a 404, and no other
owner's data."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from icalendar import Calendar
from typer.testing import CliRunner

from headway.accounts.feeds import feed_path, feed_secret_create, feed_secret_rotate
from headway.accounts.models import CalendarFeed
from headway.goals.services import goal_create
from headway.reviews.outputs.calendar import feed_bytes
from tests.reviews.outputs_world import BOB_MARKER, alices_year, bobs_things

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def events(body: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(body)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_parses_back_with_every_kind_of_date(alice: Any) -> None:
    world = alices_year(alice)
    goal_create(
        owner=alice, statement="Apply to 3 postings", target=3, recurrence="month"
    )
    found = events(feed_bytes(owner=alice, today=TODAY, now=NOW))
    summaries = {str(event["SUMMARY"]) for event in found.values()}
    assert "Goal due: Speak at two conferences by 2026-12-31" in summaries
    assert "Check in: Apply to 3 postings" in summaries
    assert "Weekly check-in" in summaries
    assert "1:1 with your manager" in summaries
    assert "Quarterly review" in summaries
    assert "Follow up with Rita Rivera" in summaries
    assert "Certification expires: Certified Kubernetes Administrator" in summaries
    due = found[f"goal-due-{world['goal'].pk}.{alice.pk}@headway"]
    assert due.decoded("DTSTART") == dt.date(2026, 12, 31)


def test_every_event_is_all_day(alice: Any) -> None:
    alices_year(alice)
    for event in events(feed_bytes(owner=alice, today=TODAY, now=NOW)).values():
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date
        assert end - start == dt.timedelta(days=1)


def test_uids_are_stable_across_two_exports(alice: Any, time_machine: Any) -> None:
    alices_year(alice)
    first = feed_bytes(owner=alice, today=TODAY, now=NOW)
    time_machine.move_to("2026-11-30 10:00:00Z", tick=False)
    second = feed_bytes(
        owner=alice, today=dt.date(2026, 11, 30), now=NOW + dt.timedelta(days=7)
    )
    assert set(events(first)) == set(events(second))
    assert len(events(first)) >= 7


def test_cadences_and_recurring_checkins_carry_an_rrule(alice: Any) -> None:
    goal = goal_create(
        owner=alice, statement="Read 2 papers", target=2, recurrence="week"
    )
    found = events(feed_bytes(owner=alice, today=TODAY, now=NOW))
    weekly = found[f"cadence-weekly.{alice.pk}@headway"]
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"]
    manager = found[f"cadence-manager.{alice.pk}@headway"]
    assert manager["RRULE"]["FREQ"] == ["WEEKLY"]
    assert manager["RRULE"]["INTERVAL"] == [2]
    assert found[f"cadence-yearly.{alice.pk}@headway"]["RRULE"]["FREQ"] == ["YEARLY"]
    checkin = found[f"goal-checkin-{goal.pk}.{alice.pk}@headway"]
    assert checkin["RRULE"]["FREQ"] == ["WEEKLY"]
    assert checkin.decoded("DTSTART") == dt.date(2026, 11, 23)  # this week's Monday


def test_a_cadence_switched_off_leaves_the_feed(alice: Any) -> None:
    from headway.reviews.services import cadence_set

    cadence_set(owner=alice, kind="weekly", every_days=None)
    found = events(feed_bytes(owner=alice, today=TODAY, now=NOW))
    assert f"cadence-weekly.{alice.pk}@headway" not in found


def test_the_secret_address_serves_the_feed_without_a_login(alice: Any) -> None:
    alices_year(alice)
    secret = feed_secret_create(owner=alice)
    response = Client().get(feed_path(secret))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    found = events(response.content)
    assert any("Rita Rivera" in str(event["SUMMARY"]) for event in found.values())
    assert all(
        str(event.get("URL", "")).startswith("http://testserver/")
        for event in found.values()
    )


def test_only_the_digest_of_the_secret_is_stored(alice: Any) -> None:
    secret = feed_secret_create(owner=alice)
    stored = CalendarFeed.objects.get(owner=alice).digest
    assert secret not in stored
    assert len(stored) == 64


def test_a_rotated_address_is_a_404_and_the_new_one_works(alice: Any) -> None:
    old = feed_secret_create(owner=alice)
    new = feed_secret_rotate(owner=alice)
    client = Client()
    assert client.get(feed_path(old)).status_code == 404
    assert client.get(feed_path(new)).status_code == 200


def test_a_wrong_secret_is_a_404(alice: Any) -> None:
    feed_secret_create(owner=alice)
    assert Client().get(feed_path("not-the-secret")).status_code == 404
    assert Client().get(feed_path("x" * 500)).status_code == 404


def test_each_owner_sees_only_their_own_events(alice: Any, bob: Any) -> None:
    alices_year(alice)
    bobs_things(bob)
    alices = feed_secret_create(owner=alice)
    bobs = feed_secret_create(owner=bob)
    client = Client()
    assert BOB_MARKER.encode() not in client.get(feed_path(alices)).content
    assert BOB_MARKER.encode() in client.get(feed_path(bobs)).content
    assert b"Rita Rivera" not in client.get(feed_path(bobs)).content


def run(*args: str) -> Any:
    from headway.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_prints_the_address_once_then_rotates_it(alice: Any) -> None:
    first = run("calendar", "url")
    assert first.exit_code == 0, first.output
    address = first.stdout.strip()
    assert address.startswith("http://127.0.0.1:8000/calendar/")
    again = run("calendar", "url")
    assert again.exit_code == 1
    assert "calendar rotate" in again.stderr
    rotated = run("calendar", "rotate").stdout.strip()
    assert rotated != address
    path = address.removeprefix("http://127.0.0.1:8000")
    assert Client().get(path).status_code == 404
    assert run("calendar", "revoke").stdout.strip() == "Calendar feed turned off."
    assert (
        Client().get(rotated.removeprefix("http://127.0.0.1:8000")).status_code == 404
    )


def test_cli_exports_the_calendar_to_a_private_file(alice: Any, tmp_path: Path) -> None:
    alices_year(alice)
    target = tmp_path / "headway.ics"
    result = run("export", "ics", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert f"cadence-weekly.{alice.pk}@headway" in events(target.read_bytes())


def test_profile_page_shows_a_new_address_once_and_turns_the_feed_off(
    alice: Any, alice_client: Client
) -> None:
    assert "Your feed is off." in alice_client.get("/profile/").content.decode()
    page = alice_client.post("/profile/calendar/rotate/").content.decode()
    start = page.index("http://testserver/calendar/")
    address = page[start : page.index('"', start)]
    assert Client().get(address).status_code == 200
    assert address not in alice_client.get("/profile/").content.decode()
    assert alice_client.post("/profile/calendar/revoke/").status_code == 302
    assert Client().get(address).status_code == 404
