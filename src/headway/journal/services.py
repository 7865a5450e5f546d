"""Every write to the log goes through these functions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.apps import apps
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from headway.core import text
from headway.core.models import labels_resolve, owned_rows
from headway.core.text import clean_text, date_clean, field_error
from headway.goals.models import Goal
from headway.growth.models import SKILL_NAME_MAX, Skill
from headway.journal import samples, search
from headway.journal.kinds import details_clean
from headway.journal.models import (
    BODY_MAX,
    NEAR_MAX,
    TAG_MAX,
    TITLE_MAX,
    Entry,
    EntryKind,
    SampleKind,
    Tag,
    WorkSample,
)


def occurred_on_parse(value: str | date | None, *, today: date | None = None) -> date:
    """Read a date the user wrote ("last friday", "2026-03-01"); today if empty."""
    today = today or timezone.localdate()
    return date_clean(value, field="occurred_on", today=today) or today


def tag_names_clean(names: Iterable[str]) -> list[str]:
    return text.tag_names_clean(names, max_length=TAG_MAX)


def tags_resolve(*, owner: Any, names: list[str]) -> list[Tag]:
    return labels_resolve(owner=owner, model=Tag, names=names)


def kind_validate(kind: str) -> str:
    if kind not in EntryKind.values:
        known = ", ".join(EntryKind.values)
        raise field_error(
            "kind", f"Unknown kind {kind!r}; use one of: {known}.", "kind"
        )
    return kind


def entry_create(
    *,
    owner: Any,
    title: str,
    kind: str = EntryKind.NOTE,
    body: str = "",
    occurred_on: str | date | None = None,
    tags: Iterable[str] = (),
    numbers: str = "",
    example: str = "",
    achievement: str = "",
    result: str = "",
    starred: bool = False,
    details: dict[str, Any] | None = None,
    goal_ids: Iterable[int] = (),
    contact_ids: Iterable[int] = (),
    skills: Iterable[str] = (),
    attachments: Iterable[Any] = (),
    links: Iterable[str] = (),
) -> Entry:
    """Log one entry; nothing is saved unless all of it is valid.

    Goals and contacts are named by id and resolved through the owner, so an
    id of someone else's goal is refused as if it did not exist. Attachments
    (file objects) and links become work samples; a failing file means no
    entry.
    """
    kind = kind_validate(kind)
    entry = Entry(
        owner=owner,
        kind=kind,
        occurred_on=occurred_on_parse(occurred_on),
        starred=starred,
        details=details_clean(kind, details),
        **_texts(
            title=title,
            body=body,
            numbers=numbers,
            example=example,
            achievement=achievement,
            result=result,
        ),
    )
    tag_names = tag_names_clean(tags)
    skill_names = skill_names_clean(skills)
    goals = owned_rows(owner=owner, model=Goal, ids=goal_ids, field="goals")
    # The network sits above the log: its contacts are named, not imported.
    contact_model = apps.get_model("network", "Contact")
    contacts = owned_rows(
        owner=owner, model=contact_model, ids=contact_ids, field="contacts"
    )
    entry.full_clean(exclude=["search_text"])
    urls = samples.links_check(links)
    files = samples.files_check(attachments)
    names = [item.name for item in files] + [samples.link_name(url) for url in urls]
    entry.search_text = search.entry_document(entry, tags=tag_names, samples=names)
    created_blobs = samples.blobs_store(files)
    try:
        with transaction.atomic():
            entry.save()
            search.index_replace(pk=entry.pk, old_text=None, new_text=entry.search_text)
            if tag_names:
                entry.tags.set(tags_resolve(owner=owner, names=tag_names))
            if skill_names:
                entry.skills.set(skills_resolve(owner=owner, names=skill_names))
            entry.goals.set(goals)
            entry.contacts.set(contacts)
            _samples_save(entry=entry, files=files, urls=urls)
    except BaseException:
        samples.blobs_remove(created_blobs)
        raise
    return entry


def _texts(**values: str) -> dict[str, str]:
    limits = {"title": TITLE_MAX, "body": BODY_MAX}
    return {
        field: clean_text(
            value or "",
            field=field,
            max_length=limits.get(field, NEAR_MAX),
            required=field == "title",
        )
        for field, value in values.items()
    }


def _samples_save(
    *, entry: Entry, files: list[samples.CheckedFile], urls: list[str]
) -> None:
    rows = [
        WorkSample(
            owner=entry.owner,
            entry=entry,
            kind=SampleKind.FILE,
            name=item.name,
            sha256=item.sha256,
            size=item.size,
            content_type=item.content_type,
        )
        for item in files
    ] + [
        WorkSample(
            owner=entry.owner,
            entry=entry,
            kind=SampleKind.LINK,
            name=samples.link_name(url),
            url=url,
        )
        for url in urls
    ]
    if rows:
        WorkSample.objects.bulk_create(rows)


def entry_update(
    *,
    owner: Any,
    pk: int,
    title: str | None = None,
    kind: str | None = None,
    body: str | None = None,
    occurred_on: str | date | None = None,
    tags: Iterable[str] | None = None,
    numbers: str | None = None,
    example: str | None = None,
    achievement: str | None = None,
    result: str | None = None,
    starred: bool | None = None,
    details: dict[str, Any] | None = None,
    attachments: Iterable[Any] = (),
    links: Iterable[str] = (),
) -> Entry:
    """Change the fields given (None leaves a field as it is); all or nothing."""
    entry = _owned_entry(owner=owner, pk=pk)
    old_text = entry.search_text
    if kind is not None:
        entry.kind = kind_validate(kind)
    texts = {
        "title": title,
        "body": body,
        "numbers": numbers,
        "example": example,
        "achievement": achievement,
        "result": result,
    }
    for field, value in _texts(
        **{k: v for k, v in texts.items() if v is not None}
    ).items():
        setattr(entry, field, value)
    if occurred_on is not None:
        entry.occurred_on = occurred_on_parse(occurred_on)
    if starred is not None:
        entry.starred = starred
    entry.details = details_clean(
        entry.kind, entry.details if details is None else details
    )
    tag_names = entry.tag_names if tags is None else tag_names_clean(tags)
    entry.full_clean(exclude=["search_text"])
    urls = samples.links_check(links)
    files = samples.files_check(attachments)
    names = [s.name for s in entry.samples.all()]
    names += [item.name for item in files] + [samples.link_name(u) for u in urls]
    entry.search_text = search.entry_document(entry, tags=tag_names, samples=names)
    created_blobs = samples.blobs_store(files)
    try:
        with transaction.atomic():
            entry.save()
            search.index_replace(
                pk=entry.pk, old_text=old_text, new_text=entry.search_text
            )
            if tags is not None:
                entry.tags.set(tags_resolve(owner=owner, names=tag_names))
            _samples_save(entry=entry, files=files, urls=urls)
    except BaseException:
        samples.blobs_remove(created_blobs)
        raise
    return entry


def entry_attach(
    *, owner: Any, pk: int, attachments: Iterable[Any] = (), links: Iterable[str] = ()
) -> Entry:
    """Add work samples to an entry that exists."""
    return entry_update(owner=owner, pk=pk, attachments=attachments, links=links)


def entry_delete(*, owner: Any, pk: int) -> None:
    """Delete an entry with its work samples; files nobody else uses go too."""
    entry = _owned_entry(owner=owner, pk=pk)
    digests = list(entry.samples.values_list("sha256", flat=True))
    with transaction.atomic():
        search.index_replace(pk=entry.pk, old_text=entry.search_text, new_text=None)
        entry.delete()
        transaction.on_commit(
            lambda: samples.blobs_remove(samples.blobs_unreferenced(digests))
        )


def _owned_entry(*, owner: Any, pk: int) -> Entry:
    entry: Entry = get_object_or_404(Entry.objects.for_owner(owner), pk=pk)
    return entry


def skill_names_clean(names: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in names:
        name = " ".join(
            clean_text(
                raw, field="skills", max_length=SKILL_NAME_MAX, required=False
            ).split()
        )
        if name and name.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(name)
    return cleaned


def skills_resolve(*, owner: Any, names: list[str]) -> list[Skill]:
    """Find the owner's skills by name (case, accents, aliases), creating the
    missing ones: growth's forgiving match, so "k8s" lands on "Kubernetes"."""
    from headway.growth.services import skills_resolve as growth_resolve

    return growth_resolve(owner=owner, names=names)
