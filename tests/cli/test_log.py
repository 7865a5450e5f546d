"""`headway log` and `headway entries` in process, through Typer's runner."""

from __future__ import annotations

import json
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry
from tests.factories import EntryFactory

runner = CliRunner()


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_log_prints_the_new_entry_id(alice: Any) -> None:
    result = runner.invoke(
        app,
        [
            "log",
            "Cut build time from 20 to 8 minutes",
            "--kind",
            "accomplishment",
            "--result",
            "Forty engineers wait less",
            "--tag",
            "ci",
            "--date",
            "last friday",
        ],
    )
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get()
    assert result.stdout.strip() == str(entry.pk)
    assert entry.owner == alice
    assert entry.occurred_on.isoformat() == "2026-11-20"
    assert entry.tag_names == ["ci"]


def test_log_with_json_prints_the_created_entry(alice: Any) -> None:
    result = runner.invoke(app, ["log", "Gave a talk", "--kind", "talk", "--json"])
    assert result.exit_code == 0, result.output
    created = json.loads(result.stdout)
    assert created["title"] == "Gave a talk"
    assert created["kind"] == "talk"
    assert created["id"] == Entry.objects.get().pk


def test_entries_json_lists_newest_first_with_the_promised_fields(alice: Any) -> None:
    EntryFactory(owner=alice, title="old", occurred_on="2025-01-02")
    EntryFactory(owner=alice, title="new", occurred_on="2026-05-06")
    result = runner.invoke(app, ["entries", "--json", "-n", "5"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [item["title"] for item in listed] == ["new", "old"]
    assert listed[0]["occurred_on"] == "2026-05-06"
    assert {"id", "kind", "title", "occurred_on", "tags"} <= set(listed[0])


def test_entries_limit_is_respected(alice: Any) -> None:
    EntryFactory.create_batch(5, owner=alice)
    result = runner.invoke(app, ["entries", "--json", "-n", "2"])
    assert len(json.loads(result.stdout)) == 2


def test_entries_as_a_table_shows_titles(alice: Any) -> None:
    EntryFactory(owner=alice, title="Mentored two juniors")
    result = runner.invoke(app, ["entries"])
    assert "Mentored two juniors" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["log", ""], "title is empty"),
        (["log", "x" * 301], "limit is 300"),
        (["log", "Fine", "--kind", "brag"], "Unknown kind 'brag'"),
        (["log", "Fine", "--date", "blorp"], "Cannot read 'blorp'"),
        (["log", "Fine", "--body", "b" * 100_001], "limit is 100,000"),
        (["log", "bad \udcff bytes"], "not valid UTF-8"),
    ],
)
def test_bad_input_prints_one_line_to_stderr_and_exits_1(
    alice: Any, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, arguments)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert Entry.objects.count() == 0


def test_token_create_prints_only_a_token_that_opens_the_api(
    alice: Any, client: Any
) -> None:
    result = runner.invoke(app, ["token", "create", "--name", "laptop"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("hw_")
    assert len(result.stdout.splitlines()) == 1
    response = client.get(
        "/api/v1/entries", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
