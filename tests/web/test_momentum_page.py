"""The momentum page: heat map with its text alternative, month scores, drift."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from headway.reviews.heatmap import HEAT_FILLS, HEAT_OUTLINE
from tests.factories import EntryFactory
from tests.goals.factories import GoalFactory

NOW = "2026-12-03 10:00:00Z"


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, two: str) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_cell_outlines_keep_3_to_1_against_light_and_dark_pages() -> None:
    for page in ("#ffffff", "#fbfaf7", "#000000", "#1d2430"):
        assert contrast(HEAT_OUTLINE, page) >= 3, page


def test_the_darkest_shade_stands_out_from_the_lightest() -> None:
    assert contrast(HEAT_FILLS[-1], HEAT_FILLS[0]) >= 3
    assert contrast(HEAT_FILLS[-1], "#ffffff") >= 3


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_the_heat_map_its_text_alternative_and_month_scores(
    alice: Any, alice_client: Client
) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 4),
                 details={"venue_kind": "conference"}, title="Keynote")  # fmt: skip
    page = alice_client.get("/momentum/").content.decode()
    assert 'role="img"' in page
    assert '<title id="heatmap-title">Momentum, one cell per week</title>' in page
    assert "Week of 2 Nov 2026: score 8 from 1 activity" in page
    assert len(re.findall(r"data-level=", page)) == 49
    assert 'class="visually-hidden"' in page
    assert "November 2026" in page
    assert "1 talk" in page
    assert "1 talks" not in page
    assert "Momentum is" in page


@time_machine.travel(NOW, tick=False)
def test_a_drifting_owner_is_told_so_with_links_to_act(
    alice: Any, alice_client: Client
) -> None:
    alice.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    alice.save()
    goal = GoalFactory(owner=alice, statement="Publish four articles")
    page = alice_client.get("/momentum/").content.decode()
    assert "You are drifting" in page
    assert "No learning entry yet" in page
    assert f'href="/goals/{goal.pk}/"' in page


@time_machine.travel(NOW, tick=False)
def test_a_new_owner_is_not_drifting(alice: Any, alice_client: Client) -> None:
    page = alice_client.get("/momentum/").content.decode()
    assert "Not drifting" in page


@time_machine.travel(NOW, tick=False)
def test_bob_sees_none_of_alices_momentum(alice: Any, bob_client: Client) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 4))
    GoalFactory(owner=alice, statement="Alice goal Zanzibar")
    page = bob_client.get("/momentum/").content.decode()
    assert "score 8" not in page
    assert "Zanzibar" not in page
    assert 'data-level="1"' not in page


@time_machine.travel(NOW, tick=False)
def test_the_page_query_count_does_not_grow_with_entries(
    alice: Any, alice_client: Client, settings: Any
) -> None:
    settings.DRIFT_MONTH_SCORE = 0  # no month is low: the history is never widened
    alice.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    alice.save()  # drifting both times: the suggestions are read too
    EntryFactory(owner=alice, kind="learning", occurred_on=dt.date(2026, 11, 4))
    GoalFactory(owner=alice)
    alice_client.get("/momentum/")
    with CaptureQueriesContext(connection) as few:
        alice_client.get("/momentum/")
    for day in range(1, 20):
        EntryFactory(owner=alice, kind="reading", occurred_on=dt.date(2026, 10, day))
        GoalFactory(owner=alice)
    with CaptureQueriesContext(connection) as many:
        alice_client.get("/momentum/")
    assert len(many) == len(few)


def test_month_counts_agree_with_their_number(alice: Any, alice_client: Client) -> None:
    from headway.journal.services import entry_create

    entry_create(owner=alice, kind="talk", title="A meetup talk")
    entry_create(owner=alice, kind="talk", title="Another talk")
    entry_create(owner=alice, kind="reading", title="An article")
    page = alice_client.get("/momentum/").content.decode()
    assert "2 talks" in page
    assert "1 reading entry" in page
    assert "1 readings" not in page
