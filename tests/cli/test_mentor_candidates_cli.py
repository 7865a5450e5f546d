"""`headway mentor candidate`: finding a mentor from the command line, over
the same services as the web page and the API."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.goals.services import goal_create
from headway.opportunities.models import MentorCandidate
from headway.opportunities.services import candidate_add
from tests.network.factories import ContactFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    return runner.invoke(app, ["mentor", "candidate", *args])


def test_add_by_a_forgiving_name_then_list_as_json(alice: Any) -> None:
    sue = ContactFactory(owner=alice, name="Sue Žukauskaitė")
    added = run("add", "sue zukauskaite", "--why", "She ran the platform team")
    assert added.exit_code == 0, added.output
    listed = run("list", "--json")
    assert listed.exit_code == 0, listed.output
    [found] = json.loads(listed.stdout)
    assert found["id"] == int(added.stdout)
    assert found["contact_id"] == sue.pk
    assert found["stage"] == "identified"
    assert found["why"] == "She ran the platform team"
    assert found["next_follow_up"] is None


def test_the_draft_uses_only_what_the_owner_wrote_and_asks_for_the_rest(
    alice: Any,
) -> None:
    goal_create(owner=alice, statement="Give 2 talks at meetups by June 2027")
    ContactFactory(owner=alice, name="Ravi Menon")
    added = run("add", "Ravi")
    drafted = run("draft", added.stdout.strip())
    assert drafted.exit_code == 0, drafted.output
    assert drafted.stdout.startswith("Hi Ravi,")
    assert "Give 2 talks at meetups by June 2027" in drafted.stdout
    assert "[what you hope to learn from them]" in drafted.stdout


def test_asked_keeps_the_draft_and_owes_a_follow_up_in_two_weeks(alice: Any) -> None:
    ContactFactory(owner=alice, name="Ana Lima")
    pk = run("add", "Ana", "--hope", "how to run an incident review").stdout.strip()
    moved = run("move", pk, "asked", "--on", "2026-11-18")
    assert moved.exit_code == 0, moved.output
    assert "Ana Lima: asked" in moved.stdout
    assert "Follow up by 2026-12-02" in moved.stdout
    candidate = MentorCandidate.objects.get(pk=pk)
    assert "how to run an incident review" in candidate.message


def test_agreed_tags_the_contact_mentor(alice: Any) -> None:
    ana = ContactFactory(owner=alice, name="Ana Lima")
    pk = run("add", "Ana").stdout.strip()
    run("move", pk, "asked")
    run("move", pk, "Not now")
    moved = run("move", pk, "Agreed", "--json")
    assert moved.exit_code == 0, moved.output
    assert json.loads(moved.stdout)["stage"] == "agreed"
    ana.refresh_from_db()
    assert "mentor" in ana.tag_names


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("move", "{pk}", "adopted"), "not a stage"),
        (("move", "{pk}", "identified"), "already"),
        (("move", "{pk}", "met", "--on", "2027-03-01"), "future"),
        (("move", "{pk}", "met", "--on", "someday soon-ish"), "as a date"),
    ],
)
def test_a_bad_move_is_one_line_exit_1_and_changes_nothing(
    alice: Any, args: tuple[str, ...], says: str
) -> None:
    ContactFactory(owner=alice, name="Ana Lima")
    pk = run("add", "Ana").stdout.strip()
    moved = run(*(a.format(pk=pk) for a in args))
    assert moved.exit_code == 1, moved.output
    assert len(moved.output.strip().splitlines()) == 1
    assert says in moved.output
    assert MentorCandidate.objects.get(pk=pk).stage == "identified"


def test_the_same_contact_twice_is_refused(alice: Any) -> None:
    ContactFactory(owner=alice, name="Ana Lima")
    run("add", "Ana")
    again = run("add", "Ana")
    assert again.exit_code == 1
    assert "already" in again.output
    assert MentorCandidate.objects.count() == 1


def test_another_users_candidate_is_not_found(alice: Any, bob: Any) -> None:
    theirs = candidate_add(owner=bob, contact=ContactFactory(owner=bob, name="Zed"))
    for args in (("draft", str(theirs.pk)), ("move", str(theirs.pk), "asked")):
        answered = run(*args)
        assert answered.exit_code != 0
        assert "Zed" not in answered.output
    assert MentorCandidate.objects.get(pk=theirs.pk).stage == "identified"


def test_an_empty_list_says_how_to_start(alice: Any) -> None:
    listed = run("list")
    assert listed.exit_code == 0
    assert "headway mentor candidate add" in listed.stdout
