"""Reads of the network: the due list, lookups by name, timelines and stats.

The last touch of a contact is computed, never stored: it is the latest of its
interactions and of the log entries linked to it, so a touch logged from any
door (a meeting entry, a feedback from them) resets the clock at once. Two
grouped queries over indexed columns keep it fast at 100,000 interactions.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from django.db import connection
from django.db.models import Max, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from headway.coach import network as coach
from headway.core.errors import HeadwayError, NotFound
from headway.core.text import filter_text
from headway.journal.models import Entry, EntryKind
from headway.network.models import (
    CadenceTier,
    Contact,
    ContactTag,
    Interaction,
    MentorQuestion,
)
from headway.network.services import preferences_get


@dataclass(frozen=True)
class Touches:
    last: date | None = None
    last_thanks: date | None = None
    open_promise: date | None = None
    last_meeting: date | None = None
    given: int = 0
    received: int = 0


def _later(first: date | None, second: date | None) -> date | None:
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second)


def _entry_touches(
    *, owner: Any, contact_ids: list[int] | None
) -> dict[int, tuple[date | None, date | None]]:
    """Per contact: the latest linked log entry, and the latest meeting entry."""
    links = Entry.contacts.through.objects.filter(contact__owner=owner)
    if contact_ids is not None:
        links = links.filter(contact_id__in=contact_ids)
    rows = (
        links.order_by()
        .values("contact_id")
        .annotate(
            last=Max("entry__occurred_on"),
            meeting=Max("entry__occurred_on", filter=Q(entry__kind=EntryKind.MEETING)),
        )
    )
    return {row["contact_id"]: (row["last"], row["meeting"]) for row in rows}


_SUMMARY = (
    "id", "last_interaction_on", "last_thanks_on", "open_promise_on", "help_given",
    "help_received",
)  # fmt: skip


def _touches(row: dict[str, Any], entries: tuple[date | None, date | None]) -> Touches:
    return Touches(
        last=_later(row["last_interaction_on"], entries[0]),
        last_thanks=row["last_thanks_on"],
        open_promise=row["open_promise_on"],
        last_meeting=entries[1],
        given=row["help_given"],
        received=row["help_received"],
    )


def touches_by_contact(
    *, owner: Any, contact_ids: list[int] | None = None
) -> dict[int, Touches]:
    """Per contact: latest touch, open promise, last meeting, help counts.

    Interactions come from the contact's summary columns; log entries that
    name the contact are read live, so a meeting logged anywhere counts.
    """
    contacts = Contact.objects.for_owner(owner)
    if contact_ids is not None:
        contacts = contacts.filter(pk__in=contact_ids)
    entries = _entry_touches(owner=owner, contact_ids=contact_ids)
    return {
        row["id"]: _touches(row, entries.get(row["id"], (None, None)))
        for row in contacts.order_by().values(*_SUMMARY)
    }


def tiers_for(*, owner: Any) -> dict[int, coach.Cadence]:
    tiers = coach.default_tiers()
    for tier in CadenceTier.objects.for_owner(owner):
        tiers[tier.strength] = coach.Cadence(tier.ideal_days, tier.max_days)
    return tiers


def _tags_by_contact(*, owner: Any) -> dict[int, list[str]]:
    through = Contact.tags.through.objects.filter(contact__owner=owner)
    tags: dict[int, list[str]] = {}
    for contact_id, name in through.values_list("contact_id", "contacttag__name"):
        tags.setdefault(contact_id, []).append(name)
    return tags


@dataclass(frozen=True)
class DueRow:
    item: coach.DueItem
    organisation: str
    tags: list[str]
    reason: str = ""  # "follow-up · 5 days late · met at KubeCon"


_DUE_FIELDS = (
    *_SUMMARY, "name", "organisation", "strength", "met_on", "met_where", "created",
    "cadence_ideal_days", "cadence_max_days", "follow_up_since", "follow_up_by",
)  # fmt: skip
_DueFields = namedtuple("_DueFields", _DUE_FIELDS)  # type: ignore[misc]


def _due_rows(*, owner: Any, contact_ids: list[int] | None = None) -> list[Any]:
    """Every contact's due-list columns, read straight from the cursor.

    At 5,000 contacts the ORM's per-value converters cost as much as the rest
    of the due list (bench/bench_network.py). Both drivers already return
    dates as dates; the one datetime, `created`, is made aware where it is read.
    """
    contacts = Contact.objects.for_owner(owner).order_by()
    if contact_ids is not None:
        contacts = contacts.filter(pk__in=contact_ids)
    sql, params = contacts.values_list(*_DUE_FIELDS).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [_DueFields._make(row) for row in cursor.fetchall()]


def _started_on(row: Any) -> date:
    if row.met_on is not None:
        met_on: date = row.met_on
        return met_on
    created = row.created
    if timezone.is_naive(created):  # SQLite keeps UTC without a zone
        created = created.replace(tzinfo=UTC)
    return timezone.localdate(created)


def _facts(
    row: Any,
    entries: tuple[date | None, date | None],
    tiers: dict[int, coach.Cadence],
    tags: list[str],
) -> coach.ContactFacts:
    return coach.ContactFacts(
        id=row.id,
        name=row.name,
        strength=row.strength,
        cadence=coach.cadence_for(
            strength=row.strength,
            tiers=tiers,
            ideal_override=row.cadence_ideal_days,
            max_override=row.cadence_max_days,
        ),
        started_on=_started_on(row),
        last_touch=_later(row.last_interaction_on, entries[0]),
        tags=tuple(sorted(tags)),
        follow_up_since=row.follow_up_since,
        follow_up_by=row.follow_up_by,
        open_promise_on=row.open_promise_on,
        last_mentor_meeting=entries[1],
        last_message_after_meeting=row.last_thanks_on,
    )


def due_list(
    *, owner: Any, today: date | None = None, tagged: str | None = None
) -> list[DueRow]:
    """The due list in five queries, reading one row per contact (per contact
    with the tag `tagged` when given: the mentors, for drift's suggestions)."""
    today = today or timezone.localdate()
    tiers = tiers_for(owner=owner)
    tags = _tags_by_contact(owner=owner)
    ids = None if tagged is None else [k for k, v in tags.items() if tagged in v]
    if ids == []:
        return []
    entries = _entry_touches(owner=owner, contact_ids=ids)
    rows = _due_rows(owner=owner, contact_ids=ids)
    organisation = {row.id: row.organisation for row in rows}
    met_where = {row.id: row.met_where for row in rows}
    facts = [
        _facts(row, entries.get(row.id, (None, None)), tiers, tags.get(row.id, []))
        for row in rows
    ]
    return [
        DueRow(
            item,
            organisation[item.contact_id],
            sorted(tags.get(item.contact_id, [])),
            coach.due_line(item, today, met_where=met_where[item.contact_id]),
        )
        for item in coach.due_list(facts, today, _rhythm(owner=owner))
    ]


def _rhythm(*, owner: Any) -> coach.MentorRhythm:
    preferences = preferences_get(owner=owner)
    return coach.MentorRhythm(
        update_days=preferences.mentor_update_days,
        thanks_days=preferences.mentor_thanks_days,
    )


def contacts_filtered(
    *, owner: Any, tag: str = "", query: str = "", strength_min: int | None = None
) -> QuerySet[Contact]:
    contacts = Contact.objects.for_owner(owner)
    tag, query = filter_text(tag), filter_text(query)
    if tag:
        contacts = contacts.filter(tags__name=tag.lstrip("#").lower())
    if query:
        for word in query.split():
            contacts = contacts.filter(
                Q(name__icontains=word)
                | Q(organisation__icontains=word)
                | Q(role__icontains=word)
            )
    if strength_min:
        contacts = contacts.filter(strength__gte=strength_min)
    found: QuerySet[Contact] = contacts.prefetch_related(
        Prefetch("tags", queryset=ContactTag.objects.order_by("name"))
    )
    return found


def last_touches(*, owner: Any, contacts: list[Contact]) -> dict[int, date | None]:
    ids = [contact.pk for contact in contacts]
    touches = touches_by_contact(owner=owner, contact_ids=ids)
    return {pk: touches.get(pk, Touches()).last for pk in ids}


def contact_get(*, owner: Any, pk: int) -> Contact:
    contact: Contact = get_object_or_404(
        Contact.objects.for_owner(owner).prefetch_related("tags"), pk=pk
    )
    return contact


def contact_find(*, owner: Any, name_or_id: str) -> Contact:
    """A contact by id or by a forgiving name; an ambiguity lists the candidates."""
    text = name_or_id.strip()
    if text.isdigit():
        found = Contact.objects.for_owner(owner).filter(pk=int(text)).first()
        if found is not None:
            contact: Contact = found
            return contact
    candidates = list(Contact.objects.for_owner(owner).values_list("id", "name"))
    ids = coach.match_name(text, candidates)
    if not ids:
        raise NotFound(
            f"No contact matches {text!r}; `headway contact list` shows them all."
        )
    if len(ids) > 1:
        names = dict(candidates)
        listed = "; ".join(f"{names[pk]} (id {pk})" for pk in ids[:10])
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        raise HeadwayError(
            f"{text!r} matches {len(ids)} contacts: {listed}{more}. "
            "Use more of the name or the id."
        )
    match: Contact = (
        Contact.objects.for_owner(owner).prefetch_related("tags").get(pk=ids[0])
    )
    return match


@dataclass(frozen=True)
class TimelineItem:
    occurred_on: date
    kind: str
    label: str
    notes: str
    entry_id: int | None = None
    interaction_id: int | None = None
    promised: bool = False


def contact_timeline(*, owner: Any, contact: Contact) -> list[TimelineItem]:
    """Touches and linked log entries, newest first."""
    items = [
        TimelineItem(
            occurred_on=touch.occurred_on,
            kind=touch.kind,
            label=touch.get_kind_display(),
            notes=touch.notes,
            interaction_id=touch.pk,
            promised=touch.promised,
        )
        for touch in Interaction.objects.for_owner(owner).filter(contact=contact)
    ]
    items += [
        TimelineItem(
            occurred_on=entry.occurred_on,
            kind=f"entry-{entry.kind}",
            label=entry.title,
            notes="",
            entry_id=entry.pk,
        )
        for entry in Entry.objects.for_owner(owner)
        .filter(contacts=contact)
        .only("id", "occurred_on", "kind", "title")
    ]
    items.sort(key=lambda item: (item.occurred_on, item.entry_id or 0), reverse=True)
    return items


def reciprocity_of(*, owner: Any, contact: Contact) -> coach.Reciprocity:
    touches = touches_by_contact(owner=owner, contact_ids=[contact.pk])
    known = touches.get(contact.pk, Touches())
    return coach.Reciprocity(known.given, known.received)


def contact_state(*, owner: Any, contact: Contact, today: date) -> coach.DueItem | None:
    """One contact's place in the due list, read the way the due list reads it."""
    (row,) = _due_rows(owner=owner, contact_ids=[contact.pk])
    entries = _entry_touches(owner=owner, contact_ids=[contact.pk])
    facts = _facts(
        row, entries.get(contact.pk, (None, None)), tiers_for(owner=owner),
        contact.tag_names,
    )  # fmt: skip
    return coach.contact_due(facts, today, _rhythm(owner=owner))


@dataclass(frozen=True)
class NetworkStats:
    size: int
    strong_ties: int
    by_strength: dict[int, int]
    reciprocity: coach.Reciprocity
    growth: list[coach.GrowthYear]
    top_givers: list[tuple[str, coach.Reciprocity]]


def network_stats(*, owner: Any) -> NetworkStats:
    """One query: every contact's strength, start and help summary."""
    contacts = list(
        Contact.objects.for_owner(owner)
        .order_by()
        .values_list(
            "name", "strength", "met_on", "created", "help_given", "help_received"
        )
    )
    by_strength = dict.fromkeys(range(5, 0, -1), 0)
    joined = []
    exchanged = []
    for name, strength, met_on, created, given, received in contacts:
        by_strength[strength] += 1
        joined.append((met_on or timezone.localdate(created), strength))
        if given or received:
            exchanged.append((name, coach.Reciprocity(given, received)))
    exchanged.sort(key=lambda pair: (-(pair[1].given + pair[1].received), pair[0]))
    return NetworkStats(
        size=len(contacts),
        strong_ties=by_strength[5] + by_strength[4],
        by_strength=by_strength,
        reciprocity=coach.reciprocity_total(found for _, found in exchanged),
        growth=coach.growth_by_year(joined),
        top_givers=exchanged[:10],
    )


def open_questions(*, owner: Any, contact: Contact) -> list[MentorQuestion]:
    return list(
        MentorQuestion.objects.for_owner(owner).filter(
            contact=contact, asked_on__isnull=True
        )
    )


def contact_as_dict(contact: Contact, *, last_touch: date | None) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "name": contact.name,
        "organisation": contact.organisation,
        "role": contact.role,
        "strength": contact.strength,
        "tags": contact.tag_names,
        "last_touch": last_touch.isoformat() if last_touch else None,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "links": list(contact.links),
        "profile_url": contact.profile_url,
        "met_how": contact.met_how,
        "met_where": contact.met_where,
        "met_on": contact.met_on.isoformat() if contact.met_on else None,
        "notes": contact.notes,
        "cadence_ideal_days": contact.cadence_ideal_days,
        "cadence_max_days": contact.cadence_max_days,
    }


def due_as_dict(row: DueRow) -> dict[str, Any]:
    item = row.item
    return {
        "id": item.contact_id,
        "name": item.name,
        "organisation": row.organisation,
        "strength": item.strength,
        "tags": row.tags,
        "last_touch": item.last_touch.isoformat() if item.last_touch else None,
        "state": item.state,
        "due_on": item.due_on.isoformat(),
        "days_late": item.days_late,
        "reasons": list(item.reasons),
    }


def stats_as_dict(stats: NetworkStats) -> dict[str, Any]:
    return {
        "size": stats.size,
        "strong_ties": stats.strong_ties,
        "by_strength": {str(k): v for k, v in stats.by_strength.items()},
        "help_given": stats.reciprocity.given,
        "help_received": stats.reciprocity.received,
        "reciprocity": stats.reciprocity.summary,
        "growth": [
            {
                "year": year.year,
                "added": year.added,
                "strong_added": year.strong_added,
                "total": year.total,
                "strong_total": year.strong_total,
            }
            for year in stats.growth
        ],
        "exchanges": [
            {"name": name, "given": found.given, "received": found.received}
            for name, found in stats.top_givers
        ],
    }
