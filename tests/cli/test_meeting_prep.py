"""`headway mentor prep` and `headway manager prep|ask|record`, run by Typer."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry
from headway.network.models import MentorQuestion

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    return result


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_mentor_prep_lists_the_check_in_the_course_and_the_talk_of_the_same_day(
    alice: Any,
) -> None:
    ok("contact", "add", "Alex", "--tag", "mentor")
    goal_id = ok(
        "goal", "add", "Give 3 talks at meetups", "--target", "3", "--unit", "talks"
    ).split()[0]
    ok("goal", "check", goal_id, "1", "--note", "first talk done")
    ok("log", "Kubernetes for developers", "--kind", "learning",
       "--subtype", "course", "--outcome", "completed")  # fmt: skip
    ok("log", "Testing without mocks", "--kind", "talk",
       "--venue-kind", "meetup", "--venue", "PyBerlin")  # fmt: skip
    out = ok("mentor", "prep", "Alex")
    assert "Nothing yet" not in out
    assert (
        "## Goal progress\n\n- Give 3 talks at meetups: 0 → 1 of 3 talks, "
        "new, set on 2026-11-23\n    - 2026-11-23: check-in +1 — first talk done\n"
    ) in out
    assert (
        "## Learning\n\n- 2026-11-23 — Kubernetes for developers (course) — completed"
    ) in out
    assert (
        "## Talks and content\n\n- 2026-11-23 — talk: Testing without mocks "
        "(meetup at PyBerlin)\n"
    ) in out


def test_manager_prep_without_a_manager_says_how_to_tag_one(alice: Any) -> None:
    ok("contact", "add", "Alex", "--tag", "mentor")
    result = run("manager", "prep")
    assert result.exit_code == 1
    assert "No contact is tagged manager yet" in result.stderr
    assert "--tag manager" in result.stderr


def test_manager_ask_prep_and_record_follow_one_one_on_one(alice: Any) -> None:
    ok("contact", "add", "Morgan Boss", "--tag", "manager")
    ok("manager", "ask", "morgan", "What would staff look like here?")
    ok("log", "Release slipped a week", "--kind", "setback",
       "--date", "2026-11-20")  # fmt: skip
    ok("log", "Slides too dense", "--kind", "feedback", "--direction", "received",
       "--person", "Morgan", "--adjustment", "One idea per slide",
       "--date", "2026-11-21")  # fmt: skip
    prep = ok("manager", "prep")
    assert prep.startswith("# 1:1 with Morgan Boss — 2026-11-23\n")
    assert "## My questions\n\n- What would staff look like here?\n" in prep
    assert "## Blockers and setbacks\n\n- 2026-11-20 — Release slipped a week\n" in (
        prep
    )
    assert "    - I will adjust: One idea per slide\n" in prep

    entry_id = ok(
        "manager", "record", "--notes", "Promo talk", "--follow-ups", "Draft the doc"
    )
    entry = Entry.objects.get(pk=int(entry_id))
    assert (entry.kind, entry.title) == ("meeting", "1:1 with Morgan Boss")
    assert entry.details["with_role"] == "manager"
    assert entry.details["follow_ups"] == "Draft the doc"
    assert "What would staff look like here?" in entry.details["agenda"]
    assert [c.name for c in entry.contacts.all()] == ["Morgan Boss"]
    assert MentorQuestion.objects.get().asked_on == dt.date(2026, 11, 23)

    after = ok("manager", "prep", "morgan")
    assert "Since our last meeting on 2026-11-23." in after
    assert "## Follow-ups I promised last time\n\n- Draft the doc\n" in after
    assert "What would staff look like here?" not in after
    assert after.count("Nothing logged in that time") == 1


def test_with_two_managers_the_name_chooses(alice: Any) -> None:
    ok("contact", "add", "Morgan Boss", "--tag", "manager")
    ok("contact", "add", "Dana Skip", "--tag", "manager")
    result = run("manager", "prep")
    assert result.exit_code == 1
    assert "2 managers" in result.stderr
    assert "Dana Skip" in result.stderr
    assert ok("manager", "prep", "dana").startswith("# 1:1 with Dana Skip")
    result = run("manager", "ask", "alex", "anything")
    assert result.exit_code == 1
    assert "No manager matches 'alex'" in result.stderr


def test_a_mentor_is_not_a_manager(alice: Any) -> None:
    ok("contact", "add", "Alex", "--tag", "mentor")
    ok("contact", "add", "Morgan Boss", "--tag", "manager")
    result = run("mentor", "prep", "morgan")
    assert result.exit_code == 1
    assert "not tagged mentor" in result.stderr


def test_manager_prep_json_has_the_sections_and_the_same_markdown(alice: Any) -> None:
    ok("contact", "add", "Morgan Boss", "--tag", "manager")
    ok("manager", "ask", "morgan", "Budget?")
    data = json.loads(ok("manager", "prep", "--json"))
    assert data["role"] == "manager"
    assert data["since"] == "2026-11-09"
    assert data["sections"] == [
        {
            "key": "questions",
            "title": "My questions",
            "items": [{"text": "Budget?", "notes": []}],
        }
    ]
    assert data["markdown"] == ok("manager", "prep")
