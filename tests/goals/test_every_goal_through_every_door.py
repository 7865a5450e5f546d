"""Every kind of goal through every door: with and without a target, with and
without check-ins, active, achieved and dropped; CLI, web pages and the API.

A goal with no target is a yes/no: every door shows "done" or "not yet",
never "1 of" or "Progress: 1.0", and nothing crashes on it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client
from typer.testing import CliRunner

from headway.cli import app
from headway.goals import services
from headway.goals.models import Goal

runner = CliRunner()
TARGETS = (None, 4.0)
CHECKINS = (False, True)
STATUSES = ("active", "achieved", "dropped")
COMBINATIONS = list(itertools.product(TARGETS, CHECKINS, STATUSES))


def combination_id(combination: tuple[float | None, bool, str]) -> str:
    target, checked, status = combination
    return (
        f"{'target' if target else 'yes-no'}-"
        f"{'checked' if checked else 'unchecked'}-{status}"
    )


IDS = [combination_id(c) for c in COMBINATIONS]


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def make_goal(owner: Any, target: float | None, checked: bool, status: str) -> Goal:
    goal = services.goal_create(
        owner=owner,
        statement="Give a talk at the local Python meetup",
        target=target,
        unit="talks" if target else "",
        due=date(2027, 6, 30),
        started_on=date(2026, 11, 1),
    )
    if checked:
        services.checkin_create(
            owner=owner, goal_id=goal.pk, value=1, checked_on=date(2026, 11, 20)
        )
    if status == "achieved":
        services.goal_achieve(owner=owner, goal_id=goal.pk)
    elif status == "dropped":
        services.goal_drop(owner=owner, goal_id=goal.pk, reason="Changed teams")
    return Goal.objects.get(pk=goal.pk)


def expected_progress(target: float | None, checked: bool, status: str) -> str:
    if target is None:
        return "done" if status == "achieved" else "not yet"
    if status == "achieved":
        return "100%"
    return "25%" if checked else "0%"


def cli(*arguments: str) -> Any:
    result = runner.invoke(app, list(arguments))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(("target", "checked", "status"), COMBINATIONS, ids=IDS)
def test_goal_show_and_list_in_the_cli_handle_every_kind_of_goal(
    alice: Any, target: float | None, checked: bool, status: str
) -> None:
    goal = make_goal(alice, target, checked, status)
    shown = cli("goal", "show", str(goal.pk)).output
    progress_line = next(line for line in shown.splitlines() if "progress" in line)
    assert expected_progress(target, checked, status) in progress_line
    assert "of  " not in progress_line
    assert "1.0" not in progress_line
    listed = cli("goal", "list").output
    assert expected_progress(target, checked, status) in listed
    as_json = json.loads(cli("goal", "show", str(goal.pk), "--json").output)
    assert as_json["outcome"] == (
        None if target else expected_progress(target, checked, status)
    )
    assert len(as_json["checkins"]) == int(checked)


@pytest.mark.parametrize(("target", "checked", "status"), COMBINATIONS, ids=IDS)
def test_goal_pages_handle_every_kind_of_goal(
    alice: Any,
    alice_client: Client,
    target: float | None,
    checked: bool,
    status: str,
) -> None:
    goal = make_goal(alice, target, checked, status)
    listed = alice_client.get("/goals/")
    detail = alice_client.get(f"/goals/{goal.pk}/")
    assert (listed.status_code, detail.status_code) == (200, 200)
    for page in (listed.content.decode(), detail.content.decode()):
        if target is None:
            word = "Done" if status == "achieved" else "Not yet"
            assert f'<span class="progress-figures">{word}</span>' in page
            assert " of  · " not in page
            assert " of · " not in page
        else:
            assert expected_progress(target, checked, status) in page


@pytest.mark.parametrize(("target", "checked", "status"), COMBINATIONS, ids=IDS)
def test_the_api_shows_every_kind_of_goal(
    alice: Any,
    alice_token: str,
    target: float | None,
    checked: bool,
    status: str,
) -> None:
    goal = make_goal(alice, target, checked, status)
    headers = {"Authorization": f"Bearer {alice_token}"}
    one = Client().get(f"/api/v1/goals/{goal.pk}", headers=headers)
    many = Client().get("/api/v1/goals", headers=headers)
    assert (one.status_code, many.status_code) == (200, 200)
    body = one.json()
    assert many.json()[0]["id"] == goal.pk
    assert body["status"] == status
    assert body["done"] == float(checked)
    if target is None:
        assert body["outcome"] == expected_progress(target, checked, status)
        assert body["progress"] in (None, 1.0)
    else:
        assert body["outcome"] is None
        assert f"{body['progress']:.0%}" == expected_progress(target, checked, status)


def test_goal_check_on_a_yes_no_goal_says_not_yet_and_how_to_finish(
    alice: Any,
) -> None:
    goal = make_goal(alice, None, False, "active")
    output = cli("goal", "check", str(goal.pk), "1").output
    assert "Progress: not yet" in output
    assert f"headway goal done {goal.pk}" in output
    assert "1.0" not in output


def test_goal_check_on_a_counted_goal_prints_the_count_and_share(alice: Any) -> None:
    goal = make_goal(alice, 4.0, False, "active")
    output = cli("goal", "check", str(goal.pk), "1").output
    assert "Progress: 1 of 4 talks — 25%" in output


def test_a_check_in_dated_before_the_goal_started_is_refused_everywhere(
    alice: Any, alice_client: Client, alice_token: str
) -> None:
    goal = make_goal(alice, 4.0, False, "active")
    result = runner.invoke(
        app, ["goal", "check", str(goal.pk), "1", "--date", "2026-10-01"]
    )
    assert result.exit_code == 1
    assert "started on 2026-11-01" in result.output
    api = Client().post(
        f"/api/v1/goals/{goal.pk}/checkins",
        data={"value": 1, "checked_on": "2026-10-01"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {alice_token}"},
    )
    assert api.status_code == 422
    assert "started on 2026-11-01" in api.json()["detail"]
    page = alice_client.post(
        f"/goals/{goal.pk}/check-in/", {"value": "1", "checked_on": "2026-10-01"}
    )
    assert "started on 2026-11-01" in page.content.decode()
    assert not goal.checkins.exists()


def test_a_new_recurring_goal_is_on_the_line_on_its_first_day_on_every_door(
    alice: Any, alice_client: Client, alice_token: str
) -> None:
    goal = services.goal_create(
        owner=alice,
        statement="Apply for three internal postings every quarter",
        target=3,
        unit="applications",
        recurrence="quarter",
    )
    assert "Behind the line" not in alice_client.get("/goals/").content.decode()
    shown = json.loads(cli("goal", "show", str(goal.pk), "--json").output)
    assert (shown["pace"], shown["period_target"]) == ("on", 2.0)
    api = Client().get(
        f"/api/v1/goals/{goal.pk}", headers={"Authorization": f"Bearer {alice_token}"}
    )
    assert api.json()["pace"] == "on"


def test_goal_add_takes_the_due_date_from_the_statement_and_says_so(
    alice: Any,
) -> None:
    result = runner.invoke(app, ["goal", "add", "Pass the PMP exam by June 30"])
    assert result.exit_code == 0, result.output
    assert "Due 2027-06-30, read from the statement" in result.stderr
    assert Goal.objects.get().due == date(2027, 6, 30)


def test_goal_add_keeps_an_explicit_due_date(alice: Any) -> None:
    result = runner.invoke(
        app, ["goal", "add", "Pass the PMP exam by June 30", "--due", "2027-01-31"]
    )
    assert result.exit_code == 0, result.output
    assert "read from the statement" not in result.stderr
    assert Goal.objects.get().due == date(2027, 1, 31)


def test_a_share_of_every_kind_of_goal_renders_for_its_viewer(alice: Any) -> None:
    from headway.sharing.shares import share_create

    goals = [make_goal(alice, *combination) for combination in COMBINATIONS]
    _share, token = share_create(
        owner=alice, goal_ids=[g.pk for g in goals], days=30, include_entries=False
    )
    response = Client().get(f"/share/{token}")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<span class="progress-figures">Not yet</span>') == 4
    assert page.count('<span class="progress-figures">Done</span>') == 2
    assert " of  · " not in page
