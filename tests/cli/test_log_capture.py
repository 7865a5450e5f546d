"""Quick capture, $EDITOR templates, edit and delete, search and `headway near`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
import time_machine
from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry
from tests.factories import EntryFactory

runner = CliRunner()
NOW = "2026-11-23 10:00:00Z"


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def editor_returning(monkeypatch: pytest.MonkeyPatch, reply: Any) -> list[str]:
    """Stand in for $EDITOR: record the template, answer with `reply(template)`."""
    shown: list[str] = []

    def edit(text: str, **kwargs: Any) -> str | None:
        shown.append(text)
        return reply(text) if callable(reply) else reply

    monkeypatch.setattr(click, "edit", edit)
    return shown


def test_plain_text_is_logged_as_a_note(alice: Any) -> None:
    result = runner.invoke(app, ["log", "thoughts on the reorg"])
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get()
    assert (entry.kind, entry.title) == ("note", "thoughts on the reorg")
    assert result.stderr.startswith("Logged as a note")
    assert "--kind" in result.stderr


def test_text_that_reads_like_an_accomplishment_becomes_one_and_says_so(
    alice: Any,
) -> None:
    result = runner.invoke(app, ["log", "Cut CI build time from 20 to 8 minutes"])
    assert result.exit_code == 0, result.output
    assert Entry.objects.get().kind == "accomplishment"
    assert "Logged as an accomplishment" in result.stderr


def test_at_words_become_tags_and_long_text_splits_into_title_and_body(
    alice: Any,
) -> None:
    text = (
        "Paired with Sam on the flaky checkout tests for most of the afternoon today. "
        "Found a race in the fixture @testing @pairing, fixed it."
    )
    result = runner.invoke(app, ["log", text, "--kind", "note"])
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get()
    assert entry.title.startswith("Paired with Sam")
    assert entry.title.endswith("today.")
    assert entry.body.startswith("Found a race")
    assert entry.tag_names == ["pairing", "testing"]


@time_machine.travel(NOW, tick=False)
def test_learning_with_outcome_and_expiry(alice: Any) -> None:
    result = runner.invoke(
        app,
        ["log", "--kind", "learning", "Passed the CKA exam", "--outcome", "passed",
         "--expires", "in 3 years", "--provider", "Linux Foundation"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert Entry.objects.get().details == {
        "provider": "Linux Foundation",
        "outcome": "passed",
        "expires_on": "2029-11-23",
    }


def test_a_kind_option_that_does_not_belong_to_the_kind_is_refused(alice: Any) -> None:
    result = runner.invoke(app, ["log", "Lunch", "--kind", "note", "--audience", "40"])
    assert result.exit_code == 1
    assert "A note has no field 'audience_size'" in result.stderr
    assert Entry.objects.count() == 0


def test_attach_is_repeatable_and_link_adds_a_link(
    alice: Any, tmp_path: Path, media: Path
) -> None:
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(b"%PDF slides")
    notes = tmp_path / "notes.txt"
    notes.write_text("speaker notes")
    result = runner.invoke(
        app,
        ["log", "Talk at PyCon", "--kind", "talk", "--attach", str(slides),
         "-a", str(notes), "--link", "https://youtu.be/talk", "--audience", "300"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get()
    assert sorted(entry.samples.values_list("name", flat=True)) == [
        "notes.txt",
        "slides.pdf",
        "youtu.be/talk",
    ]


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.pdf", "No file at"),
        (
            lambda d: (
                ((d / "empty.pdf").write_bytes(b"") and d / "empty.pdf")
                or d / "empty.pdf"
            ),
            "is empty",
        ),
    ],
)
def test_a_bad_attachment_logs_nothing(
    alice: Any, tmp_path: Path, media: Path, make: Any, message: str
) -> None:
    path = make(tmp_path)
    result = runner.invoke(app, ["log", "Talk", "--attach", str(path)])
    assert result.exit_code == 1
    assert message in result.stderr
    assert Entry.objects.count() == 0


def test_a_link_that_is_not_http_logs_nothing(alice: Any) -> None:
    result = runner.invoke(app, ["log", "Post", "--link", "javascript:alert(1)"])
    assert result.exit_code == 1
    assert "is not a web link" in result.stderr
    assert Entry.objects.count() == 0


def test_no_text_opens_the_editor_on_the_kinds_template_and_reads_it_back(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(template: str) -> str:
        return (
            template.replace("title:", "title: Spoke at the meetup")
            .replace("venue-kind:", "venue-kind: meetup")
            .replace("audience-size:", "audience-size: 45")
            .replace("tags:", "tags: talks, python")
            + "It went **well**.\n\nQuestions about typing."
        )

    shown = editor_returning(monkeypatch, fill)
    result = runner.invoke(app, ["log", "--kind", "talk"])
    assert result.exit_code == 0, result.output
    assert "venue-kind:" in shown[0]
    assert "slides-url:" in shown[0]
    entry = Entry.objects.get()
    assert (entry.kind, entry.title) == ("talk", "Spoke at the meetup")
    assert entry.details == {"venue_kind": "meetup", "audience_size": 45}
    assert entry.body == "It went **well**.\n\nQuestions about typing."
    assert entry.tag_names == ["python", "talks"]


def test_an_accomplishment_template_has_the_near_headers(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor_returning(monkeypatch, None)
    result = runner.invoke(app, ["log", "--kind", "accomplishment"])
    assert result.exit_code == 1
    for header in ("numbers:", "example:", "achievement:", "result:"):
        assert header in shown[0]
    assert "closed without saving" in result.stderr


def test_an_empty_title_in_the_editor_logs_nothing(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor_returning(monkeypatch, lambda template: template)
    result = runner.invoke(app, ["log"])
    assert result.exit_code == 1
    assert "the title was empty" in result.stderr
    assert Entry.objects.count() == 0


def test_entry_edit_changes_the_entry_through_the_editor(
    alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = EntryFactory(owner=alice, title="Old title", kind="note", body="old body")
    editor_returning(
        monkeypatch,
        lambda t: t.replace("title: Old title", "title: New title").replace(
            "old body", "new body"
        ),
    )
    result = runner.invoke(app, ["entry", "edit", str(entry.pk)])
    assert result.exit_code == 0, result.output
    entry.refresh_from_db()
    assert (entry.title, entry.body) == ("New title", "new body")


def test_entry_delete_asks_first(alice: Any) -> None:
    entry = EntryFactory(owner=alice)
    refused = runner.invoke(app, ["entry", "delete", str(entry.pk)], input="n\n")
    assert refused.exit_code == 1
    assert Entry.objects.filter(pk=entry.pk).exists()
    agreed = runner.invoke(app, ["entry", "delete", str(entry.pk)], input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_entry_delete_with_yes_does_not_ask(alice: Any) -> None:
    entry = EntryFactory(owner=alice)
    result = runner.invoke(app, ["entry", "delete", str(entry.pk), "--yes"])
    assert result.exit_code == 0, result.output
    assert Entry.objects.count() == 0


def test_another_users_entry_cannot_be_edited_or_deleted(
    alice: Any, bob: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = EntryFactory(owner=bob)
    editor_returning(monkeypatch, lambda t: t)
    for arguments in (
        ["entry", "edit", str(entry.pk)],
        ["entry", "delete", str(entry.pk), "--yes"],
    ):
        result = runner.invoke(app, arguments)
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1
    assert Entry.objects.filter(pk=entry.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_entries_search_and_filters(alice: Any) -> None:
    EntryFactory(
        owner=alice, title="Cut CI build time", occurred_on="2026-03-05", tags=["ci"]
    )
    EntryFactory(
        owner=alice, title="Build party", kind="note", occurred_on="2025-01-05"
    )
    EntryFactory(
        owner=alice,
        title="Talk on builds",
        kind="talk",
        occurred_on="2026-04-01",
        tags=["ci", "talks"],
    )

    def listed(*arguments: str) -> list[str]:
        result = runner.invoke(app, ["entries", "--json", *arguments])
        assert result.exit_code == 0, result.output
        return [item["title"] for item in json.loads(result.stdout)]

    assert listed("--search", "build") == [
        "Talk on builds",
        "Cut CI build time",
        "Build party",
    ]
    assert listed("--search", "build", "--kind", "note") == ["Build party"]
    assert listed("--tag", "ci", "--tag", "talks") == ["Talk on builds"]
    assert listed("--from", "last march", "--to", "today", "-n", "1") == [
        "Talk on builds"
    ]


def test_entries_refuses_a_range_that_ends_before_it_starts(alice: Any) -> None:
    result = runner.invoke(app, ["entries", "--from", "today", "--to", "last year"])
    assert result.exit_code == 1
    assert "starts after it ends" in result.stderr


def test_near_json_has_the_promised_shape() -> None:
    result = runner.invoke(app, ["near", "worked on the billing migration", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["weak_opening"] == "worked on"
    assert report["numbers"]["verdict"] == "missing"
    assert set(report) == {
        "numbers",
        "example",
        "achievement",
        "result",
        "weak_opening",
        "bullet",
    }


def test_near_with_several_texts_or_stdin_gives_an_array_in_input_order() -> None:
    several = runner.invoke(
        app, ["near", "helped with stuff", "Cut costs 30%", "--json"]
    )
    assert [r["weak_opening"] for r in json.loads(several.stdout)] == [
        "helped with",
        None,
    ]
    piped = runner.invoke(
        app, ["near", "-", "--json"], input="worked on search\n\nDoubled signups\n"
    )
    reports = json.loads(piped.stdout)
    assert len(reports) == 2
    assert reports[1]["bullet"] == "Doubled signups"


def test_near_for_people_prints_the_bullet() -> None:
    result = runner.invoke(app, ["near", "Cut CI build time from 20 to 8 minutes"])
    assert "bullet: Cut CI build time from 20 to 8 minutes (-60%)" in result.stdout


def test_log_links_goals_contacts_and_skills_through_the_owner(
    alice: Any, bob: Any
) -> None:
    from headway.goals.models import Goal
    from headway.network.models import Contact

    goal = Goal.objects.create(owner=alice, statement="Speak twice")
    contact = Contact.objects.create(owner=alice, name="Ana")
    strangers = Contact.objects.create(owner=bob, name="Bob's friend")
    result = runner.invoke(
        app,
        ["log", "Talk", "--kind", "talk", "--goal", str(goal.pk),
         "--contact", str(contact.pk), "--skill", "Public speaking"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    entry = Entry.objects.get()
    assert list(entry.goals.all()) == [goal]
    assert list(entry.contacts.all()) == [contact]
    assert [s.name for s in entry.skills.all()] == ["Public speaking"]
    refused = runner.invoke(app, ["log", "Other", "--contact", str(strangers.pk)])
    assert refused.exit_code == 1
    assert Entry.objects.count() == 1
