"""Goal and growth pages: what alice sees, what bob cannot, what htmx gets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from headway.goals.models import CheckIn, Goal
from headway.growth.models import Priority, StrengthsAnswer
from headway.growth.services import current_ranking, priorities_rank_names
from tests.goals.factories import CheckInFactory, GoalFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_goals_list_shows_progress_bars_and_pace(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice, statement="Publish 4 articles by June 2027")
    CheckInFactory(goal=goal, value=3)
    html = page(alice_client, "/goals/")
    assert "<h1>Goals</h1>" in html
    assert "Publish 4 articles by June 2027" in html
    assert '<progress max="100" value="75"' in html
    assert "Ahead of the line" in html


def test_the_goals_list_filters_by_status(alice: Any, alice_client: Client) -> None:
    GoalFactory(owner=alice, statement="Still going")
    GoalFactory(owner=alice, statement="Gave it up", status="dropped")
    html = page(alice_client, "/goals/?status=dropped")
    assert "Gave it up" in html
    assert "Still going" not in html


def test_the_goals_list_takes_the_same_queries_for_many_goals(
    alice: Any, alice_client: Client, django_assert_max_num_queries: Any
) -> None:
    for _ in range(12):
        CheckInFactory(goal=GoalFactory(owner=alice))
    alice_client.get("/goals/")
    with django_assert_max_num_queries(5):
        html = page(alice_client, "/goals/")
    assert html.count("<progress") == 12


def test_bob_sees_none_of_alices_goals(alice: Any, bob_client: Client) -> None:
    goal = GoalFactory(owner=alice, statement="Alice's secret plan")
    assert "Alice's secret plan" not in page(bob_client, "/goals/")
    for url in (f"/goals/{goal.pk}/", f"/goals/{goal.pk}/edit/"):
        assert bob_client.get(url).status_code == 404
    for url in ("check-in", "done", "drop"):
        response = bob_client.post(f"/goals/{goal.pk}/{url}/", {"value": 1})
        assert response.status_code == 404
    assert not CheckIn.objects.exists()
    assert Goal.objects.get().status == "active"


def test_pages_need_a_signed_in_user(client: Client, db: None) -> None:
    for url in ("/goals/", "/goals/new/", "/growth/priorities/", "/growth/strengths/"):
        assert client.get(url).status_code == 302


def test_the_goal_page_draws_progress_against_the_line(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    CheckInFactory(goal=goal, value=1, note="First draft <em>out</em>")
    html = page(alice_client, f"/goals/{goal.pk}/")
    assert '<polyline class="chart-line"' in html
    assert '<polyline class="chart-done"' in html
    assert "style=" not in html
    assert "First draft &lt;em&gt;out&lt;/em&gt;" in html
    assert "SMART coach" in html


def test_the_goal_page_lists_linked_log_entries(
    alice: Any, alice_client: Client
) -> None:
    from tests.factories import EntryFactory

    goal = GoalFactory(owner=alice)
    EntryFactory(owner=alice, title="Wrote the first article").goals.add(goal)
    assert "Wrote the first article" in page(alice_client, f"/goals/{goal.pk}/")


def test_a_check_in_by_htmx_moves_the_progress_bar(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice, target=4)
    response = alice_client.post(
        f"/goals/{goal.pk}/check-in/", {"value": "2", "note": "two"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<section id="goal-progress"')
    assert '<progress max="100" value="50"' in html
    assert CheckIn.objects.get().value == 2


def test_a_bad_check_in_rerenders_with_the_error(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        f"/goals/{goal.pk}/check-in/", {"value": "lots"}, headers=HTMX
    )
    assert response.status_code == 200
    assert "not a number" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_the_coach_answers_the_form_as_it_is_typed(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post(
        "/goals/coach/", {"statement": "i want to grow"}, headers=HTMX
    )
    html = response.content.decode()
    assert html.strip().startswith('<section id="smart-coach"')
    assert html.count("verdict-fail") >= 3
    better = alice_client.post(
        "/goals/coach/",
        {"statement": "Become Senior Marketing Manager by the end of 2027"},
        headers=HTMX,
    ).content.decode()
    assert 'data-criterion="specific"' in better
    assert re.search(r'smart-pass" data-criterion="specific"', better)
    assert 'value="2027-12-31"' in better  # the parsed date, offered


def test_a_goal_is_saved_even_when_the_coach_fails_it(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post(
        "/goals/new/", {"statement": "I want a promotion", "horizon": "short"}
    )
    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/goals/{goal.pk}/"


def test_the_parsed_date_is_used_when_the_user_keeps_it(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post(
        "/goals/new/",
        {
            "statement": "Publish 3 posts by the end of the year",
            "horizon": "short",
            "use_parsed_due": "2026-12-31",
        },
    )
    assert Goal.objects.get().due.isoformat() == "2026-12-31"  # type: ignore[union-attr]


def test_bad_goal_input_rerenders_the_form_with_errors(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post(
        "/goals/new/",
        {"statement": "Publish posts", "horizon": "short", "target": "-3"},
    )
    assert response.status_code == 200
    assert "more than zero" in response.content.decode()
    assert not Goal.objects.exists()


def test_drop_needs_a_reason_on_the_page(alice: Any, alice_client: Client) -> None:
    goal = GoalFactory(owner=alice)
    response = alice_client.post(f"/goals/{goal.pk}/drop/", {"reason": ""})
    assert response.status_code == 200
    assert Goal.objects.get().status == "active"
    alice_client.post(f"/goals/{goal.pk}/drop/", {"reason": "New role"})
    assert Goal.objects.get().drop_reason == "New role"


def test_the_priorities_page_ranks_with_buttons(
    alice: Any, alice_client: Client
) -> None:
    priorities_rank_names(owner=alice, names=["promotion", "pay"])
    pay = Priority.objects.get(owner=alice, catalog_key="pay")
    html = page(alice_client, "/growth/priorities/")
    assert f'aria-label="Move {pay.name} up"' in html
    response = alice_client.post(
        "/growth/priorities/move/",
        {"priority": pay.pk, "action": "up"},
        headers=HTMX,
    )
    assert response.content.decode().strip().startswith('<div id="ranking"')
    assert [p.catalog_key for p in current_ranking(owner=alice)] == ["pay", "promotion"]


def test_the_priorities_page_keeps_earlier_rankings(
    alice: Any, alice_client: Client
) -> None:
    import datetime as dt

    priorities_rank_names(owner=alice, names=["travel"], ranked_on=dt.date(2025, 4, 2))
    priorities_rank_names(owner=alice, names=["pay"])
    html = page(alice_client, "/growth/priorities/")
    assert "2 April 2025" in html
    assert "Earlier rankings" in html


def test_an_own_priority_can_be_added_on_the_page(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post("/growth/priorities/add/", {"name": "Move to Lisbon"})
    assert [p.name for p in current_ranking(owner=alice)] == ["Move to Lisbon"]


def test_bob_cannot_move_alices_priority(alice: Any, bob_client: Client) -> None:
    priorities_rank_names(owner=alice, names=["promotion"])
    theirs = Priority.objects.get(owner=alice, catalog_key="pay")
    response = bob_client.post(
        "/growth/priorities/move/", {"priority": theirs.pk, "action": "add"}
    )
    assert response.status_code == 404
    assert len(current_ranking(owner=alice)) == 1


def test_the_strengths_page_keeps_answers_with_their_date(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post(
        "/growth/strengths/", {"energy": "Pairing with juniors", "excel": "SQL"}
    )
    assert response.status_code == 302
    html = page(alice_client, "/growth/strengths/")
    assert "23 November 2026" in html
    assert "Pairing with juniors" in html
    assert StrengthsAnswer.objects.get().owner == alice


def test_growth_and_goals_are_in_the_navigation(alice_client: Client) -> None:
    html = page(alice_client, "/growth/")
    # Each link is an icon from the sprite, then its label.
    assert re.search(
        r'<a href="/growth/" aria-current="page"><svg[^>]*>.*?</svg>Growth</a>', html
    )
    assert re.search(r'<a href="/goals/"><svg[^>]*>.*?</svg>Goals</a>', html)


def test_the_priorities_page_query_count_does_not_grow_with_history(
    alice: Any, alice_client: Client, django_assert_max_num_queries: Any
) -> None:
    import datetime as dt

    for year in range(2015, 2026):
        priorities_rank_names(
            owner=alice,
            names=["travel", "pay", "promotion"],
            ranked_on=dt.date(year, 1, 5),
        )
    alice_client.get("/growth/priorities/")
    with django_assert_max_num_queries(6):
        html = page(alice_client, "/growth/priorities/")
    assert html.count('class="ranking-history"') == 10


def test_the_edit_page_changes_the_goal(alice: Any, alice_client: Client) -> None:
    goal = GoalFactory(owner=alice, statement="Publish 4 articles by June 2027")
    form = page(alice_client, f"/goals/{goal.pk}/edit/")
    assert "Publish 4 articles by June 2027" in form
    assert 'value="2027-06-30"' in form
    response = alice_client.post(
        f"/goals/{goal.pk}/edit/",
        {
            "statement": "Publish 6 articles by June 2027",
            "horizon": "long",
            "target": "6",
        },
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.statement, goal.horizon, goal.target) == (
        "Publish 6 articles by June 2027",
        "long",
        6.0,
    )


def test_marking_a_goal_achieved_fills_the_bar(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    alice_client.post(f"/goals/{goal.pk}/done/")
    html = page(alice_client, f"/goals/{goal.pk}/")
    assert '<progress max="100" value="100"' in html
    assert "Achieved" in html
