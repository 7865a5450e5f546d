"""Fast inserts for the demo's bulk rows, below Django's bulk_create.

A bench-sized demo writes 50,000 entries, their links and tens of thousands
of touches; bulk_create prepares every value through every field and, on
SQLite, stops at 999 parameters a statement, which made it most of the
build. These write the same columns with values adapted once by the
database backend (`connection.ops`), so they work on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.utils import timezone

from headway.journal.models import Entry


def rows_insert(
    model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert rows (values already adapted) in one `executemany`; no ids back."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})",
            rows,
        )


def stamp() -> Any:
    """`created` and `updated` for rows written now, as the backend stores them."""
    return connection.ops.adapt_datetimefield_value(timezone.now())


def day(value: Any) -> Any:
    return connection.ops.adapt_datefield_value(value)


ENTRY_COLUMNS = (
    "owner_id", "created", "updated", "kind", "title", "body", "occurred_on",
    "numbers", "example", "achievement", "result", "starred", "details",
    "search_text", "source_key",
)  # fmt: skip
SQLITE_ROWS = 1_000  # 15,000 parameters: SQLite 3.32+ takes 32,766


def entries_insert(rows: list[Entry]) -> None:
    """Insert entries and set their ids.

    On SQLite (every `headway demo`) one multi-row INSERT … RETURNING per
    thousand rows, with the values adapted once: Django's bulk_create stops at
    999 parameters a statement and prepares every value through every field,
    which was a third of a bench-sized build. Elsewhere, bulk_create.
    """
    if connection.vendor != "sqlite":
        Entry.objects.bulk_create(rows)
        return
    now = stamp()
    table = connection.ops.quote_name(Entry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in ENTRY_COLUMNS)
    for start in range(0, len(rows), SQLITE_ROWS):
        chunk = rows[start : start + SQLITE_ROWS]
        values = ", ".join(
            ["(" + ", ".join(["%s"] * len(ENTRY_COLUMNS)) + ")"] * len(chunk)
        )
        params = [
            value
            for row in chunk
            for value in (
                row.owner_id, now, now, row.kind, row.title, row.body,
                day(row.occurred_on), row.numbers, row.example,
                row.achievement, row.result, row.starred,
                json.dumps(row.details), row.search_text, row.source_key,
            )
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} RETURNING id",
                params,
            )
            ids = [found for (found,) in cursor.fetchall()]
        for row, pk in zip(chunk, ids, strict=True):
            row.pk = pk


def pairs_insert(through: Any, column: str, rows: list[tuple[int, int]]) -> None:
    """Link rows in one `executemany`: a through table has nothing to clean or
    default, and Django's bulk_create spent most of a bench demo's time here."""
    if not rows:
        return
    rows_insert(through, ("entry_id", column), rows)
