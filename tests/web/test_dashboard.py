"""The dashboard shows what needs attention now, and only the owner's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from headway.goals.services import checkin_create, goal_create
from headway.network.services import contact_create
from tests.factories import EntryFactory

TODAY = "2026-11-23 10:00:00Z"


def behind_goal(owner: Any, statement: str) -> Any:
    goal = goal_create(
        owner=owner,
        statement=statement,
        target=10,
        unit="posts",
        due=dt.date(2026, 12, 31),
        started_on=dt.date(2026, 1, 1),
    )
    checkin_create(
        owner=owner, goal_id=goal.pk, value=1, checked_on=dt.date(2026, 2, 1)
    )
    return goal


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_shows_goals_behind_people_due_and_the_latest_entries(
    alice: Any, alice_client: Client
) -> None:
    behind_goal(alice, "Publish ten posts on testing by the end of the year")
    contact_create(
        owner=alice, name="Priya Natarajan", strength=5, met_on=dt.date(2025, 1, 1)
    )
    EntryFactory(owner=alice, title="Ran the incident review")
    page = alice_client.get("/").content.decode()
    assert "Publish ten posts on testing" in page
    assert "Behind the line" in page
    assert "1 behind" in page
    assert "Priya Natarajan" in page
    assert "Ran the incident review" in page


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_shows_nothing_of_another_user(
    alice: Any, bob_client: Client
) -> None:
    behind_goal(alice, "Alice goal Zanzibar")
    contact_create(owner=alice, name="Alice friend Zanzibar", strength=5)
    EntryFactory(owner=alice, title="Alice entry Zanzibar")
    start = bob_client.get("/", follow=True)
    assert start.redirect_chain[-1][0] == "/start/profile/"
    assert "Zanzibar" not in start.content.decode()
    bob_client.post("/start/finish/")
    page = bob_client.get("/").content.decode()
    assert "Zanzibar" not in page
    assert "No active goals" in page


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_query_count_does_not_grow_with_data(
    alice: Any, alice_client: Client
) -> None:
    alice_client.get("/")
    behind_goal(alice, "First goal with a count")
    contact_create(owner=alice, name="First contact", strength=4)
    EntryFactory(owner=alice)
    with CaptureQueriesContext(connection) as few:
        alice_client.get("/")
    for n in range(8):
        behind_goal(alice, f"Another goal number {n}")
        contact_create(owner=alice, name=f"Contact {n}", strength=5)
        EntryFactory(owner=alice)
    with CaptureQueriesContext(connection) as many:
        alice_client.get("/")
    assert len(many) == len(few)


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_reads_the_goals_and_their_check_ins_once(
    alice: Any, alice_client: Client
) -> None:
    """The agenda and the goal list share one read (bench/load/: the dashboard
    is the heaviest page of the mix)."""
    behind_goal(alice, "Publish ten posts on testing by the end of the year")
    with CaptureQueriesContext(connection) as queries:
        page = alice_client.get("/").content.decode()
    assert "Publish ten posts on testing" in page
    reads = [q["sql"] for q in queries.captured_queries]
    # the goal rows themselves once (the next actions read a few values apart)
    goal_rows = 'SELECT "goals_goal"."id", "goals_goal"."owner_id"'
    assert sum(1 for sql in reads if sql.startswith(goal_rows)) == 1
    assert (
        sum(
            1
            for sql in reads
            if 'FROM "goals_checkin" WHERE' in sql
            and '"goals_checkin"."goal_id" IN' in sql
        )
        == 1
    )


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_reads_the_guided_start_once(
    alice: Any, alice_client: Client
) -> None:
    """Whether to send the owner to the guided start, and how far it came,
    from one read of its row."""
    EntryFactory(owner=alice)
    with CaptureQueriesContext(connection) as queries:
        page = alice_client.get("/")
    assert page.status_code == 200
    reads = [q["sql"] for q in queries.captured_queries]
    assert sum(1 for sql in reads if 'FROM "reviews_onboarding"' in sql) == 1
