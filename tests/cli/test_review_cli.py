"""`headway review week|quarter|year [PERIOD]` and `headway review report`:
the drafted review printed, reports written as private files, bad periods
refused with one line and exit 2."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from headway.journal.services import entry_create

runner = CliRunner()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-25 10:00:00Z", tick=False)


def run(*args: str) -> Any:
    from headway.cli import app

    return runner.invoke(app, list(args))


def test_the_weekly_review_prints_the_week_and_what_is_missing(alice: Any) -> None:
    entry_create(owner=alice, kind="note", title="Planning", occurred_on="2026-11-24")
    printed = run("review", "week", "2026-W48")
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.startswith("# Weekly review: Week 48 of 2026")
    assert "## What is missing" in printed.stdout
    assert "- Note: 1" in printed.stdout
    data = json.loads(run("review", "week", "--json").stdout)
    assert (data["kind"], data["period"]) == ("week", "2026-W48")
    assert data["prompts"][0].startswith("No accomplishment logged this week")


def test_the_quarterly_review_prints_its_sections_as_markdown_or_json(
    alice: Any,
) -> None:
    entry_create(owner=alice, kind="talk", title="Meetup", occurred_on="2026-08-01")
    printed = run("review", "quarter", "2026Q3")
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.startswith("# Quarterly review: Q3 2026")
    assert "- 1 talk\n" in printed.stdout
    data = json.loads(run("review", "quarter", "2026q3", "--json").stdout)
    assert data["counts"]["talks"] == 1
    assert data["start"] == "2026-07-01"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["review", "quarter", "2026Q5"], "Cannot read '2026Q5' as a quarter"),
        (["review", "week", "2026-W60"], "Cannot read '2026-W60' as a week"),
        (["review", "year", "2031"], "2031 has not begun yet"),
        (["review", "year", "2026", "--format", "docx"], "Unknown format 'docx'"),
        (["review", "year", "2026", "--format", "pdf"], "A PDF goes to a file"),
        (["review", "report", "--quarter", "2026Q5"], "as a quarter"),
        (["review", "report", "--year", "2026", "--week", "2026-W1"], "Choose one"),
        (["review", "report", "--from", "2026-05-01", "--to", "2026-04-01"], "ends"),
        (["review", "report", "--from", "someday"], "Cannot read 'someday'"),
    ],
)
def test_a_bad_period_or_format_is_one_line_exit_2_and_no_file(
    alice: Any, tmp_path: Path, args: list[str], says: str
) -> None:
    target = tmp_path / "out.md"
    result = run(*args, "-o", str(target)) if "--format" not in args else run(*args)
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize("format", ["md", "html", "pdf", "json"])
def test_review_year_writes_each_format_to_a_private_file(
    alice: Any, tmp_path: Path, format: str
) -> None:
    target = tmp_path / f"year.{format}"
    result = run("review", "year", "2026", "--format", format, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    body = target.read_bytes()
    if format == "pdf":
        text = PdfReader(str(target)).pages[0].extract_text()
        assert "Yearly review: 2026" in text
    elif format == "json":
        assert json.loads(body)["period"] == "2026"
    else:
        assert b"Biggest accomplishments" in body


def test_review_report_takes_any_period_and_the_suffix_names_the_format(
    alice: Any, tmp_path: Path
) -> None:
    entry_create(owner=alice, kind="talk", title="Meetup", occurred_on="2026-03-10")
    target = tmp_path / "march.json"
    result = run(
        "review",
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text())
    assert (data["kind"], data["counts"]["talks"]) == ("range", 1)
    week = run("review", "report", "--week", "2026-W11")
    assert week.exit_code == 0
    assert week.stdout.startswith("# Weekly review: Week 11 of 2026")
