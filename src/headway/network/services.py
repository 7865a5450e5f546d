"""Every write to the network: contacts, touches, cadences and preferences."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from headway.core.models import Trash, labels_resolve, owned_rows
from headway.core.text import clean_text, field_error
from headway.core.trash import trash_delete, trash_dependents
from headway.goals.models import Goal
from headway.journal.models import Entry
from headway.network import cleaning
from headway.network.models import (
    NAME_MAX,
    NOTES_MAX,
    ORG_MAX,
    ROLE_MAX,
    STRENGTH_MAX,
    STRENGTH_MIN,
    WHERE_MAX,
    CadenceTier,
    Contact,
    ContactTag,
    Interaction,
    InteractionKind,
    MetHow,
    NetworkPreferences,
)

UNSET: Any = object()
EDITABLE_FIELDS = (
    "name", "organisation", "role", "emails", "phones", "links", "profile_url",
    "met_how", "met_where", "met_on", "strength", "notes", "cadence_ideal_days",
    "cadence_max_days", "follow_up_since", "follow_up_by", "updated",
)  # fmt: skip


def preferences_get(*, owner: Any) -> NetworkPreferences:
    """The owner's preferences; unsaved defaults until they edit them."""
    found = NetworkPreferences.objects.for_owner(owner).first()
    return found or NetworkPreferences(owner=owner)


def tags_resolve(*, owner: Any, names: list[str]) -> list[ContactTag]:
    return labels_resolve(owner=owner, model=ContactTag, names=names)


def _follow_up(
    contact: Contact, *, owner: Any, today: date, explicit: date | None = None
) -> None:
    """Someone met at an event is owed a follow-up within a few days."""
    if explicit is not None:
        contact.follow_up_since, contact.follow_up_by = today, explicit
        return
    if contact.met_how == MetHow.EVENT and contact.follow_up_since is None:
        since = contact.met_on or today
        days = preferences_get(owner=owner).event_follow_up_days
        contact.follow_up_since = since
        contact.follow_up_by = since + timedelta(days=days)


def _apply(contact: Contact, *, today: date, **values: Any) -> None:
    """Clean each given field onto the contact; UNSET fields stay as they are."""
    text_limits = {
        "name": NAME_MAX,
        "organisation": ORG_MAX,
        "role": ROLE_MAX,
        "met_where": WHERE_MAX,
        "notes": NOTES_MAX,
    }
    for name, limit in text_limits.items():
        if values.get(name, UNSET) is not UNSET:
            value = clean_text(
                values[name], field=name, max_length=limit, required=name == "name"
            )
            if name != "notes":
                value = " ".join(value.split())
            setattr(contact, name, value)
    cleaners = {
        "emails": cleaning.emails_clean,
        "phones": cleaning.phones_clean,
        "links": cleaning.links_clean,
        "strength": cleaning.strength_clean,
        "met_how": cleaning.met_how_clean,
        "profile_url": cleaning.profile_url_clean,
    }
    for name, cleaner in cleaners.items():
        if values.get(name, UNSET) is not UNSET:
            setattr(contact, name, cleaner(values[name]))
    if values.get("met_on", UNSET) is not UNSET:
        contact.met_on = cleaning.date_clean(
            values["met_on"], field="met_on", today=today
        )
    if values.get("cadence", UNSET) is not UNSET:
        ideal, maximum = values["cadence"]
        contact.cadence_ideal_days, contact.cadence_max_days = cleaning.cadence_clean(
            ideal, maximum
        )


def contact_create(
    *,
    owner: Any,
    name: str,
    organisation: str = "",
    role: str = "",
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    links: Iterable[str] = (),
    profile_url: str = "",
    met_how: str = "",
    met_where: str = "",
    met_on: str | date | None = None,
    strength: int | str = 3,
    tags: Iterable[str] = (),
    notes: str = "",
    cadence_ideal_days: int | None = None,
    cadence_max_days: int | None = None,
    today: date | None = None,
) -> Contact:
    """Add a contact; met at an event means a follow-up is owed within days."""
    today = today or timezone.localdate()
    contact = Contact(owner=owner)
    _apply(
        contact,
        today=today,
        name=name,
        organisation=organisation,
        role=role,
        emails=list(emails),
        phones=list(phones),
        links=list(links),
        profile_url=profile_url,
        met_how=met_how,
        met_where=met_where,
        met_on=met_on,
        strength=strength,
        notes=notes,
        cadence=(cadence_ideal_days, cadence_max_days),
    )
    tag_names = cleaning.tag_names_clean(tags)
    _follow_up(contact, owner=owner, today=today)
    contact.full_clean()
    with transaction.atomic():
        contact.save()
        if tag_names:
            contact.tags.set(tags_resolve(owner=owner, names=tag_names))
    return contact


