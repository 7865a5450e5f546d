"""Period edges ("start of this quarter", "end of last month") work in the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from headway.cli import app
from tests.factories import EntryFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


@pytest.mark.parametrize(
    ("start", "end", "titles"),
    [
        ("start of this quarter", "today", ["In the quarter"]),
        (
            "beginning of last year",
            "end of last month",
            ["Before the quarter", "Last year"],
        ),
        ("2026-01-01", "end of last month", ["Before the quarter"]),
    ],
)
def test_entries_take_the_edges_of_periods_in_from_and_to(
    alice: Any, start: str, end: str, titles: list[str]
) -> None:
    EntryFactory(owner=alice, title="Last year", occurred_on=date(2025, 3, 1))
    EntryFactory(owner=alice, title="Before the quarter", occurred_on=date(2026, 9, 30))
    EntryFactory(owner=alice, title="In the quarter", occurred_on=date(2026, 11, 2))
    result = runner.invoke(app, ["entries", "--from", start, "--to", end, "--json"])
    assert result.exit_code == 0, result.output
    assert [entry["title"] for entry in json.loads(result.output)] == titles


def test_goal_add_reads_a_period_edge_as_the_due_date(alice: Any) -> None:
    result = runner.invoke(
        app, ["goal", "add", "Ship the docs site", "--due", "end of next month"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["goal", "list", "--json"]).output)
    assert shown[0]["due"] == "2026-12-31"
