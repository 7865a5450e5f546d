"""`headway log` without --kind: quick capture chooses the kind, says so, fills
what it can read and links the contact it recognises; `entries -n` of any size."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from typer.testing import CliRunner

from headway.cli import app
from headway.journal import selectors
from headway.journal.models import Entry
from headway.network.models import Contact
from tests.factories import EntryFactory

runner = CliRunner()


def logged(*arguments: str) -> tuple[Entry, str]:
    result = runner.invoke(app, ["log", *arguments])
    assert result.exit_code == 0, result.output
    return Entry.objects.get(pk=int(result.stdout)), result.stderr


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("passed the CKA exam with 89%", "learning"),
        ("gave a talk at the Go meetup, ~60 people", "talk"),
        ("published a blog post on flaky tests", "content"),
        ("my lead told me I need to delegate more", "feedback"),
        ("read Thinking in Systems, slow but good", "reading"),
        ("volunteered to run the offsite", "initiative"),
        ("coffee with my mentor", "meeting"),
        ("failed the AWS exam again", "setback"),
        ("cut CI build time from 20 to 8 minutes", "accomplishment"),
        ("new laptop arrived", "note"),
    ],
)
def test_log_without_a_kind_files_each_kind_and_says_how_to_change_it(
    alice: Any, text: str, kind: str
) -> None:
    entry, stderr = logged(text)
    assert entry.kind == kind
    assert stderr.startswith("Logged as")
    assert kind.split("_")[0][:5] in stderr
    assert f"headway entry edit {entry.pk}" in stderr
    assert "--kind" in stderr


def test_log_fills_the_fields_it_can_read(alice: Any) -> None:
    entry, _ = logged("passed the CKA exam on Linux Foundation's portal, 89%")
    assert entry.details["subtype"] == "exam"
    assert entry.details["outcome"] == "89%"
    talk, said = logged("spoke at the Python meetup to about 45 people")
    assert talk.details == {"venue_kind": "meetup", "audience_size": 45}
    assert "audience size 45" in said


def test_an_option_given_wins_over_what_was_read(alice: Any) -> None:
    entry, _ = logged("spoke at the Python meetup to 45 people", "--audience", "50")
    assert entry.details["audience_size"] == 50


def test_log_links_a_contact_it_recognises_and_never_a_strangers(
    alice: Any, bob: Any
) -> None:
    maria = Contact.objects.create(owner=alice, name="Maria Lopez")
    Contact.objects.create(owner=bob, name="Priya Natarajan")
    entry, stderr = logged("1:1 with Maria about the promotion timeline")
    assert entry.kind == "meeting"
    assert list(entry.contacts.all()) == [maria]
    assert "linked to Maria Lopez" in stderr
    other, stderr = logged("coffee with Priya from the data team")
    assert other.kind == "meeting"
    assert list(other.contacts.all()) == []
    assert "linked to" not in stderr


def test_a_contact_given_wins_over_the_one_read(alice: Any) -> None:
    Contact.objects.create(owner=alice, name="Maria Lopez")
    tom = Contact.objects.create(owner=alice, name="Tom Becker")
    entry, _ = logged("lunch with Maria", "--contact", str(tom.pk))
    assert list(entry.contacts.all()) == [tom]


def test_an_ambiguous_line_becomes_a_note_that_names_both_kinds(alice: Any) -> None:
    entry, stderr = logged("read the paper, then coffee with my mentor")
    assert entry.kind == "note"
    assert "could be" in stderr


def test_a_kind_given_is_kept_and_nothing_is_said(alice: Any) -> None:
    entry, stderr = logged("coffee with my mentor", "--kind", "note")
    assert entry.kind == "note"
    assert stderr == ""


def test_entries_takes_any_positive_number(alice: Any) -> None:
    EntryFactory.create_batch(3, owner=alice)
    result = runner.invoke(app, ["entries", "-n", "250000", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 3
    refused = runner.invoke(app, ["entries", "-n", "0"])
    assert refused.exit_code != 0


def test_entries_json_streams_the_same_rows_as_a_list_would(alice: Any) -> None:
    EntryFactory.create_batch(7, owner=alice, tags=["ci"])
    result = runner.invoke(app, ["entries", "--json", "-n", "5"])
    rows = json.loads(result.stdout)
    expected = [
        selectors.entry_as_dict(entry)
        for entry in selectors.entries_recent(owner=alice, limit=5)
    ]
    assert rows == json.loads(json.dumps(expected))
    empty = runner.invoke(app, ["entries", "--json", "--kind", "talk"])
    assert empty.stdout == "[]\n"


def test_entries_are_read_a_chunk_at_a_time(alice: Any) -> None:
    EntryFactory.create_batch(25, owner=alice)
    filters = selectors.EntryFilters()
    with CaptureQueriesContext(connection) as queries:
        stream = selectors.entries_stream(
            owner=alice, filters=filters, limit=1_000, chunk=10
        )
        first = next(stream)
        after_first = len(queries)
        rest = list(stream)
    assert len(rest) + 1 == 25
    assert first.pk == max(e.pk for e in Entry.objects.all())
    # tags and samples are fetched per chunk of 10, not for all 25 at once
    assert len(queries) - after_first == 4
