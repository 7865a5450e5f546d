"""The demo owner: a career with every kind of evidence, the same for a seed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from headway.goals.models import CheckIn, Goal
from headway.growth.models import PriorityRanking, TargetRole
from headway.growth.selectors import gaps_for
from headway.journal.models import Entry, EntryKind
from headway.journal.selectors import EntryFilters, search_entries
from headway.network.models import Contact, Interaction
from headway.network.selectors import due_list
from headway.reviews.demo import DemoSize, DemoSummary, demo_build, demo_digest

TODAY = date(2026, 11, 23)
SMALL = DemoSize(years=2, entries=240, contacts=40, seed=7)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


@pytest.fixture
def demo(alice: Any) -> DemoSummary:
    return demo_build(owner=alice, today=TODAY, size=SMALL)


def months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def test_a_small_demo_has_what_was_asked_for(alice: Any, demo: DemoSummary) -> None:
    assert demo.entries == Entry.objects.for_owner(alice).count() == 240
    assert demo.contacts == Contact.objects.for_owner(alice).count() == 40
    assert Interaction.objects.for_owner(alice).count() == demo.interactions > 40


def test_the_demo_logs_every_kind_of_entry(alice: Any, demo: DemoSummary) -> None:
    kinds = set(Entry.objects.for_owner(alice).values_list("kind", flat=True))
    assert kinds == set(EntryKind.values)


def test_accomplishments_come_in_every_near_quality(
    alice: Any, demo: DemoSummary
) -> None:
    rows = Entry.objects.for_owner(alice).filter(kind=EntryKind.ACCOMPLISHMENT)
    full = rows.exclude(numbers="").exclude(example="")
    partial = rows.filter(numbers="").exclude(achievement="")
    bare = rows.filter(numbers="", achievement="", result="")
    assert full.exists()
    assert partial.exists()
    assert bare.exists()
    assert rows.filter(starred=True).exists()


def test_goals_are_achieved_dropped_with_a_reason_and_active(
    alice: Any, demo: DemoSummary
) -> None:
    goals = Goal.objects.for_owner(alice)
    statuses = Counter(goals.values_list("status", flat=True))
    assert statuses["achieved"] >= 1
    assert statuses["dropped"] >= 1
    assert statuses["active"] >= 1
    assert not goals.filter(status="dropped", drop_reason="").exists()
    assert (
        CheckIn.objects.for_owner(alice)
        .filter(checked_on__gte=TODAY - timedelta(days=60))
        .exists()
    )


def test_the_network_has_mentors_a_manager_and_people_overdue(
    alice: Any, demo: DemoSummary
) -> None:
    contacts = Contact.objects.for_owner(alice)
    assert contacts.filter(tags__name="mentor").count() >= 2
    assert contacts.filter(tags__name="manager").count() == 3
    assert set(contacts.values_list("strength", flat=True)) >= {1, 2, 3, 4, 5}
    states = {row.item.state for row in due_list(owner=alice, today=TODAY)}
    assert "overdue" in states
    assert "follow-up" in states


def test_meetings_link_the_manager_or_a_mentor(alice: Any, demo: DemoSummary) -> None:
    meetings = Entry.objects.for_owner(alice).filter(kind=EntryKind.MEETING)
    for meeting in meetings.prefetch_related("contacts__tags"):
        tags = {t.name for c in meeting.contacts.all() for t in c.tags.all()}
        assert meeting.details["with_role"] in tags
    roles = {meeting.details["with_role"] for meeting in meetings}
    assert roles == {"manager", "mentor"}


def test_every_page_shows_the_demo_owner(alice_client: Any, demo: DemoSummary) -> None:
    for page in ("/", "/log/", "/goals/", "/growth/", "/network/", "/portfolio/"):
        response = alice_client.get(page)
        assert response.status_code == 200, page


def test_the_career_has_a_stretch_of_drift_and_recent_activity(
    alice: Any, demo: DemoSummary
) -> None:
    per_month = Counter(
        day.replace(day=1)
        for day in Entry.objects.for_owner(alice).values_list("occurred_on", flat=True)
    )
    months = [months_back(TODAY, n) for n in range(23, -1, -1)]
    quiet = [per_month[m] <= 1 for m in months]
    runs = "".join("q" if q else "." for q in quiet)
    assert "qqq" in runs[:-3]  # three quiet months in a row, not the latest
    recent = Entry.objects.for_owner(alice).filter(
        occurred_on__gte=TODAY - timedelta(days=14)
    )
    assert recent.count() >= 5


def test_some_certifications_expire_within_90_days(
    alice: Any, demo: DemoSummary
) -> None:
    expiries = [
        date.fromisoformat(details["expires_on"])
        for details in Entry.objects.for_owner(alice)
        .filter(kind=EntryKind.LEARNING, details__subtype="certification")
        .values_list("details", flat=True)
        if "expires_on" in details
    ]
    assert len([d for d in expiries if TODAY < d <= TODAY + timedelta(days=90)]) >= 2


def test_feedback_received_says_what_i_will_adjust(
    alice: Any, demo: DemoSummary
) -> None:
    feedback = Entry.objects.for_owner(alice).filter(kind=EntryKind.FEEDBACK)
    assert feedback.filter(details__has_key="adjustment").exists()


def test_the_target_role_has_needs_with_and_without_evidence(
    alice: Any, demo: DemoSummary
) -> None:
    role = TargetRole.objects.for_owner(alice).get()
    assert len(role.needs) >= 4
    gaps = gaps_for(alice)
    assert {gap.need for gap in gaps if gap.evidence} >= {"People management"}
    missing = {gap.need for gap in gaps if gap.state == "missing"}
    assert {"Hiring", "led a team of 5+"} <= missing  # the gaps


def test_priorities_were_ranked_again_at_each_role_change(
    alice: Any, demo: DemoSummary
) -> None:
    rankings = PriorityRanking.objects.for_owner(alice).prefetch_related("places")
    firsts = [r.places.all()[0].priority_id for r in rankings]
    assert len(firsts) == 4
    assert len(set(firsts)) >= 3


def test_demo_entries_are_found_by_search(alice: Any, demo: DemoSummary) -> None:
    found, _ = search_entries(owner=alice, filters=EntryFilters(query="certified"))
    assert any(entry.details.get("subtype") == "certification" for entry in found)
    assert all("certified" in entry.search_text for entry in found)


def test_the_smallest_demo_still_has_every_kind_and_its_cast(alice: Any) -> None:
    made = demo_build(
        owner=alice, today=TODAY, size=DemoSize(years=1, entries=0, contacts=0)
    )
    kinds = set(Entry.objects.for_owner(alice).values_list("kind", flat=True))
    assert kinds == set(EntryKind.values)
    assert made.contacts == 8
    tags = Contact.objects.for_owner(alice).values_list("tags__name", flat=True)
    assert Counter(tags)["mentor"] == 3


def test_the_same_seed_gives_the_same_owner(
    alice: Any, bob: Any, charlie: Any, demo: DemoSummary
) -> None:
    demo_build(owner=bob, today=TODAY, size=SMALL)
    other = DemoSize(years=2, entries=240, contacts=40, seed=8)
    demo_build(owner=charlie, today=TODAY, size=other)
    assert demo_digest(owner=alice) == demo_digest(owner=bob)
    assert demo_digest(owner=alice) != demo_digest(owner=charlie)


def headway(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "headway", *arguments],
        env=env | {"HEADWAY_WARM": "0"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.sqlite_file
def test_headway_demo_fills_a_new_directory_and_refuses_a_used_one(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "demo"
    made = headway(
        "demo", "--data-dir", str(folder), "--years", "1", "--entries", "80",
        "--contacts", "12",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert str(folder) in made.stdout
    with sqlite3.connect(folder / "headway.sqlite3") as connection:
        entries = connection.execute("SELECT count(*) FROM journal_entry").fetchone()
    assert entries == (80,)
    again = headway("demo", "--data-dir", str(folder), "--entries", "5")
    assert again.returncode == 1
    assert "is not empty" in again.stderr
    assert again.stderr.count("\n") == 1


def test_the_warm_worker_leaves_the_demo_to_the_client() -> None:
    # A worker's settings are bound to its data directory; the demo needs its own.
    from headway import warm

    assert "demo" in warm.DECLINED


@pytest.mark.sqlite_file
def test_headway_demo_serve_serves_the_demo_with_a_sign_in_link(
    tmp_path: Path,
) -> None:
    import socket
    import time
    import urllib.request  # the session cookie is kept by the opener below

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    env["HEADWAY_WARM"] = "0"
    server = subprocess.Popen(
        [sys.executable, "-m", "headway", "demo", "--years", "1", "--entries", "40",
         "--contacts", "10", "--data-dir", str(tmp_path / "demo"), "--serve",
         "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        link = ""
        for line in server.stdout:
            if "/login/" in line:
                link = line.strip()
                break
        assert link.startswith(f"http://127.0.0.1:{port}/login/")
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        # The link is printed as the server starts: give it a moment to listen.
        for _ in range(60):
            with socket.socket() as knock:
                if knock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.5)
        with browser.open(link, timeout=30) as page:
            assert page.status == 200
            assert b"Dashboard" in page.read()
    finally:
        server.terminate()
        server.wait(timeout=30)
