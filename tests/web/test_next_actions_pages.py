"""The dashboard's top five next actions and the page that lists them all."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import time_machine
from django.test import Client

from headway.goals.services import goal_create

TODAY = "2026-11-23 10:00:00Z"


def goals_due(owner: Any, count: int, *, word: str = "Goal") -> list[Any]:
    return [
        goal_create(
            owner=owner,
            statement=f"{word} number {n}",
            due=dt.date(2026, 11, 23) + dt.timedelta(days=n),
        )
        for n in range(count)
    ]


def next_section(page: str) -> str:
    found = re.search(r'aria-labelledby="next-heading">(.*?)</section>', page, re.S)
    assert found is not None, "the dashboard has no next-actions section"
    return found.group(1)


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_shows_the_top_five_with_why_and_a_link(
    alice: Any, alice_client: Client
) -> None:
    goals = goals_due(alice, 7)
    section = next_section(alice_client.get("/").content.decode())
    shown = re.findall(r'class="next-action-title" href="([^"]+)"', section)
    assert shown == [f"/goals/{goal.pk}/" for goal in goals[:5]]
    assert "Finish or re-plan: Goal number 0" in section
    assert "9.6 points" in section
    assert "Due date</span> +9.6: due today" in section
    assert 'href="/next/">All 7 next actions' in section


@time_machine.travel(TODAY, tick=False)
def test_the_next_page_lists_every_action(alice: Any, alice_client: Client) -> None:
    goals_due(alice, 7)
    page = alice_client.get("/next/").content.decode()
    assert "<h1>Next actions</h1>" in page
    assert page.count('class="next-action-title"') == 7


@time_machine.travel(TODAY, tick=False)
def test_nothing_to_do_is_said_plainly(alice: Any, alice_client: Client) -> None:
    goal_create(owner=alice, statement="A goal far off", due=dt.date(2027, 9, 1))
    section = next_section(alice_client.get("/").content.decode())
    assert "Nothing stands out" in section
    assert "All " not in section


@time_machine.travel(TODAY, tick=False)
def test_another_users_actions_never_show(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    goals_due(alice, 2, word="Zanzibar")
    goals_due(bob, 1, word="Bob")
    page = bob_client.get("/next/").content.decode()
    assert "Zanzibar" not in page
    assert "Bob number 0" in page


@time_machine.travel(TODAY, tick=False)
def test_a_statement_is_shown_escaped(alice: Any, alice_client: Client) -> None:
    goal_create(owner=alice, statement="<b>Bold</b> goal", due=dt.date(2026, 11, 23))
    page = alice_client.get("/next/").content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; goal" in page
    assert "<b>Bold</b>" not in page
