"""`headway next`: the ranked next career actions, as a table or JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.goals.services import goal_create

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    from headway.cli import app

    return runner.invoke(app, list(args))


def goals_due(owner: Any, count: int) -> None:
    for days in range(count):
        goal_create(
            owner=owner,
            statement=f"Goal {days}",
            due=dt.date(2026, 11, 23) + dt.timedelta(days=days),
        )


def test_next_json_is_a_ranked_array_of_title_score_why_and_link(alice: Any) -> None:
    goals_due(alice, 7)
    result = run("next", "--json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert len(items) == 5  # the default
    assert [item["score"] for item in items] == sorted(
        (item["score"] for item in items), reverse=True
    )
    first = items[0]
    assert set(first) == {"title", "score", "why", "link"}
    assert first["title"] == "Finish or re-plan: Goal 0"
    assert first["why"] == [{"term": "due", "value": 9.6}]
    assert first["link"].startswith("/goals/")
    assert all(set(term) == {"term", "value"} for i in items for term in i["why"])


def test_next_n_takes_as_many_as_asked(alice: Any) -> None:
    goals_due(alice, 7)
    assert len(json.loads(run("next", "-n", "7", "--json").stdout)) == 7
    assert len(json.loads(run("next", "--limit", "2", "--json").stdout)) == 2


def test_next_prints_a_table_with_why(alice: Any) -> None:
    goals_due(alice, 1)
    result = run("next")
    assert result.exit_code == 0, result.output
    assert "Finish or re-plan: Goal 0" in result.stdout
    assert "due 9.6" in result.stdout


def test_next_with_nothing_to_do_says_so(alice: Any) -> None:
    result = run("next")
    assert result.exit_code == 0
    assert "Nothing stands out" in result.stdout
    assert json.loads(run("next", "--json").stdout) == []


def test_next_refuses_a_count_below_one(alice: Any) -> None:
    result = run("next", "-n", "0")
    assert result.exit_code != 0
