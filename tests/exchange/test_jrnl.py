"""Moving in from jrnl: its text journal and JSON export, all or nothing, once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.exchange.jrnl import JrnlError, JrnlJson, JrnlText
from headway.journal.models import Entry
from tests.factories import EntryFactory

runner = CliRunner()

JOURNAL = """\
[2026-03-01 09:15] Cut CI build time from 20 to 8 minutes. Cached the deps @ci
for all forty engineers.

Second paragraph after a blank line, still the same entry @speed.

[2026-03-02 18:40] Lunch with Ana *
She suggested I write up the caching story @mentoring

[2026-03-05 08:00] plain note without punctuation
"""


def write(tmp_path: Path, text: str, name: str = "journal.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(path: Path, *extra: str) -> dict[str, Any]:
    result = runner.invoke(app, ["import", "jrnl", str(path), "--json", *extra])
    return {"exit": result.exit_code, **json.loads(result.stdout or "{}")}


def test_a_journal_is_read_into_titles_bodies_tags_and_stars() -> None:
    first, second, third = JrnlText().read(JOURNAL)
    assert first.title == "Cut CI build time from 20 to 8 minutes."
    assert first.body.startswith("Cached the deps @ci\nfor all forty engineers.\n\n")
    assert first.tags == ["ci", "speed"]
    assert (second.title, second.starred, second.tags) == (
        "Lunch with Ana",
        True,
        ["mentoring"],
    )
    assert (third.title, third.body) == ("plain note without punctuation", "")


def test_import_creates_entries_and_says_which_became_accomplishments(
    alice: Any, tmp_path: Path
) -> None:
    summary = imported(write(tmp_path, JOURNAL))
    assert summary == {
        "exit": 0,
        "created": 3,
        "skipped": 0,
        "errors": [],
        "accomplishments": 1,
    }
    cut = Entry.objects.get(title__startswith="Cut CI")
    assert cut.kind == "accomplishment"
    assert cut.occurred_on.isoformat() == "2026-03-01"
    assert cut.tag_names == ["ci", "speed"]
    assert "Second paragraph after a blank line" in cut.body
    lunch = Entry.objects.get(title="Lunch with Ana")
    assert (lunch.kind, lunch.starred) == ("note", True)


def test_importing_the_same_journal_again_creates_nothing(
    alice: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, JOURNAL)
    imported(path)
    again = imported(path)
    assert (again["created"], again["skipped"]) == (0, 3)
    assert Entry.objects.count() == 3


def test_imported_entries_are_found_by_search(alice: Any, tmp_path: Path) -> None:
    imported(write(tmp_path, JOURNAL))
    result = runner.invoke(app, ["entries", "--search", "caching", "--json"])
    assert [e["title"] for e in json.loads(result.stdout)] == ["Lunch with Ana"]


def test_a_bad_date_on_line_n_is_reported_and_nothing_is_imported(
    alice: Any, tmp_path: Path
) -> None:
    broken = JOURNAL + "\n[2026-02-30 10:00] Impossible day\n"
    line = broken.splitlines().index("[2026-02-30 10:00] Impossible day") + 1
    summary = imported(write(tmp_path, broken))
    assert summary["exit"] == 1
    assert summary["created"] == 0
    assert summary["errors"] == [
        f"line {line}: cannot read the date '2026-02-30 10:00' "
        "(timeformat %Y-%m-%d %H:%M)"
    ]
    assert Entry.objects.count() == 0


def test_text_before_the_first_entry_is_an_error_with_its_line(
    alice: Any, tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["import", "jrnl", str(write(tmp_path, "hello\n" + JOURNAL))]
    )
    assert result.exit_code == 1
    assert "Nothing imported: line 1: does not start with a date" in result.stderr
    assert Entry.objects.count() == 0


def test_a_journal_in_another_timeformat_needs_the_option(
    alice: Any, tmp_path: Path
) -> None:
    text = (
        "[01.03.2026 09:15] Gave a talk. At the meetup\n\n"
        "[02.03.2026 10:00] Read a book\n"
    )
    path = write(tmp_path, text)
    assert imported(path)["exit"] == 1
    summary = imported(path, "--timeformat", "%d.%m.%Y %H:%M")
    assert summary["created"] == 2
    assert (
        Entry.objects.get(title="Gave a talk.").occurred_on.isoformat() == "2026-03-01"
    )


def test_unbracketed_dates_are_read_too() -> None:
    (entry,) = JrnlText().read("2026-03-01 09:15 Wrote the RFC. Long body\n")
    assert (entry.title, entry.body) == ("Wrote the RFC.", "Long body")


def test_jrnl_json_export_is_imported(alice: Any, tmp_path: Path) -> None:
    export = {
        "tags": {"@ci": 1},
        "entries": [
            {"title": "Cut build time.", "body": "From 20 to 8 min @ci",
             "date": "2026-03-01",
             "time": "09:15", "tags": ["@ci"], "starred": True},
            {"title": "Note", "body": "", "date": "2026-03-02", "time": "10:00",
             "tags": [], "starred": False},
        ],
    }  # fmt: skip
    path = write(tmp_path, json.dumps(export), "journal.json")
    assert imported(path)["created"] == 2
    assert imported(path)["skipped"] == 2
    entry = Entry.objects.get(title="Cut build time.")
    assert (entry.starred, entry.tag_names) == (True, ["ci"])


def test_broken_json_is_an_error(alice: Any, tmp_path: Path) -> None:
    path = write(tmp_path, '{"entries": [{"title": "x"}]}', "journal.json")
    summary = imported(path)
    assert summary["exit"] == 1
    assert summary["errors"][0].startswith("entry 1: cannot read it")


def test_an_entry_that_breaks_a_limit_stops_the_whole_import(
    alice: Any, tmp_path: Path
) -> None:
    text = JOURNAL + "\n[2026-03-09 10:00] " + "x" * 400 + "\n"
    summary = imported(write(tmp_path, text))
    assert summary["exit"] == 1
    assert "limit is 300" in summary["errors"][0]
    assert Entry.objects.count() == 0


def test_a_large_journal_shows_a_progress_bar_and_imports(
    alice: Any, tmp_path: Path
) -> None:
    text = "\n".join(
        f"[2025-01-01 10:{n % 60:02d}] Entry {n}. body {n}\n" for n in range(1_200)
    )
    result = runner.invoke(app, ["import", "jrnl", str(write(tmp_path, text))])
    assert result.exit_code == 0, result.output
    assert "Imported 1200 entries" in result.stdout
    assert Entry.objects.count() == 1_200


def test_export_as_text_reads_back_to_the_same_entries(
    alice: Any, tmp_path: Path
) -> None:
    EntryFactory(
        owner=alice,
        title="Shipped search.",
        body="With FTS5",
        tags=["search"],
        starred=True,
    )
    EntryFactory(owner=alice, title="Read a book", occurred_on="2026-01-02")
    result = runner.invoke(app, ["export", "jrnl"])
    assert result.exit_code == 0, result.output
    entries = JrnlText().read(result.stdout)
    assert [(e.title, e.starred) for e in entries] == [
        ("Read a book", False),
        ("Shipped search.", True),
    ]
    assert entries[1].tags == ["search"]


def test_export_as_json_is_jrnls_shape(alice: Any, tmp_path: Path) -> None:
    EntryFactory(owner=alice, title="Shipped search.", tags=["search"])
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["export", "jrnl", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["tags"] == {"@search": 1}
    assert data["entries"][0]["title"] == "Shipped search."
    assert JrnlJson().read(out.read_text())[0].tags == ["search"]


def test_an_import_belongs_to_the_acting_user_only(
    alice: Any, bob: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, JOURNAL)
    imported(path)
    assert Entry.objects.filter(owner=bob).count() == 0


def test_the_reader_reports_every_bad_line() -> None:
    with pytest.raises(JrnlError) as error:
        JrnlText().read("nope\n[2026-99-01 10:00] x\n")
    assert len(error.value.errors) == 2
