"""Many entries at once, for importers: all or nothing, and never twice.

One transaction, bulk inserts in batches, tags resolved once, the search
index filled in the same batches. Each entry carries a `source_key`; a key
already in the log is skipped, so importing the same file again creates
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from headway.core.models import bulk_write_done
from headway.core.text import clean_text
from headway.journal import search
from headway.journal.models import BODY_MAX, TITLE_MAX, Entry, EntryKind
from headway.journal.services import tag_names_clean, tags_resolve

BATCH = 2_000


@dataclass(frozen=True)
class ImportRecord:
    key: str
    title: str
    occurred_on: date
    body: str = ""
    tags: tuple[str, ...] = ()
    starred: bool = False
    kind: str = EntryKind.NOTE
    line: int = 0


@dataclass
class ImportSummary:
    created: int = 0
    skipped: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def entries_import(
    *,
    owner: Any,
    records: Sequence[ImportRecord],
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Create the records not imported before; one bad record saves nothing."""
    known = set(
        Entry.objects.for_owner(owner)
        .exclude(source_key="")
        .values_list("source_key", flat=True)
    )
    fresh: dict[str, ImportRecord] = {}
    for record in records:
        if record.key not in known:
            fresh.setdefault(record.key, record)
    rows = [_entry(owner, record) for record in fresh.values()]
    summary = ImportSummary(skipped=len(records) - len(rows))
    with transaction.atomic():
        names = sorted({name for row in rows for name in row.tags})
        tags = {tag.name: tag for tag in tags_resolve(owner=owner, names=names)}
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            _insert(batch, tags)
            if progress:
                progress(len(batch))
    bulk_write_done()
    for row in rows:
        summary.by_kind[row.kind] = summary.by_kind.get(row.kind, 0) + 1
    summary.created = len(rows)
    return summary


KINDS = frozenset(EntryKind.values)
COLUMNS = (
    "owner_id", "created", "updated", "kind", "title", "body", "occurred_on",
    "numbers", "example", "achievement", "result", "starred", "details",
    "search_text", "source_key",
)  # fmt: skip


@dataclass
class _Row:
    """One validated entry ready to insert; lighter than a model instance."""

    owner_id: int
    kind: str
    title: str
    body: str
    occurred_on: date
    starred: bool
    source_key: str
    tags: list[str]
    search_text: str = ""
    numbers: str = ""
    example: str = ""
    achievement: str = ""
    result: str = ""
    details: dict[str, Any] = field(default_factory=dict)


def _entry(owner: Any, record: ImportRecord) -> _Row:
    try:
        row = _Row(
            owner_id=owner.pk,
            kind=record.kind if record.kind in KINDS else EntryKind.NOTE,
            title=clean_text(
                record.title, field="title", max_length=TITLE_MAX, required=True
            ),
            body=clean_text(
                record.body, field="body", max_length=BODY_MAX, required=False
            ),
            occurred_on=record.occurred_on,
            starred=record.starred,
            source_key=record.key,
            tags=tag_names_clean(record.tags),
        )
    except ValidationError as error:
        where = f"line {record.line}: " if record.line else ""
        raise ValidationError(f"{where}{' '.join(error.messages)}") from None
    row.search_text = search.entry_document(row, tags=row.tags, samples=())
    return row


def _insert(batch: list[_Row], tags: dict[str, Any]) -> None:
    """Plain multi-row inserts: the ORM's per-object work would cost minutes here.

    The rows were validated in `_entry`; ids come back through the source keys.
    """
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    details = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    marks = ", ".join([*["%s"] * 12, details, "%s", "%s"])
    owner_id = batch[0].owner_id
    rows = [
        (owner_id, now, now, e.kind, e.title, e.body,
         ops.adapt_datefield_value(e.occurred_on), e.numbers, e.example,
         e.achievement, e.result, e.starred, "{}", e.search_text, e.source_key)
        for e in batch
    ]  # fmt: skip
    through = Entry.tags.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {Entry._meta.db_table} ({', '.join(COLUMNS)}) "
            f"VALUES ({marks})",
            rows,
        )
        ids = dict(
            Entry.objects.filter(
                owner_id=owner_id, source_key__in=[e.source_key for e in batch]
            ).values_list("source_key", "pk")
        )
        cursor.executemany(
            f"INSERT INTO {through} (entry_id, tag_id) VALUES (%s, %s)",
            [(ids[e.source_key], tags[name].pk) for e in batch for name in e.tags],
        )
    search.index_add_many((ids[e.source_key], e.search_text) for e in batch)
