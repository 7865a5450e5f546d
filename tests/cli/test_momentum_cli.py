"""`headway momentum`: the heat map in the terminal, month scores, drift, JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from tests.factories import EntryFactory
from tests.goals.factories import GoalFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-12-03 10:00:00Z", tick=False)


def test_json_gives_months_with_scores_and_activities_and_the_drift(
    alice: Any,
) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 4),
                 details={"venue_kind": "conference"})  # fmt: skip
    result = runner.invoke(app, ["momentum", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [m["month"] for m in body["months"]][-2:] == ["2026-11", "2026-12"]
    assert len(body["months"]) == 12
    november = body["months"][-2]
    assert (november["score"], november["activities"]) == (8, {"talk": 1})
    assert set(body["drift"]) == {"drifting", "rules", "suggestions"}


def test_months_sets_how_far_back_and_rules_carry_their_start(alice: Any) -> None:
    alice.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    alice.save()
    goal = GoalFactory(owner=alice, statement="Publish four articles")
    result = runner.invoke(app, ["momentum", "--json", "--months", "3"])
    body = json.loads(result.stdout)
    assert [m["month"] for m in body["months"]] == ["2026-10", "2026-11", "2026-12"]
    rules = {r["rule"]: r["since"] for r in body["drift"]["rules"]}
    assert rules["no_learning"] == "2020-03-31"
    links = [s["link"] for s in body["drift"]["suggestions"]]
    assert {"kind": "goal", "id": goal.pk} in links


def test_the_terminal_view_draws_a_column_per_week_and_lists_months(
    alice: Any,
) -> None:
    EntryFactory(owner=alice, kind="talk", occurred_on=dt.date(2026, 11, 4),
                 details={"venue_kind": "conference"})  # fmt: skip
    EntryFactory(owner=alice, kind="reading", occurred_on=dt.date(2026, 9, 4))
    result = runner.invoke(app, ["momentum"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    cells = next(line for line in lines if set(line) <= set("·░▒▓█") and line)
    assert len(cells) == 49
    assert cells.count("█") == 1
    assert cells.count("░") == 1
    assert re.search(r"^2026-11 +8 +1 talk$", result.stdout, re.MULTILINE)
    assert re.search(r"^2026-12\* +0 +nothing$", result.stdout, re.MULTILINE)
    assert "no_learning since 2026-12-03" in result.stdout


def test_months_out_of_range_is_refused(alice: Any) -> None:
    result = runner.invoke(app, ["momentum", "--months", "0"])
    assert result.exit_code == 2


def test_a_long_span_wraps_the_heat_map_to_the_terminal_width(alice: Any) -> None:
    result = runner.invoke(app, ["momentum", "--months", "36"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line and set(line) <= {"·"}]
    assert [len(row) for row in rows] == [80, 73]  # 153 weeks from 1 Jan 2024
