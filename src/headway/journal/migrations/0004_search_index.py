"""The full-text index: FTS5 on SQLite, a GIN index on PostgreSQL.

Each database gets its own index through RunPython that checks the vendor,
so one migration history serves both modes.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS journal_entry_fts USING fts5("
    "search_text, content='journal_entry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "INSERT INTO journal_entry_fts(journal_entry_fts) VALUES ('rebuild')",
)
SQLITE_DROP = ("DROP TABLE IF EXISTS journal_entry_fts",)
POSTGRES_CREATE = (
    "CREATE INDEX IF NOT EXISTS journal_entry_search ON journal_entry "
    "USING GIN (to_tsvector('simple', search_text))",
)
POSTGRES_DROP = ("DROP INDEX IF EXISTS journal_entry_search",)


def _run(schema_editor: Any, statements: dict[str, tuple[str, ...]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, ()):
        schema_editor.execute(statement)


def create(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE})


def drop(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


class Migration(migrations.Migration):
    dependencies = [("journal", "0003_samples_and_search_text")]

    operations = [migrations.RunPython(create, drop)]
