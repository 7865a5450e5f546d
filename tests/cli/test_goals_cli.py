"""`headway goal`, `headway priorities`, `headway strengths`, `headway share`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from headway.accounts.models import Share
from headway.cli import app
from headway.goals.models import CheckIn, Goal
from headway.growth.models import StrengthsAnswer
from tests.goals.factories import GoalFactory

runner = CliRunner()
CRITERIA = {"specific", "measurable", "achievable", "relevant", "time_bound"}


@pytest.fixture(autouse=True)
def monday() -> Iterator[None]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        yield


def run(*arguments: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(arguments), input=stdin)


def ok(*arguments: str, stdin: str | None = None) -> Any:
    result = run(*arguments, stdin=stdin)
    assert result.exit_code == 0, result.output
    return result


def test_goal_add_with_every_option_prints_the_goal_as_json(alice: Any) -> None:
    ok("priorities", "set", "promotion")
    result = ok(
        "goal",
        "add",
        "Apply for at least three internal postings every quarter",
        "--target",
        "3",
        "--unit",
        "applications",
        "--every",
        "quarter",
        "--due",
        "end of year",
        "--priority",
        "promotion",
        "--json",
    )
    created = json.loads(result.stdout)
    goal = Goal.objects.get()
    assert created["id"] == goal.pk
    assert created["due"] == "2026-12-31"
    assert (created["target"], created["unit"]) == (3.0, "applications")
    assert created["progress"] == 0.0
    assert created["pace"] in {"ahead", "on", "behind"}
    assert goal.recurrence == "quarter"


def test_goal_add_prints_the_id_and_the_coach_warnings(alice: Any) -> None:
    result = ok("goal", "add", "I want a promotion")
    lines = result.stdout.splitlines()
    assert lines[0] == str(Goal.objects.get().pk)
    assert any(line.strip().startswith("specific: fail") for line in lines)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["goal", "add", ""], "statement is empty"),
        (["goal", "add", "x" * 1001], "limit is 1,000"),
        (["goal", "add", "Ship", "--target", "abc"], "not a number"),
        (["goal", "add", "Ship", "--target", "-3"], "more than zero"),
        (["goal", "add", "Ship", "--target", "0"], "more than zero"),
        (["goal", "add", "Ship", "--due", "2020-01-01"], "before the start"),
        (["goal", "add", "Ship", "--priority", "fame"], "No priority matches"),
        (["goal", "show", "999"], "No goal 999"),
        (["goal", "list", "--status", "paused"], "Unknown status"),
    ],
)
def test_bad_input_prints_one_line_and_saves_nothing(
    alice: Any, arguments: list[str], message: str
) -> None:
    result = run(*arguments)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert not Goal.objects.exists()


def test_goal_list_json_has_the_promised_fields(alice: Any) -> None:
    goal = GoalFactory(owner=alice, statement="Publish 4 articles by June 2027")
    GoalFactory(owner=alice, status="dropped")
    ok("goal", "check", str(goal.pk), "1", "--note", "first")
    listed = json.loads(ok("goal", "list", "--status", "active", "--json").stdout)
    assert len(listed) == 1
    item = listed[0]
    assert {
        "id",
        "statement",
        "status",
        "due",
        "target",
        "unit",
        "progress",
        "pace",
    } <= set(item)
    assert (item["id"], item["status"], item["due"]) == (
        goal.pk,
        "active",
        "2027-06-30",
    )
    assert item["progress"] == 0.25
    assert item["pace"] in {"ahead", "on", "behind"}


def test_goal_list_without_a_target_has_null_progress_and_pace(alice: Any) -> None:
    GoalFactory(owner=alice, target=None, due=None)
    item = json.loads(ok("goal", "list", "--json").stdout)[0]
    assert (item["progress"], item["pace"], item["due"]) == (None, None, None)


def test_goal_list_as_a_table_and_show(alice: Any) -> None:
    goal = GoalFactory(owner=alice, statement="Give two talks")
    assert "Give two talks" in ok("goal", "list").stdout
    shown = ok("goal", "show", str(goal.pk)).stdout
    assert "Give two talks" in shown
    assert "time_bound" in shown
    as_json = json.loads(ok("goal", "show", str(goal.pk), "--json").stdout)
    assert set(as_json["smart"]) == CRITERIA | {"parsed_due"}


def test_goal_check_done_and_drop(alice: Any) -> None:
    first, second = GoalFactory(owner=alice), GoalFactory(owner=alice)
    assert "50%" in ok("goal", "check", str(first.pk), "two").stdout
    ok("goal", "done", str(first.pk))
    ok("goal", "drop", str(second.pk), "--reason", "Left the team")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "achieved"
    assert (second.status, second.drop_reason) == ("dropped", "Left the team")
    refused = run("goal", "check", str(second.pk), "1")
    assert refused.exit_code == 1
    assert "dropped" in refused.stderr
    assert CheckIn.objects.count() == 1


def test_goal_commands_do_not_reach_another_users_goal(alice: Any, bob: Any) -> None:
    theirs = GoalFactory(owner=bob)
    for arguments in (["show", str(theirs.pk)], ["check", str(theirs.pk), "1"]):
        result = run("goal", *arguments)
        assert result.exit_code == 1
        assert f"No goal {theirs.pk}" in result.stderr
    assert not CheckIn.objects.exists()


def test_goal_lint_json_prints_the_five_verdicts_and_the_date(alice: Any) -> None:
    found = json.loads(
        ok("goal", "lint", "Become team lead by June 2027", "--json").stdout
    )
    assert set(found) == CRITERIA | {"parsed_due"}
    assert found["parsed_due"] == "2027-06-30"
    assert set(found["specific"]) == {"verdict", "reason", "hint"}
    assert not Goal.objects.exists()


def test_goal_lint_with_several_statements_prints_an_array_in_order(
    alice: Any,
) -> None:
    found = json.loads(
        ok("goal", "lint", "grow", "Publish 3 posts by Q2", "--json").stdout
    )
    assert [item["specific"]["verdict"] for item in found] == ["fail", "pass"]
    assert [item["parsed_due"] for item in found] == [None, "2027-06-30"]


def test_goal_lint_reads_statements_from_stdin(alice: Any) -> None:
    found = json.loads(
        ok(
            "goal",
            "lint",
            "-",
            "--json",
            stdin="i want a promotion\n\nget aws certified by q3\n"
            "read 12 books in 2027\n",
        ).stdout
    )
    assert len(found) == 3
    assert [item["time_bound"]["verdict"] for item in found] == ["fail", "pass", "pass"]


def test_goal_lint_for_people_prints_the_score(alice: Any) -> None:
    assert "(0/5)" in ok("goal", "lint", "grow").stdout


def test_priorities_set_show_and_history(alice: Any) -> None:
    ok("priorities", "set", "new skill", "promotion")
    shown = json.loads(ok("priorities", "--json").stdout)
    assert [p["key"] for p in shown["ranked"]] == ["new-skill", "promotion"]
    assert "1. A new skill or competency" in ok("priorities").stdout
    ok("priorities", "add", "Live abroad")
    history = json.loads(ok("priorities", "show", "--history", "--json").stdout)
    assert history["history"][0]["ranked_on"] == "2026-11-23"
    refused = run("priorities", "set", "fame")
    assert refused.exit_code == 1
    assert "headway priorities add" in refused.stderr


def test_strengths_opens_the_editor_with_the_prompts(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def editor(text: str, **options: Any) -> str:
        shown.append(text)
        return text.replace(
            "## Which tasks give me energy?\n",
            "## Which tasks give me energy?\nRunning workshops\n",
        ).replace(
            "## Which skills do I excel at?\n",
            "## Which skills do I excel at?\nSQL tuning\n",
        )

    monkeypatch.setattr("click.edit", editor)
    ok("strengths")
    assert "Which past roles did I enjoy, and why?" in shown[0]
    answer = StrengthsAnswer.objects.get()
    assert (answer.energy, answer.excel, answer.enjoyed_roles) == (
        "Running workshops",
        "SQL tuning",
        "",
    )
    latest = json.loads(ok("strengths", "--json").stdout)
    assert latest["answered_on"] == "2026-11-23"


def test_strengths_saves_nothing_when_the_editor_is_closed(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("click.edit", lambda text, **options: None)
    result = run("strengths")
    assert result.exit_code == 1
    assert not StrengthsAnswer.objects.exists()


def test_share_create_list_and_revoke(alice: Any, client: Any) -> None:
    goal = GoalFactory(owner=alice)
    url = ok("share", "create", "--goal", str(goal.pk), "--days", "7").stdout.strip()
    assert url.startswith("http://127.0.0.1:8000/share/")
    path = url.removeprefix("http://127.0.0.1:8000")
    assert client.get(path).status_code == 200
    listed = json.loads(ok("share", "list", "--json").stdout)
    assert listed[0]["goals"] == [goal.pk]
    assert listed[0]["revoked"] is False
    ok("share", "revoke", str(listed[0]["id"]))
    assert client.get(path).status_code == 404
    assert Share.objects.get().revoked_at is not None


def test_share_of_a_goal_that_is_not_yours_is_refused(alice: Any, bob: Any) -> None:
    theirs = GoalFactory(owner=bob)
    result = run("share", "create", "--goal", str(theirs.pk))
    assert result.exit_code == 1
    assert "No goal" in result.stderr
    assert not Share.objects.exists()
