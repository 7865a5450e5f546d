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
from typing import Any

from django.db import connection
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"[^\W_]+")
# PostgreSQL skips words over 2,047 bytes; drop them on both sides for parity.
WORD_MAX = 100
QUERY_WORDS_MAX = 20
# Up to this many matches are fetched as ids; more, and the timeline is walked.
SELECTIVE = 2_000


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if len(word) <= WORD_MAX]


def document(parts: Iterable[str]) -> str:
    """The searchable text of an entry: every word of every part, in order."""
    return " ".join(word for part in parts if part for word in words(part))


def query_words(query: str) -> list[str]:
    return list(dict.fromkeys(words(query)))[:QUERY_WORDS_MAX]


def matching_ids(query: str) -> RawSQL | list[int] | None:
    """The ids of entries that match every word (a subquery or a short list).

    None when the query has no words. On SQLite a selective query returns
    its few ids, so the database looks those rows up instead of walking the
    whole timeline to find them; a common word stays a subquery, and the
    timeline walk stops after one page of matches.
    """
    found = query_words(query)
    if not found:
        return None
    if connection.vendor == "postgresql":
        expression = " & ".join(f"{word}:*" for word in found)
        return RawSQL(
            "SELECT id FROM journal_entry WHERE to_tsvector('simple', search_text)"
            " @@ to_tsquery('simple', %s)",
            [expression],
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
        return ids
    return RawSQL(
        "SELECT rowid FROM journal_entry_fts WHERE journal_entry_fts MATCH %s",
        [expression],
    )


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
