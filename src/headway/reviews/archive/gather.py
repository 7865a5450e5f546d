"""The owner's rows as archive data, with archive-own ids (1, 2, … per kind)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from headway.exchange.archive import archive_write
from headway.journal.models import SampleKind, WorkSample
from headway.reviews.archive.kinds import (
    NOTES,
    Kind,
    encode,
    kinds,
    label_of,
    target_label,
)

SAMPLE_LABEL = WorkSample._meta.label_lower


@dataclass(frozen=True)
class Gathered:
    data: dict[str, Any]
    counts: dict[str, int]
    digests: tuple[str, ...]  # every stored sample file the rows name


def _usernames(ids: set[int]) -> dict[int, str]:
    user_model = get_user_model()
    rows = user_model._base_manager.filter(pk__in=ids).values_list(
        "pk", user_model.USERNAME_FIELD
    )
    return {pk: str(name) for pk, name in rows}


def _links(kind: Kind, field: Any, owner: Any) -> dict[int, list[int]]:
    """A many-to-many field's pairs (source pk → target pks) for the owner."""
    through: Any = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = through._base_manager.filter(
        **{f"{source}__{kind.owner_path}": owner}
    ).values_list(f"{source}_id", f"{target}_id")
    links: dict[int, list[int]] = defaultdict(list)
    for source_pk, target_pk in pairs:
        links[source_pk].append(target_pk)
    return links


def archive_gather(*, owner: Any) -> Gathered:
    """Every owned row, references rewritten to archive ids, in a fixed order."""
    ids: dict[str, dict[int, int]] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    digests: set[str] = set()
    for kind in kinds():
        names = [field.attname for field in kind.fields]
        values = list(kind.rows(owner).values("pk", *names))
        mine = {row["pk"]: number for number, row in enumerate(values, 1)}
        ids[kind.label] = mine
        user_ids = {
            row[field.attname]
            for field in kind.fields
            if field.is_relation and target_label(field) is None
            for row in values
            if row[field.attname] is not None
        }
        usernames = _usernames(user_ids) if user_ids else {}
        links = {field.name: _links(kind, field, owner) for field in kind.m2m}
        rows = []
        for row in values:
            item: dict[str, Any] = {"id": mine[row["pk"]]}
            for field in kind.fields:
                value = row[field.attname]
                if field.is_relation and value is not None:
                    label = target_label(field)
                    value = (
                        usernames.get(value)
                        if label is None
                        else ids.get(label, {}).get(value)
                    )
                item[field.name] = encode(value)
            for field in kind.m2m:
                target_ids = ids[label_of(field.related_model)]
                item[field.name] = sorted(
                    target_ids[pk]
                    for pk in links[field.name].get(row["pk"], [])
                    if pk in target_ids
                )
            rows.append(item)
            if kind.label == SAMPLE_LABEL and row["kind"] == SampleKind.FILE:
                digests.add(row["sha256"])
        out[kind.label] = rows
    counts = {label: len(rows) for label, rows in out.items()}
    return Gathered({"models": out}, counts, tuple(sorted(digests)))


def blob_name(digest: str) -> str:
    return WorkSample(sha256=digest).blob_name


def archive_export(*, owner: Any, target: IO[bytes]) -> Gathered:
    """Write the owner's archive to `target` (a binary file open for writing)."""
    gathered = archive_gather(owner=owner)
    stored = [d for d in gathered.digests if default_storage.exists(blob_name(d))]
    missing = sorted(set(gathered.digests) - set(stored))
    notes = list(NOTES)
    if missing:
        notes.append(
            f"{len(missing)} sample file(s) were missing from storage when this "
            f"archive was made: {', '.join(missing)}."
        )

    def opener(digest: str) -> Any:
        return lambda: default_storage.open(blob_name(digest), "rb")

    archive_write(
        target,
        data=gathered.data,
        samples=[(digest, opener(digest)) for digest in stored],
        notes=notes,
    )
    return gathered
