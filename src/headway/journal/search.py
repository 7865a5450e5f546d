"""The full-text index of the log, the same on SQLite (FTS5) and PostgreSQL.

Both engines index `Entry.search_text`, a document already split into
lower-case words, and receive queries built from the same words, so they
agree on what matches: every word of the query must start a word of the
entry. Whatever the user types (quotes, `*`, `NEAR(`, `-`, brackets) is read
as plain words, never as query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"[^\W_]+")
# PostgreSQL skips words over 2,047 bytes; drop them on both sides for parity.
WORD_MAX = 100
QUERY_WORDS_MAX = 20
# Up to this many matches are fetched as ids; more, and the timeline is walked.
SELECTIVE = 500


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if len(word) <= WORD_MAX]


def document(parts: Iterable[str]) -> str:
    """The searchable text of an entry: every word of every part, in order."""
    return " ".join(word for part in parts if part for word in words(part))


def query_words(query: str) -> list[str]:
    return list(dict.fromkeys(words(query)))[:QUERY_WORDS_MAX]


@dataclass(frozen=True)
class Match:
    """How to find the entries that match: a condition, and whether it is a
    short list of ids (then rows are fetched by id, not by walking the log)."""

    condition: Q
    by_id: bool = False


def matching(query: str) -> Match | None:
    """The entries whose words start with every word of the query; None if none.

    PostgreSQL answers from its GIN index. SQLite asks FTS5 for at most
    SELECTIVE ids: a selective query is that list of ids; a common one walks
    the owner's timeline newest first and stops after a page, testing each
    entry's word list with LIKE — the same rule as the FTS prefix match,
    because `search_text` holds lower-case words separated by single spaces.
    """
    found = query_words(query)
    if not found:
        return None
    if connection.vendor == "postgresql":
        expression = " & ".join(f"{word}:*" for word in found)
        return Match(
            Q(
                pk__in=RawSQL(
                    "SELECT id FROM journal_entry WHERE to_tsvector('simple', "
                    "search_text) @@ to_tsquery('simple', %s)",
                    [expression],
                )
            )
        )
    expression = " AND ".join(f'"{word}"*' for word in found)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM journal_entry_fts WHERE journal_entry_fts MATCH %s "
            "LIMIT %s",
            [expression, SELECTIVE + 1],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) <= SELECTIVE:
        return Match(Q(pk__in=ids), by_id=True)
    condition = Q()
    for word in found:
        condition &= Q(search_text__startswith=word) | Q(
            search_text__contains=f" {word}"
        )
    return Match(condition)


def index_replace(*, pk: int, old_text: str | None, new_text: str | None) -> None:
    """Keep FTS5 current after a write; PostgreSQL's index follows by itself."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if old_text is not None:
            cursor.execute(
                "INSERT INTO journal_entry_fts(journal_entry_fts, rowid, search_text)"
                " VALUES ('delete', %s, %s)",
                [pk, old_text],
            )
        if new_text is not None:
            cursor.execute(
                "INSERT INTO journal_entry_fts(rowid, search_text) VALUES (%s, %s)",
                [pk, new_text],
            )


def index_add_many(rows: Iterable[tuple[int, str]]) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO journal_entry_fts(rowid, search_text) VALUES (%s, %s)",
            list(rows),
        )


def index_rebuild() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO journal_entry_fts(journal_entry_fts) VALUES ('rebuild')"
            )


def entry_document(entry: Any, *, tags: Iterable[str], samples: Iterable[str]) -> str:
    detail_text = [str(value) for value in (entry.details or {}).values()]
    return document(
        [
            entry.title,
            entry.body,
            entry.numbers,
            entry.example,
            entry.achievement,
            entry.result,
            " ".join(tags),
            " ".join(samples),
            *detail_text,
        ]
    )
