"""`headway agenda`, `headway cadence` and `headway profile` through Typer's runner."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.goals.services import goal_create
from headway.journal.services import entry_create
from headway.reviews.models import AgendaMark, Cadence

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    from headway.cli import app

    return runner.invoke(app, list(args))


def test_agenda_json_is_sorted_by_date_with_links(alice: Any) -> None:
    goal = goal_create(owner=alice, statement="Pass the CKA exam", due="2026-11-30")
    result = run("agenda", "--json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [item["due"] for item in items] == sorted(item["due"] for item in items)
    assert {"due": "2026-11-30", "kind": "goal-due"}.items() <= next(
        item for item in items if item["kind"] == "goal-due"
    ).items()
    assert any(item["link"] == f"/goals/{goal.pk}/" for item in items)
    assert set(items[0]) == {"due", "kind", "title", "link", "key"}


def test_agenda_days_narrows_the_window(alice: Any) -> None:
    goal_create(owner=alice, statement="Later goal", due="2026-12-20")
    wide = json.loads(run("agenda", "--days", "30", "--json").stdout)
    narrow = json.loads(run("agenda", "--days", "3", "--json").stdout)
    assert any(item["title"] == "Goal due: Later goal" for item in wide)
    assert all(item["title"] != "Goal due: Later goal" for item in narrow)


def test_agenda_prints_a_table_and_settles_an_adjustment(alice: Any) -> None:
    feedback = entry_create(
        owner=alice,
        kind="feedback",
        title="From the retro",
        occurred_on=dt.date(2026, 10, 1),
        details={"adjustment": "Write the plan down first"},
    )
    table = run("agenda")
    assert table.exit_code == 0, table.output
    assert "Write the plan down first" in table.stdout
    assert "d late" in table.stdout
    key = f"adjustment:{feedback.pk}"
    later = run("agenda", "later", key, "--days", "10")
    assert later.exit_code == 0, later.output
    assert "2026-12-03" in later.stdout
    assert run("agenda", "done", key).exit_code == 0
    assert AgendaMark.objects.get(owner=alice, key=key).done_on == dt.date(2026, 11, 23)


def test_agenda_done_with_an_unknown_key_is_one_line_and_exit_one(alice: Any) -> None:
    result = run("agenda", "done", "goal:3")
    assert result.exit_code == 1
    assert "No agenda item 'goal:3'" in result.stderr
    assert "Traceback" not in result.output


def test_cadence_set_done_and_list(alice: Any) -> None:
    assert run("cadence", "set", "manager", "--every", "7").exit_code == 0
    assert run("cadence", "set", "yearly", "--off").exit_code == 0
    done = run("cadence", "done", "weekly", "--date", "yesterday")
    assert done.exit_code == 0, done.output
    assert "2026-11-22" in done.stdout
    rows = {row["kind"]: row for row in json.loads(run("cadence", "--json").stdout)}
    assert rows["manager"]["every_days"] == 7
    assert rows["yearly"]["on"] is False
    assert rows["weekly"]["next_due"] == "2026-11-29"
    listed = run("cadence", "list")
    assert "Quarterly review" in listed.stdout


def test_cadence_set_needs_exactly_one_of_every_and_off(alice: Any) -> None:
    result = run("cadence", "set", "weekly")
    assert result.exit_code == 1
    assert "--every DAYS or --off" in result.stderr
    assert not Cadence.objects.exists()


def test_profile_set_and_show(alice: Any) -> None:
    saved = run(
        "profile", "set", "--name", "Alice Liddell", "--headline", "Staff engineer",
        "--link", "https://example.org/a",
    )  # fmt: skip
    assert saved.exit_code == 0, saved.output
    shown = json.loads(run("profile", "--json").stdout)
    assert shown["name"] == "Alice Liddell"
    assert shown["links"] == ["https://example.org/a"]
    bad = run("profile", "set", "--email", "not-an-address")
    assert bad.exit_code == 1
    assert "is not an e-mail address" in bad.stderr