def contact_update(
    *, owner: Any, contact: Contact, today: date | None = None, **changes: Any
) -> Contact:
    """Change the named fields; `tags` replaces the tag set, `cadence` the pair."""
    if contact.owner_id != owner.pk:
        raise field_error("contact", "No such contact among yours.", "unknown")
    today = today or timezone.localdate()
    tags = changes.pop("tags", None)
    unknown = set(changes) - {
        "name", "organisation", "role", "emails", "phones", "links", "profile_url",
        "met_how", "met_where", "met_on", "strength", "notes", "cadence",
    }  # fmt: skip
    if unknown:
        raise field_error("contact", f"Cannot change {sorted(unknown)[0]}.", "field")
    _apply(contact, today=today, **changes)
    tag_names = None if tags is None else cleaning.tag_names_clean(tags)
    _follow_up(contact, owner=owner, today=today)
    contact.full_clean()
    with transaction.atomic():
        # Never the touch summary: only contact_touches_refresh writes it.
        contact.save(update_fields=EDITABLE_FIELDS)
        if tag_names is not None:
            contact.tags.set(tags_resolve(owner=owner, names=tag_names))
    return contact


# The words people use for what goes with a contact.
CONTACT_DEPENDENTS = {
    "network.interaction": ("touch", "touches"),
    "network.mentorquestion": ("question", "questions"),
}


def contact_delete(*, owner: Any, contact: Contact) -> Trash:
    """Delete a contact with their touches and questions, kept for an undo."""
    if contact.owner_id != owner.pk:
        raise field_error("contact", "No such contact among yours.", "unknown")
    return trash_delete(
        owner=owner, instance=contact, label=contact.name, names=CONTACT_DEPENDENTS
    )


def contact_delete_preview(*, owner: Any, contact: Contact) -> str:
    """What deleting the contact takes with it: "3 touches" ("" for nothing)."""
    if contact.owner_id != owner.pk:
        raise field_error("contact", "No such contact among yours.", "unknown")
    return trash_dependents(contact, names=CONTACT_DEPENDENTS)


def interaction_log(
    *,
    owner: Any,
    contact: Contact,
    kind: str,
    occurred_on: str | date | None = None,
    notes: str = "",
    promised: bool = False,
    goal_ids: Iterable[int] = (),
    entry_ids: Iterable[int] = (),
    follow_up_by: str | date | None = None,
    today: date | None = None,
) -> Interaction:
    """Record a touch; it resets the contact's clock from its date on."""
    if contact.owner_id != owner.pk:
        raise field_error("contact", "No such contact among yours.", "unknown")
    today = today or timezone.localdate()
    interaction = Interaction(
        owner=owner,
        contact=contact,
        kind=cleaning.kind_clean(kind),
        occurred_on=cleaning.date_clean(
            occurred_on, field="occurred_on", today=today, required=True
        )
        or today,
        notes=clean_text(notes, field="notes", max_length=NOTES_MAX, required=False),
        promised=promised,
    )
    if promised and interaction.kind != InteractionKind.HELP_GIVEN:
        raise field_error(
            "promised", "Only help given can be marked as promised.", "promised"
        )
    if interaction.occurred_on and interaction.occurred_on > today + timedelta(days=1):
        raise field_error(
            "occurred_on", "A touch cannot be dated in the future.", "future"
        )
    goals = owned_rows(owner=owner, model=Goal, ids=goal_ids, field="goals")
    entries = owned_rows(owner=owner, model=Entry, ids=entry_ids, field="entries")
    follow_up = cleaning.date_clean(follow_up_by, field="follow_up_by", today=today)
    interaction.full_clean()
    with transaction.atomic():
        interaction.save()
        interaction.goals.set(goals)
        interaction.entries.set(entries)
        contact_touches_refresh(owner=owner, contact_ids=[contact.pk])
        if follow_up is not None:
            _follow_up(contact, owner=owner, today=today, explicit=follow_up)
            contact.save(update_fields=["follow_up_since", "follow_up_by", "updated"])
    return interaction


def interaction_delete(*, owner: Any, interaction: Interaction) -> None:
    if interaction.owner_id != owner.pk:
        raise field_error("interaction", "No such touch among yours.", "unknown")
    with transaction.atomic():
        interaction.delete()
        contact_touches_refresh(owner=owner, contact_ids=[interaction.contact_id])


