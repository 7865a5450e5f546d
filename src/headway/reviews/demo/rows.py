"""An owner's rows as plain, sorted data, with links named by content, not id:
what two demos built from the same seed must share."""

from __future__ import annotations

import json
from typing import Any

from headway.goals.models import CheckIn, Goal
from headway.growth.models import PriorityRanking, StrengthsAnswer, TargetRole
from headway.journal.models import Entry
from headway.network.models import Contact, Interaction

ENTRY_FIELDS = (
    "kind", "title", "body", "occurred_on", "numbers", "example", "achievement",
    "result", "starred", "details", "search_text",
)  # fmt: skip
CONTACT_FIELDS = (
    "name", "organisation", "role", "emails", "met_how", "met_where", "met_on",
    "strength", "notes", "follow_up_by", "last_interaction_on", "help_given",
    "help_received",
)  # fmt: skip
GOAL_FIELDS = (
    "statement", "status", "horizon", "target", "unit", "recurrence", "due",
    "started_on", "priority__name", "drop_reason", "closed_on",
)  # fmt: skip


def _sorted(rows: list[Any]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


def _names(model: Any, owner: Any, relation: str, label: str) -> dict[int, list[str]]:
    """For each row of the owner, the sorted labels of one many-to-many link."""
    found: dict[int, list[str]] = {}
    for pk, name in (
        model.objects.for_owner(owner)
        .filter(**{f"{relation}__isnull": False})
        .values_list("pk", f"{relation}__{label}")
    ):
        found.setdefault(pk, []).append(str(name))
    return {pk: sorted(names) for pk, names in found.items()}


def owner_rows(*, owner: Any) -> dict[str, list[str]]:
    entries = Entry.objects.for_owner(owner)
    links = {
        relation: _names(Entry, owner, relation, label)
        for relation, label in (
            ("tags", "name"),
            ("skills", "name"),
            ("goals", "statement"),
            ("contacts", "name"),
            ("samples", "url"),
        )
    }
    contact_tags = _names(Contact, owner, "tags", "name")
    return {
        "entries": _sorted(
            [
                {**row, **{r: links[r].get(row["id"], []) for r in links}, "id": None}
                for row in entries.values("id", *ENTRY_FIELDS)
            ]
        ),
        "contacts": _sorted(
            [
                {**row, "tags": contact_tags.get(row["id"], []), "id": None}
                for row in Contact.objects.for_owner(owner).values(
                    "id", *CONTACT_FIELDS
                )
            ]
        ),
        "interactions": _sorted(
            list(
                Interaction.objects.for_owner(owner).values(
                    "contact__name", "kind", "occurred_on", "notes", "promised"
                )
            )
        ),
        "goals": _sorted(list(Goal.objects.for_owner(owner).values(*GOAL_FIELDS))),
        "checkins": _sorted(
            list(
                CheckIn.objects.for_owner(owner).values(
                    "goal__statement", "checked_on", "value", "note"
                )
            )
        ),
        "direction": _sorted(
            [
                *PriorityRanking.objects.for_owner(owner).values(
                    "ranked_on", "places__position", "places__priority__name"
                ),
                *StrengthsAnswer.objects.for_owner(owner).values(
                    "answered_on", "energy", "excel", "enjoyed_roles"
                ),
                *TargetRole.objects.for_owner(owner).values("name", "needs"),
            ]
        ),
    }
