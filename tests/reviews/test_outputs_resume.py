"""Resume bullets and the JSON Resume document, checked against the schema
of the npm package @jsonresume/schema (installed by `npm ci`, never copied)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from headway.reviews.outputs.accomplishments import words_of
from headway.reviews.outputs.resume import resume_bullets, resume_document
from tests.reviews.outputs_world import (
    ACCOMPLISHMENTS,
    BOB_MARKER,
    alices_year,
    bobs_things,
)

SCHEMA = Path(__file__).parents[2] / "node_modules/@jsonresume/schema/schema.json"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    if not SCHEMA.exists():
        pytest.fail("node_modules/@jsonresume/schema is missing: run `npm ci` first.")
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def validate(document: dict[str, Any], schema: dict[str, Any]) -> None:
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    jsonschema.Draft7Validator(schema, format_checker=checker).validate(document)


def test_the_npm_schema_is_draft_07(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_the_json_resume_of_a_full_year_is_valid_against_the_npm_schema(
    alice: Any, schema: dict[str, Any]
) -> None:
    alices_year(alice)
    document = resume_document(owner=alice, today=TODAY)
    validate(document, schema)
    assert document["basics"]["name"] == "Alice <Ada> Lovelace"
    assert document["basics"]["label"] == "Staff engineer, payments"
    assert [p["network"] for p in document["basics"]["profiles"]] == [
        "github.com",
        "alice.example.com",
    ]
    assert [(w["name"], w["position"]) for w in document["work"]] == [
        ("Globex", "Staff engineer"),
        ("Acme", "Engineer"),
    ]
    assert "endDate" not in document["work"][0]
    assert document["certificates"] == [
        {
            "name": "Certified Kubernetes Administrator",
            "date": "2026-04-01",
            "issuer": "CNCF",
        }
    ]
    assert document["publications"][0]["publisher"] == "Globex blog"
    assert document["awards"][0]["awarder"] == "KubeCon"
    assert document["volunteer"][0]["position"] == "Mentored at Code Club"
    assert {s["name"]: s["keywords"] for s in document["skills"]} == {
        "Kubernetes": ["platform"],
        "Testing": ["platform"],
    }


def test_work_highlights_come_from_accomplishments_dated_inside_the_role(
    alice: Any,
) -> None:
    alices_year(alice)
    work = resume_document(owner=alice, today=TODAY)["work"]
    current, earlier = work
    assert len(current["highlights"]) == len(ACCOMPLISHMENTS)
    assert current["highlights"][0].startswith("Migrated the payments API")
    assert "highlights" not in earlier  # nothing logged in 2020-2025


def test_an_empty_owner_still_gets_a_valid_document(
    alice: Any, schema: dict[str, Any]
) -> None:
    document = resume_document(owner=alice, today=TODAY)
    validate(document, schema)
    assert "work" not in document


def test_the_schema_check_can_fail(schema: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate({"work": [{"startDate": "last spring"}]}, schema)


def test_bullets_are_one_per_near_complete_accomplishment_best_first(
    alice: Any,
) -> None:
    alices_year(alice)
    rows = resume_bullets(owner=alice)
    assert [row.title for row in rows] == [
        "Payments API on Kubernetes",  # the starred one first
        "Flaky tests",
        "Onboarding guide",
    ]
    assert all(row.title != "Worked on the roadmap" for row in rows)


def test_bullets_use_no_word_the_owner_did_not_write(alice: Any) -> None:
    made = alices_year(alice)["accomplishments"]
    written = {
        entry.pk: words_of(
            " ".join(
                (
                    entry.title,
                    entry.body,
                    entry.numbers,
                    entry.example,
                    entry.achievement,
                    entry.result,
                )
            )
        )
        for entry in made
    }
    rows = resume_bullets(owner=alice)
    assert rows
    for row in rows:
        assert words_of(row.bullet) <= written[row.entry_id], row.bullet


def test_bullets_of_one_year_leave_out_the_others(alice: Any) -> None:
    alices_year(alice)
    assert resume_bullets(owner=alice, year=2025) == []
    assert len(resume_bullets(owner=alice, year=2026)) == len(ACCOMPLISHMENTS)


def test_nothing_of_another_owner_reaches_the_resume(alice: Any, bob: Any) -> None:
    alices_year(alice)
    bobs_things(bob)
    text = json.dumps(resume_document(owner=alice, today=TODAY))
    text += json.dumps([row.bullet for row in resume_bullets(owner=alice)])
    assert BOB_MARKER not in text


def run(*args: str) -> Any:
    from headway.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_writes_the_json_resume_only_its_owner_can_read(
    alice: Any, tmp_path: Path, schema: dict[str, Any]
) -> None:
    alices_year(alice)
    target = tmp_path / "resume.json"
    old = os.umask(0o022)
    try:
        result = run("export", "jsonresume", "-o", str(target))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    validate(json.loads(target.read_text(encoding="utf-8")), schema)


def test_cli_prints_bullets_and_their_json(alice: Any) -> None:
    alices_year(alice)
    result = run("export", "resume-bullets", "--year", "2026", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["title"] == "Payments API on Kubernetes"
    assert set(rows[0]) == {
        "entry",
        "occurred_on",
        "title",
        "bullet",
        "starred",
        "near_score",
    }
    plain = run("export", "resume-bullets")
    assert plain.stdout.splitlines()[0].startswith("- Migrated the payments API")