def cadence_tier_set(
    *, owner: Any, strength: int, ideal_days: int | None, max_days: int | None
) -> CadenceTier:
    """Set how often ties of one strength should be touched; None for never."""
    if not STRENGTH_MIN <= strength <= STRENGTH_MAX:
        raise field_error("strength", "Strength is 1 to 5.", "strength")
    ideal, maximum = cleaning.cadence_clean(ideal_days, max_days)
    with transaction.atomic():
        tier, _ = CadenceTier.objects.update_or_create(
            owner=owner,
            strength=strength,
            defaults={"ideal_days": ideal, "max_days": maximum},
        )
    return tier


def preferences_update(
    *,
    owner: Any,
    event_follow_up_days: int | None = None,
    mentor_update_days: int | None = None,
    mentor_thanks_days: int | None = None,
) -> NetworkPreferences:
    preferences = preferences_get(owner=owner)
    changes = {
        "event_follow_up_days": event_follow_up_days,
        "mentor_update_days": mentor_update_days,
        "mentor_thanks_days": mentor_thanks_days,
    }
    for name, value in changes.items():
        if value is None:
            continue
        if not 1 <= value <= 3650:
            raise field_error(name, "Use between 1 and 3650 days.", "days")
        setattr(preferences, name, value)
    with transaction.atomic():
        preferences.save()
    return preferences


def cadence_tiers_set(
    *, owner: Any, tiers: dict[int, tuple[int | None, int | None]]
) -> list[CadenceTier]:
    """Set several tiers at once; one bad tier changes none."""
    with transaction.atomic():
        return [
            cadence_tier_set(
                owner=owner, strength=strength, ideal_days=ideal, max_days=maximum
            )
            for strength, (ideal, maximum) in sorted(tiers.items(), reverse=True)
        ]


THANKS_KINDS = (InteractionKind.MESSAGE, InteractionKind.CALL, InteractionKind.COFFEE)
SUMMARY_FIELDS = (
    "last_interaction_on", "last_thanks_on", "open_promise_on", "help_given",
    "help_received",
)  # fmt: skip


def contact_touches_refresh(*, owner: Any, contact_ids: Iterable[int] | None) -> int:
    """Rewrite the interaction summary of these contacts (None: all the owner's).

    Every service that adds or removes interactions calls it in its transaction.
    """
    contacts = Contact.objects.for_owner(owner)
    interactions = Interaction.objects.for_owner(owner)
    if contact_ids is not None:
        ids = list(contact_ids)
        contacts = contacts.filter(pk__in=ids)
        interactions = interactions.filter(contact_id__in=ids)
    help_given = Q(kind=InteractionKind.HELP_GIVEN)
    rows = {
        row["contact_id"]: row
        for row in interactions.order_by()
        .values("contact_id")
        .annotate(
            last=Max("occurred_on"),
            thanks=Max("occurred_on", filter=Q(kind__in=THANKS_KINDS)),
            promise_on=Max("occurred_on", filter=help_given & Q(promised=True)),
            delivered_on=Max("occurred_on", filter=help_given & Q(promised=False)),
            given=Count("id", filter=help_given & Q(promised=False)),
            received=Count("id", filter=Q(kind=InteractionKind.HELP_RECEIVED)),
        )
    }
    changed = []
    for contact in contacts.only("id", "owner_id", *SUMMARY_FIELDS):
        row = rows.get(contact.pk, {})
        promise, delivered = row.get("promise_on"), row.get("delivered_on")
        if promise is not None and delivered is not None and delivered >= promise:
            promise = None
        contact.last_interaction_on = row.get("last")
        contact.last_thanks_on = row.get("thanks")
        contact.open_promise_on = promise
        contact.help_given = row.get("given", 0)
        contact.help_received = row.get("received", 0)
        changed.append(contact)
    Contact.objects.bulk_update(changed, SUMMARY_FIELDS, batch_size=1_000)
    return len(changed)


def network_rhythm_set(
    *,
    owner: Any,
    tiers: dict[int, tuple[int | None, int | None]],
    mentor_update_days: int,
    mentor_thanks_days: int,
    event_follow_up_days: int,
) -> None:
    """The cadences page in one transaction: every tier and the mentor rhythm."""
    with transaction.atomic():
        cadence_tiers_set(owner=owner, tiers=tiers)
        preferences_update(
            owner=owner,
            mentor_update_days=mentor_update_days,
            mentor_thanks_days=mentor_thanks_days,
            event_follow_up_days=event_follow_up_days,
        )
