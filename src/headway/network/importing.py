"""Contacts from a file: all or nothing, and the same file twice creates nothing new.

A record matches an existing contact by profile URL, then by email, then by
exact name and organisation (case and spacing aside). A match keeps the
owner's contact and only fills fields it leaves blank. Records are checked
first; one bad record refuses the whole file with every line that is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from headway.core.errors import HeadwayError, error_text
from headway.core.models import bulk_write_done
from headway.core.text import clean_text
from headway.exchange.contact_records import ContactRecord, ContactSource
from headway.network import cleaning
from headway.network.models import (
    NAME_MAX,
    NOTES_MAX,
    ORG_MAX,
    ROLE_MAX,
    WHERE_MAX,
    Contact,
)
from headway.network.services import tags_resolve

BATCH = 1_000
PREVIEW_NAMES = 20
# A file with more wrong lines than this lists the first ones only.
ERRORS_KEPT = 1_000


class ImportRejected(HeadwayError):
    """The file has errors; nothing was imported."""

    status = 422

    def __init__(self, errors: list[str]) -> None:
        shown = "; ".join(errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"Nothing imported: {shown}{more}.")
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    matched: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)
    matched_names: list[str] = field(default_factory=list)
    # After the write: (id, name) of the first new contacts, for links to them.
    new_contacts: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "matched": self.matched,
            "skipped": self.skipped,
            "errors": self.errors,
        }


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(slots=True)
class _Draft:
    """A contact being imported: lighter than a model instance, 30,000 times over."""

    pk: int | None
    name: str
    organisation: str
    role: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    profile_url: str = ""
    met_how: str = ""
    met_where: str = ""
    met_on: date | None = None
    strength: int = 2
    notes: str = ""


def _clean(record: ContactRecord, *, default_strength: int) -> _Draft:
    """A draft with every field checked, or a ValidationError."""
    return _Draft(
        pk=None,
        name=" ".join(
            clean_text(
                record.name, field="name", max_length=NAME_MAX, required=True
            ).split()
        ),
        organisation=clean_text(
            record.organisation, field="organisation", max_length=ORG_MAX,
            required=False,
        ),
        role=clean_text(record.role, field="role", max_length=ROLE_MAX, required=False),
        emails=cleaning.emails_clean(record.emails),
        phones=cleaning.phones_clean(record.phones),
        links=cleaning.links_clean(record.links),
        profile_url=cleaning.profile_url_clean(record.profile_url),
        met_how=cleaning.met_how_clean(record.met_how),
        met_where=clean_text(
            record.met_where, field="met_where", max_length=WHERE_MAX, required=False
        ),
        met_on=record.met_on,
        strength=cleaning.strength_clean(record.strength or default_strength),
        notes=clean_text(
            record.notes, field="notes", max_length=NOTES_MAX, required=False
        ),
    )  # fmt: skip


_SEEN = _Draft(pk=None, name="", organisation="")


class _Index:
    """The owner's contacts by profile URL, email, and name + organisation."""

    def __init__(self, owner: Any) -> None:
        self.by_url: dict[str, _Draft] = {}
        self.by_email: dict[str, _Draft] = {}
        self.by_name: dict[tuple[str, str], _Draft] = {}
        rows = Contact.objects.for_owner(owner).values_list(
            "id", "name", "organisation", "role", "profile_url", "emails", "met_on"
        )
        for pk, name, organisation, role, profile_url, emails, met_on in rows:
            self.add(
                _Draft(
                    pk=pk, name=name, organisation=organisation, role=role,
                    profile_url=profile_url, emails=list(emails), met_on=met_on,
                )
            )  # fmt: skip

    def add(self, contact: _Draft) -> None:
        if contact.profile_url:
            self.by_url.setdefault(contact.profile_url, contact)
        for email in contact.emails:
            self.by_email.setdefault(email.lower(), contact)
        self.by_name.setdefault(
            (_key(contact.name), _key(contact.organisation)), contact
        )

    def add_seen(self, contact: _Draft) -> None:
        """Remember only that this person is in the file (a preview)."""
        if contact.profile_url:
            self.by_url.setdefault(contact.profile_url, _SEEN)
        for email in contact.emails:
            self.by_email.setdefault(email.lower(), _SEEN)
        self.by_name.setdefault((_key(contact.name), _key(contact.organisation)), _SEEN)

    def match(self, candidate: _Draft) -> _Draft | None:
        if candidate.profile_url and candidate.profile_url in self.by_url:
            return self.by_url[candidate.profile_url]
        for email in candidate.emails:
            if email.lower() in self.by_email:
                return self.by_email[email.lower()]
        return self.by_name.get((_key(candidate.name), _key(candidate.organisation)))


def _fill_blanks(existing: _Draft, incoming: _Draft) -> bool:
    """Complete a matched contact without overwriting what the owner wrote."""
    changed = False
    for name in ("profile_url", "organisation", "role", "met_on"):
        if not getattr(existing, name) and getattr(incoming, name):
            setattr(existing, name, getattr(incoming, name))
            changed = True
    known = {email.lower() for email in existing.emails}
    extra = [email for email in incoming.emails if email.lower() not in known]
    if extra:
        existing.emails = [*existing.emails, *extra]
        changed = True
    return changed


@dataclass
class _Plan:
    report: ImportReport
    new: list[tuple[_Draft, list[str]]] = field(default_factory=list)
    updated: dict[int, _Draft] = field(default_factory=dict)


