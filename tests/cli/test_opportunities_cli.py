"""`headway company` and `headway opening` through Typer's runner."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.goals.models import CheckIn
from headway.goals.services import goal_create
from headway.opportunities.models import Opening, TargetCompany
from tests.network.factories import ContactFactory, InteractionFactory

runner = CliRunner()
OPENING_KEYS = {
    "id", "company", "role", "stage", "source", "referrer", "updated",
    "next_follow_up",
}  # fmt: skip


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_company_show_json_lists_who_the_owner_knows_there(alice: Any) -> None:
    sue = ContactFactory(owner=alice, name="Sue", organisation="Acme Ltd.", strength=5)
    ContactFactory(owner=alice, name="Wes", organisation="ACME", strength=2)
    InteractionFactory(contact=sue)
    added = run("company", "add", "Acme, Inc.", "--why", "Kind people")
    assert added.exit_code == 0, added.output
    shown = run("company", "show", "acme", "--json")
    assert shown.exit_code == 0, shown.output
    found = json.loads(shown.stdout)
    assert found["name"] == "Acme, Inc."
    assert [c["name"] for c in found["contacts"]] == ["Sue", "Wes"]
    assert found["contacts"][0] == {
        "id": sue.pk,
        "name": "Sue",
        "strength": 5,
        "last_touch": "2026-11-01",
    }


def test_company_show_text_says_no_one_yet_without_a_strong_tie(alice: Any) -> None:
    run("company", "add", "Globex")
    shown = run("company", "show", "Globex")
    assert "No one yet" in shown.stdout


@pytest.mark.parametrize("name", ["", "n" * 201])
def test_a_bad_company_name_is_one_line_and_nothing_saved(
    alice: Any, name: str
) -> None:
    result = run("company", "add", name)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("headway: The name")
    assert not TargetCompany.objects.exists()


def test_an_unknown_company_lists_near_matches(alice: Any) -> None:
    run("company", "add", "Initech")
    result = run("opening", "add", "Inittech", "Engineer")
    assert result.exit_code == 1
    assert "Did you mean Initech?" in result.stderr


def test_an_unknown_referrer_lists_near_matches(alice: Any) -> None:
    ContactFactory(owner=alice, name="Priya Raman")
    run("company", "add", "Initech")
    result = run("opening", "add", "Initech", "Engineer", "--referrer", "Prya Raman")
    assert result.exit_code == 1
    assert "Did you mean Priya Raman?" in result.stderr
    assert not Opening.objects.exists()


def test_opening_list_json_has_the_documented_shape(alice: Any) -> None:
    priya = ContactFactory(owner=alice, name="Priya Raman")
    run("company", "add", "Initech")
    added = run("opening", "add", "Initech", "SRE", "--referrer", "Priya")
    assert added.exit_code == 0, added.output
    run("opening", "add", "Initech", "Engineer", "--source", "recruiter")
    moved = run("opening", "move", added.stdout.strip(), "applied")
    assert moved.exit_code == 0, moved.output
    listed = json.loads(run("opening", "list", "--json").stdout)
    assert all(set(row) == OPENING_KEYS for row in listed)
    by_role = {row["role"]: row for row in listed}
    assert by_role["SRE"] == {
        "id": int(added.stdout),
        "company": "Initech",
        "role": "SRE",
        "stage": "applied",
        "source": "referral",
        "referrer": "Priya Raman",
        "updated": "2026-11-20",
        "next_follow_up": "2026-11-30",
    }
    assert (by_role["Engineer"]["referrer"], by_role["Engineer"]["next_follow_up"]) == (
        None,
        None,
    )
    priya.refresh_from_db()
    assert priya.help_received == 1


def test_a_move_that_skips_stages_needs_force(alice: Any) -> None:
    run("company", "add", "Initech")
    pk = run("opening", "add", "Initech", "SRE").stdout.strip()
    refused = run("opening", "move", pk, "accepted")
    assert refused.exit_code == 1
    assert "--force" in refused.stderr
    assert Opening.objects.get().stage == "interested"
    forced = run(
        "opening", "move", pk, "accepted", "--force", "--role-start", "2027-01-04"
    )
    assert forced.exit_code == 0, forced.output
    assert Opening.objects.get().stage == "accepted"
    assert "revisit your priorities and goals" in forced.stdout


def test_applied_needs_a_goal_choice_when_several_count_applications(
    alice: Any,
) -> None:
    goals = [
        goal_create(owner=alice, statement=f"Send {n} applications", target=n,
                    unit="applications")
        for n in (3, 5)
    ]  # fmt: skip
    run("company", "add", "Initech")
    pk = run("opening", "add", "Initech", "SRE").stdout.strip()
    asked = run("opening", "move", pk, "applied")
    assert asked.exit_code == 1
    assert "--goal ID" in asked.stderr
    chosen = run("opening", "move", pk, "applied", "--goal", str(goals[1].pk))
    assert chosen.exit_code == 0, chosen.output
    assert CheckIn.objects.get().goal == goals[1]


def test_a_rejection_with_a_lesson_logs_the_setback_in_the_same_command(
    alice: Any,
) -> None:
    run("company", "add", "Initech")
    pk = run("opening", "add", "Initech", "SRE").stdout.strip()
    run("opening", "move", pk, "applied")
    result = run(
        "opening", "move", pk, "rejected", "--lesson", "Practise system design"
    )
    assert result.exit_code == 0, result.output
    assert "Setback logged as entry" in result.stderr


def test_an_owed_follow_up_joins_the_due_list_and_the_agenda(
    alice: Any, time_machine: Any
) -> None:
    run("company", "add", "Initech")
    pk = run("opening", "add", "Initech", "SRE").stdout.strip()
    run("opening", "move", pk, "applied")
    title = "Follow up on SRE at Initech (applied)"
    assert title not in run("network", "due").stdout
    time_machine.move_to("2026-11-30 10:00:00Z", tick=False)
    assert f"{title} (since 2026-11-30)" in run("network", "due").stdout
    agenda = json.loads(run("agenda", "--days", "0", "--json").stdout)
    assert {"due": "2026-11-30", "kind": "follow-up", "title": title} in [
        {k: row[k] for k in ("due", "kind", "title")} for row in agenda
    ]
    chased = run("opening", "followed-up", pk)
    assert chased.stdout == "Next follow-up: 2026-12-10.\n"
    assert title not in run("network", "due").stdout
