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
from django.db import transaction

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
        names = sorted({name for _, tags in rows for name in tags})
        tags = {tag.name: tag for tag in tags_resolve(owner=owner, names=names)}
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            _insert(batch, tags)
            if progress:
                progress(len(batch))
    for entry, _ in rows:
        summary.by_kind[entry.kind] = summary.by_kind.get(entry.kind, 0) + 1
    summary.created = len(rows)
    return summary


def _entry(owner: Any, record: ImportRecord) -> tuple[Entry, list[str]]:
    try:
        tags = tag_names_clean(record.tags)
        entry = Entry(
            owner=owner,
            kind=record.kind if record.kind in EntryKind.values else EntryKind.NOTE,
            title=clean_text(
                record.title, field="title", max_length=TITLE_MAX, required=True
            ),
            body=clean_text(
                record.body, field="body", max_length=BODY_MAX, required=False
            ),
            occurred_on=record.occurred_on,
            starred=record.starred,
            source_key=record.key,
        )
    except ValidationError as error:
        where = f"line {record.line}: " if record.line else ""
        raise ValidationError(f"{where}{' '.join(error.messages)}") from None
    entry.search_text = search.entry_document(entry, tags=tags, samples=())
    return entry, tags


def _insert(batch: list[tuple[Entry, list[str]]], tags: dict[str, Any]) -> None:
    created = Entry.objects.bulk_create([entry for entry, _ in batch])
    links = [
        Entry.tags.through(entry_id=entry.pk, tag_id=tags[name].pk)
        for entry, (_, names) in zip(created, batch, strict=True)
        for name in names
    ]
    Entry.tags.through.objects.bulk_create(links)
    search.index_add_many((entry.pk, entry.search_text) for entry in created)