def _plan(
    *,
    owner: Any,
    parsed: ContactSource,
    default_strength: int,
    extra_tags: Iterable[str],
    progress: Callable[[int], None] | None,
    keep: bool = True,
) -> _Plan:
    """What the import would do. `keep=False` (a preview) keeps no record, only
    what finds the same person twice: memory grows with the people in the
    file, never with its text (the records may be a stream being read)."""
    plan = _Plan(ImportReport())
    index = _Index(owner)
    extra = list(extra_tags)
    errors: list[str] = []
    for record in parsed.records:
        if progress:
            progress(1)
        try:
            candidate = _clean(record, default_strength=default_strength)
            tags = cleaning.tag_names_clean([*record.tags, *extra])
        except ValidationError as error:
            if len(errors) < ERRORS_KEPT:
                errors.append(f"Line {record.line}: {error_text(error)}")
            continue
        _place(plan, index, candidate, tags, keep=keep)
    # Read once the records are exhausted: a stream finds its errors as it goes.
    plan.report.skipped += parsed.skipped
    plan.report.errors = [*parsed.errors, *errors][:ERRORS_KEPT]
    return plan


def _place(
    plan: _Plan, index: _Index, candidate: _Draft, tags: list[str], *, keep: bool
) -> None:
    report = plan.report
    existing = index.match(candidate)
    if existing is None:
        if keep:
            plan.new.append((candidate, tags))
            index.add(candidate)
        else:
            index.add_seen(candidate)
        report.created += 1
        if len(report.new_names) < PREVIEW_NAMES:
            report.new_names.append(candidate.name)
    elif existing.pk is None:
        report.skipped += 1  # the same person twice in one file
    else:
        report.matched += 1
        if keep and _fill_blanks(existing, candidate):
            plan.updated[existing.pk] = existing
        if len(report.matched_names) < PREVIEW_NAMES:
            report.matched_names.append(existing.name)


def contacts_import_preview(
    *,
    owner: Any,
    parsed: ContactSource,
    default_strength: int = 2,
    extra_tags: Iterable[str] = (),
) -> ImportReport:
    """What an import would do (new, matched, errors), writing nothing."""
    return _plan(
        owner=owner,
        parsed=parsed,
        default_strength=default_strength,
        extra_tags=extra_tags,
        progress=None,
        keep=False,
    ).report


def contacts_import(
    *,
    owner: Any,
    parsed: ContactSource,
    default_strength: int = 2,
    extra_tags: Iterable[str] = (),
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create the new contacts and complete the matched ones, in one transaction."""
    plan = _plan(
        owner=owner,
        parsed=parsed,
        default_strength=default_strength,
        extra_tags=extra_tags,
        progress=progress,
    )
    if plan.report.errors:
        raise ImportRejected(plan.report.errors)
    with transaction.atomic():
        _write(owner=owner, plan=plan)
    bulk_write_done()
    plan.report.new_contacts = [
        (draft.pk, draft.name)
        for draft, _ in plan.new[:PREVIEW_NAMES]
        if draft.pk is not None
    ]
    return plan.report


def _write(*, owner: Any, plan: _Plan) -> None:
    _insert_returning_ids(owner, [draft for draft, _ in plan.new])
    if plan.updated:
        Contact.objects.bulk_update(
            [
                Contact(
                    pk=draft.pk,
                    owner=owner,
                    name=draft.name,
                    profile_url=draft.profile_url,
                    organisation=draft.organisation,
                    role=draft.role,
                    met_on=draft.met_on,
                    emails=draft.emails,
                )
                for draft in plan.updated.values()
            ],
            ["profile_url", "organisation", "role", "met_on", "emails"],
            batch_size=BATCH,
        )
    names = sorted({name for _, tags in plan.new for name in tags})
    if not names:
        return
    tags_by_name = {tag.name: tag.pk for tag in tags_resolve(owner=owner, names=names)}
    through = Contact.tags.through._meta.db_table
    pairs = [
        (contact.pk, tags_by_name[name]) for contact, tags in plan.new for name in tags
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {through} (contact_id, contacttag_id) VALUES (%s, %s)", pairs
        )


# The columns an import writes; the rest keep their database defaults of None.
_COLUMNS = (
    "owner_id", "created", "updated", "name", "organisation", "role", "emails",
    "phones", "links", "profile_url", "met_how", "met_where", "met_on", "strength",
    "notes", "help_given", "help_received",
)  # fmt: skip
_ROWS_PER_INSERT = 500


def _insert_returning_ids(owner: Any, contacts: list[_Draft]) -> None:
    """Insert in multi-row statements with RETURNING, as bulk_create does, but
    without the ORM's per-field work, which dominates at 30,000 rows.

    SQLite (3.35+) and PostgreSQL both return the ids in insertion order; Django's
    own bulk_create relies on the same guarantee.
    """
    now = timezone.now()
    table = Contact._meta.db_table
    columns = ", ".join(_COLUMNS)
    one_row = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(contacts), _ROWS_PER_INSERT):
            batch = contacts[start : start + _ROWS_PER_INSERT]
            values = [
                value for contact in batch for value in _row(owner.pk, contact, now)
            ]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES "
                + ", ".join([one_row] * len(batch))
                + " RETURNING id",
                values,
            )
            for contact, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                contact.pk = pk


def _row(owner_id: int, contact: _Draft, now: Any) -> tuple[Any, ...]:
    return (
        owner_id, now, now, contact.name, contact.organisation, contact.role,
        json.dumps(contact.emails), json.dumps(contact.phones),
        json.dumps(contact.links), contact.profile_url, contact.met_how,
        contact.met_where, contact.met_on, contact.strength, contact.notes, 0, 0,
    )  # fmt: skip
