"""One search over the log: the same corpus gives the same answers on SQLite
(FTS5) and PostgreSQL (full-text with a GIN index).

The whole module runs on whichever database the suite uses; CI runs it on
both, so these expectations are the parity proof.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection

from headway.goals.models import Goal
from headway.journal.selectors import (
    entries_filtered,
    entry_filters_parse,
    search_entries,
)
from headway.journal.services import entry_create, entry_delete, entry_update
from tests.factories import upload

CORPUS: list[dict[str, Any]] = [
    {
        "title": "Cut CI build time",
        "kind": "accomplishment",
        "body": "Cached **dependencies** in the pipeline.",
        "tags": ["ci", "speed"],
        "occurred_on": "2026-03-02",
        "result": "Forty engineers wait less",
    },
    {
        "title": "Talk at the Python user group",
        "kind": "talk",
        "body": "About typing and mypy.",
        "tags": ["talks"],
        "occurred_on": "2026-04-10",
        "attachments": [upload("typing-deck.pdf", b"deck")],
    },
    {
        "title": "Read the State of DevOps report",
        "kind": "reading",
        "body": "Platform engineering is everywhere.",
        "tags": ["devops"],
        "occurred_on": "2025-12-01",
    },
    {
        "title": "Feedback from Dana",
        "kind": "feedback",
        "body": "Send agendas earlier; she liked the demo.",
        "tags": ["1on1"],
        "occurred_on": "2026-05-05",
        "starred": True,
    },
    {
        "title": "Passed the CKA exam",
        "kind": "learning",
        "body": "Kubernetes administration, 3 months of study.",
        "tags": ["kubernetes", "certs"],
        "occurred_on": "2026-06-20",
        "starred": True,
    },
    {
        "title": "Migrated billing to PostgreSQL",
        "kind": "accomplishment",
        "body": "Zero downtime; café-style cut-over at night.",
        "tags": ["billing", "ci"],
        "occurred_on": "2026-02-14",
        "example": "the invoices service",
    },
    {
        "title": "Note on the reorg",
        "kind": "note",
        "body": 'NEAR("x" y) - weird * text (unbalanced',
        "tags": [],
        "occurred_on": "2026-01-01",
    },
]


@pytest.fixture
def corpus(alice: Any, bob: Any, settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path
    entries = {item["title"]: entry_create(owner=alice, **item) for item in CORPUS}
    entry_create(owner=bob, title="Bob cut his CI build time too", tags=["ci"])
    return entries


def titles(owner: Any, **filters: Any) -> list[str]:
    with time_machine.travel("2026-11-23 10:00:00Z", tick=False):
        parsed = entry_filters_parse(**filters)
    return [entry.title for entry in entries_filtered(owner=owner, filters=parsed)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("build", ["Cut CI build time"]),
        ("BUILD time", ["Cut CI build time"]),
        ("depend", ["Cut CI build time"]),  # a word's beginning finds it
        ("dependencies pipeline", ["Cut CI build time"]),
        ("engineers", ["Cut CI build time"]),  # NEAR fields are searched
        ("invoices", ["Migrated billing to PostgreSQL"]),
        ("ci", ["Cut CI build time", "Migrated billing to PostgreSQL"]),  # tags
        ("typing-deck", ["Talk at the Python user group"]),  # attachment names
        ("pdf", ["Talk at the Python user group"]),
        ("café", ["Migrated billing to PostgreSQL"]),
        ("cafe", []),  # accents are kept, the same way on both databases
        ("kubernetes study", ["Passed the CKA exam"]),
        ("kubernetes nowhere", []),
        ('"build', ["Cut CI build time"]),
        ("build*", ["Cut CI build time"]),
        ("NEAR(", ["Note on the reorg"]),
        ("-weird", ["Note on the reorg"]),
        ("(unbalanced", ["Note on the reorg"]),
        ("AND OR NOT", []),
        ("3 months", ["Passed the CKA exam"]),
        (
            "",
            [
                t["title"]
                for t in sorted(CORPUS, key=lambda c: c["occurred_on"], reverse=True)
            ],
        ),
        (
            '*** ((( ""',
            [
                t["title"]
                for t in sorted(CORPUS, key=lambda c: c["occurred_on"], reverse=True)
            ],
        ),
    ],
)
def test_search_finds_the_same_entries_on_every_database(
    alice: Any, corpus: dict[str, Any], query: str, expected: list[str]
) -> None:
    assert titles(alice, query=query) == expected


def test_search_never_shows_another_users_entries(
    alice: Any, bob: Any, corpus: dict[str, Any]
) -> None:
    assert titles(bob, query="ci build") == ["Bob cut his CI build time too"]
    assert "Bob cut his CI build time too" not in titles(alice, query="bob")


def test_an_edited_entry_is_found_by_its_new_words_only(
    alice: Any, corpus: dict[str, Any]
) -> None:
    entry = corpus["Feedback from Dana"]
    entry_update(owner=alice, pk=entry.pk, body="Wants more written updates.")
    assert titles(alice, query="written") == ["Feedback from Dana"]
    assert titles(alice, query="agendas") == []


def test_a_deleted_entry_is_no_longer_found(alice: Any, corpus: dict[str, Any]) -> None:
    entry_delete(owner=alice, pk=corpus["Cut CI build time"].pk)
    assert titles(alice, query="build") == []


def test_changed_tags_are_searched(alice: Any, corpus: dict[str, Any]) -> None:
    entry_update(owner=alice, pk=corpus["Note on the reorg"].pk, tags=["orgchart"])
    assert titles(alice, query="orgchart") == ["Note on the reorg"]


def test_filters_by_kind_and_all_tags(alice: Any, corpus: dict[str, Any]) -> None:
    assert titles(alice, kind="accomplishment") == [
        "Cut CI build time",
        "Migrated billing to PostgreSQL",
    ]
    assert titles(alice, tags=["ci", "billing"]) == ["Migrated billing to PostgreSQL"]
    assert titles(alice, tags=["#CI"], kind="accomplishment", query="cached") == [
        "Cut CI build time"
    ]


def test_filters_by_natural_language_date_range(
    alice: Any, corpus: dict[str, Any]
) -> None:
    assert titles(alice, date_from="last march", date_to="2026-04-30") == [
        "Talk at the Python user group",
        "Cut CI build time",
    ]
    assert titles(alice, date_to="2025-12-31") == ["Read the State of DevOps report"]


def test_filters_starred_goal_and_skill(alice: Any, corpus: dict[str, Any]) -> None:
    goal = Goal.objects.create(owner=alice, statement="Get certified")
    entry = entry_create(
        owner=alice,
        title="Studied for the CKA",
        goal_ids=[goal.pk],
        skills=["Kubernetes"],
    )
    assert titles(alice, starred=True) == ["Passed the CKA exam", "Feedback from Dana"]
    assert titles(alice, goal=goal.pk) == [entry.title]
    assert titles(alice, skill="kubernetes") == [entry.title]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"date_from": "today", "date_to": "last year"}, "starts after it ends"),
        ({"date_from": "the day after never"}, "Cannot read"),
        ({"kind": "brag"}, "Unknown kind 'brag'"),
        ({"goal": "my goal"}, "is not a goal id"),
    ],
)
def test_bad_filters_are_clear_errors(
    alice: Any, filters: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        titles(alice, **filters)
    assert message in " ".join(error.value.messages)


def test_pages_follow_a_cursor_without_gaps_or_repeats(alice: Any) -> None:
    for day in range(1, 8):
        entry_create(
            owner=alice, title=f"Entry {day}", occurred_on=dt.date(2026, 1, day % 3 + 1)
        )
    seen: list[str] = []
    cursor = ""
    filters = entry_filters_parse()
    while True:
        page, cursor_next = search_entries(
            owner=alice, filters=filters, limit=3, cursor=cursor
        )
        seen += [entry.title for entry in page]
        if cursor_next is None:
            break
        cursor = cursor_next
    assert sorted(seen) == sorted(f"Entry {day}" for day in range(1, 8))
    assert len(seen) == 7


def test_a_forged_cursor_is_a_clear_error(alice: Any) -> None:
    with pytest.raises(ValidationError, match="cursor"):
        search_entries(owner=alice, filters=entry_filters_parse(), cursor="!!nope")


def test_the_database_has_its_own_full_text_index(db: None) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name='journal_entry_fts'"
            )
            assert "fts5" in cursor.fetchone()[0].lower()
        else:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname='journal_entry_search'"
            )
            assert "gin" in cursor.fetchone()[0].lower()


def test_a_common_word_walks_the_timeline_with_the_same_answers(
    alice: Any, corpus: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway.journal import search

    expected = titles(alice, query="ci build")
    monkeypatch.setattr(search, "SELECTIVE", 0)  # every query counts as common
    assert titles(alice, query="ci build") == expected
    assert titles(alice, query="depend") == ["Cut CI build time"]
    assert titles(alice, query="typing-deck") == ["Talk at the Python user group"]
