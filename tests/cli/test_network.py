"""`headway contact|touch|network|mentor|import|export` through Typer's runner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry
from headway.network.models import Contact, Interaction, MentorQuestion
from tests.network.factories import ContactFactory, InteractionFactory

runner = CliRunner()
DATA = Path(__file__).parent.parent / "exchange" / "data"
KEYS = {"id", "name", "organisation", "strength", "tags", "last_touch"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_contact_add_prints_the_id_and_keeps_the_fields(alice: Any) -> None:
    result = run(
        "contact", "add", "Priya Raman", "--org", "Initech", "--role", "SRE lead",
        "--met-at", "KubeCon", "--strength", "4", "--tag", "peer", "--tag", "mentor",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    contact = Contact.objects.get(pk=int(result.stdout))
    assert (contact.owner, contact.organisation, contact.met_how) == (
        alice,
        "Initech",
        "event",
    )
    assert sorted(contact.tag_names) == ["mentor", "peer"]


def test_a_strength_of_seven_is_one_line_on_stderr_and_exit_one(alice: Any) -> None:
    result = run("contact", "add", "Too Strong", "--strength", "7")
    assert result.exit_code == 1
    assert result.stderr.startswith("headway: Strength 7 is out of range")
    assert Contact.objects.count() == 0


def test_contact_list_json_has_the_promised_keys(alice: Any, bob: Any) -> None:
    ada = ContactFactory(owner=alice, name="Ada", strength=4)
    InteractionFactory(contact=ada, occurred_on=dt.date(2026, 11, 2))
    ContactFactory(owner=alice, name="Mentor Mia").tags.create(
        owner=alice, name="mentor"
    )
    ContactFactory(owner=bob, name="Bob's friend")
    result = run("contact", "list", "--json")
    items = json.loads(result.stdout)
    assert [item["name"] for item in items] == ["Ada", "Mentor Mia"]
    assert set(items[0]) >= KEYS
    assert items[0]["last_touch"] == "2026-11-02"
    assert items[1]["last_touch"] is None
    tagged = json.loads(run("contact", "list", "--tag", "mentor", "--json").stdout)
    assert [item["name"] for item in tagged] == ["Mentor Mia"]
    assert tagged[0]["tags"] == ["mentor"]


def test_contact_show_finds_a_name_without_accents_or_case(alice: Any) -> None:
    ContactFactory(owner=alice, name="Zoë O'Neil", organisation="Nordic")
    result = run("contact", "show", "zoe")
    assert result.exit_code == 0, result.output
    assert "Zoë O'Neil" in result.stdout
    assert "Nordic" in result.stdout


def test_an_ambiguous_name_lists_the_candidates_and_exits_one(alice: Any) -> None:
    ContactFactory(owner=alice, name="Ada Lovelace")
    ContactFactory(owner=alice, name="Ada Byron")
    result = run("touch", "ada", "--kind", "coffee")
    assert result.exit_code == 1
    assert "Ada Byron" in result.stderr
    assert "Ada Lovelace" in result.stderr
    assert Interaction.objects.count() == 0


def test_touch_logs_a_coffee_and_the_contact_leaves_the_due_list(
    alice: Any,
) -> None:
    old = ContactFactory(owner=alice, name="Old Friend", strength=5)
    InteractionFactory(contact=old, occurred_on=dt.date(2026, 5, 1))
    before = json.loads(run("network", "due", "--json").stdout)
    assert [(item["name"], item["state"]) for item in before] == [
        ("Old Friend", "overdue")
    ]
    assert KEYS | {"state"} <= set(before[0])
    result = run("touch", "old fr", "--kind", "coffee", "--note", "catch-up")
    assert result.exit_code == 0, result.output
    assert "Logged coffee with Old Friend" in result.stdout
    assert json.loads(run("network", "due", "--json").stdout) == []


def test_network_due_shows_the_states_by_name(alice: Any) -> None:
    run(
        "contact", "add", "Met Yesterday", "--met-at", "Meetup", "--met-on", "yesterday"
    )
    result = run("network", "due")
    assert "Met Yesterday" in result.stdout
    assert "follow-up" in result.stdout


def test_network_stats_counts_size_ties_and_help(alice: Any) -> None:
    ada = ContactFactory(owner=alice, name="Ada", strength=5)
    InteractionFactory(contact=ada, kind="help_given")
    InteractionFactory(contact=ada, kind="help_received")
    InteractionFactory(contact=ada, kind="help_received")
    stats = json.loads(run("network", "stats", "--json").stdout)
    assert (stats["size"], stats["strong_ties"]) == (1, 1)
    assert (stats["help_given"], stats["help_received"]) == (1, 2)
    assert "Network size: 1" in run("network", "stats").stdout


def test_network_cadence_changes_a_tier(alice: Any) -> None:
    result = run("network", "cadence", "2", "--days", "120", "--json")
    assert {"strength": 2, "ideal_days": 120, "max_days": 180} in json.loads(
        result.stdout
    )


def test_the_mentor_rhythm_is_editable_from_the_cli(alice: Any) -> None:
    result = run("network", "cadence", "--mentor-update", "30")
    assert "an update every 30 days" in result.stdout
    run("contact", "add", "Grace Mentor", "--tag", "mentor", "--met-on", "2026-10-20")
    due = json.loads(run("network", "due", "--json").stdout)
    assert [(item["name"], item["state"]) for item in due] == [
        ("Grace Mentor", "mentor-update")
    ]


def test_mentor_prep_builds_markdown_from_questions_and_recent_entries(
    alice: Any,
) -> None:
    run("contact", "add", "Grace Mentor", "--tag", "mentor", "--strength", "5")
    run("mentor", "ask", "grace", "how do i get to staff engineer")
    Entry.objects.create(
        owner=alice, kind="accomplishment", title="Cut deploys to 8 minutes",
        occurred_on=dt.date(2026, 11, 10),
    )  # fmt: skip
    Entry.objects.create(
        owner=alice, kind="setback", title="Missed the Q3 launch",
        occurred_on=dt.date(2026, 11, 12),
    )  # fmt: skip
    result = run("mentor", "prep", "grace")
    assert result.exit_code == 0, result.output
    assert "# Meeting with Grace Mentor" in result.stdout
    assert "- how do i get to staff engineer" in result.stdout
    assert "Cut deploys to 8 minutes" in result.stdout
    assert "Missed the Q3 launch" in result.stdout


def test_mentor_prep_refuses_a_contact_not_tagged_mentor(alice: Any) -> None:
    ContactFactory(owner=alice, name="Just A Peer")
    result = run("mentor", "prep", "just")
    assert result.exit_code == 1
    assert "not tagged mentor" in result.stderr


def test_mentor_record_creates_a_meeting_entry_linked_to_the_mentor(
    alice: Any,
) -> None:
    run("contact", "add", "Grace Mentor", "--tag", "mentor")
    run("mentor", "ask", "grace", "ask about promotions")
    result = run("mentor", "record", "grace", "--notes", "talked", "--follow-ups", "x")
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get(pk=int(result.stdout))
    assert entry.kind == "meeting"
    assert entry.details["with_role"] == "mentor"
    assert entry.details["notes"] == "talked"
    assert entry.details["follow_ups"] == "x"
    assert "ask about promotions" in entry.details["agenda"]
    assert [c.name for c in entry.contacts.all()] == ["Grace Mentor"]
    assert MentorQuestion.objects.get().asked_on == dt.date(2026, 11, 23)
    due = json.loads(run("network", "due", "--json").stdout)
    assert [(item["name"], item["state"]) for item in due] == [
        ("Grace Mentor", "thank-you")
    ]


def test_import_linkedin_json_prints_the_counts(alice: Any) -> None:
    path = str(DATA / "connections_2024.csv")
    first = json.loads(run("import", "linkedin", path, "--json").stdout)
    assert first == {"created": 4, "matched": 0, "skipped": 1, "errors": []}
    second = json.loads(run("import", "linkedin", path, "--json").stdout)
    assert second == {"created": 0, "matched": 4, "skipped": 1, "errors": []}


def test_a_bad_linkedin_file_prints_the_errors_and_imports_nothing(
    alice: Any, tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text("First Name,Last Name,Company,Position\nA,B,C,D\n")
    result = run("import", "linkedin", str(path), "--json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["created"] == 0
    assert body["errors"] == [
        "Line 1: the header has no Connected On column; export Connections.csv "
        "from LinkedIn again."
    ]
    plain = run("import", "linkedin", str(path))
    assert plain.exit_code == 1
    assert "Nothing imported" in plain.stderr
    assert Contact.objects.count() == 0


def test_a_missing_file_is_one_clear_line(alice: Any, tmp_path: Path) -> None:
    result = run("import", "vcard", str(tmp_path / "nope.vcf"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"headway: No file at {tmp_path / 'nope.vcf'}."


def test_a_large_import_shows_a_progress_bar_on_stderr(
    alice: Any, tmp_path: Path
) -> None:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(f"P,{i},,,Org,Role,12 Mar 2021\n" for i in range(1_100))
    path = tmp_path / "Connections.csv"
    path.write_text(header + rows)
    result = run("import", "linkedin", str(path))
    assert result.exit_code == 0, result.output
    assert "1100 new" in result.stdout
    assert Contact.objects.count() == 1_100


def test_export_vcard_by_tag_writes_a_file_that_reimports(
    alice: Any, tmp_path: Path
) -> None:
    run("contact", "add", "Grace Mentor", "--tag", "mentor", "--email", "g@x.org")
    run("contact", "add", "Pat Peer", "--tag", "peer")
    out = tmp_path / "mentors.vcf"
    result = run("export", "vcard", "--tag", "mentor", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 1 contact(s)" in result.stdout
    again = json.loads(run("import", "vcard", str(out), "--json").stdout)
    assert (again["created"], again["matched"]) == (0, 1)


def test_the_progress_bar_appears_only_over_a_thousand_rows() -> None:
    from headway.cli.contacts_transfer import _progress

    with _progress(1_000) as small:
        assert small is None
    with _progress(1_001) as large:
        assert large is not None
        large(1)
