"""Which models hold an owner's data, found by walking the app registry.

Every Headway model with an `owner` is the owner's; a model without one that
points at such a model (a ranking's places, a share's comments) is owned
through it. A new model is archived without a change here, unless its rows are
secrets (`EXCLUDED`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

# Rows never archived, with the reason the manifest gives.
EXCLUDED = {
    "accounts.apitoken": (
        "API tokens are secrets and are not in the archive; make new ones with "
        "`headway token create` after an import."
    ),
    "accounts.calendarfeed": (
        "The calendar feed's secret address is not in the archive; "
        "`headway calendar rotate` makes a new one after an import."
    ),
    "core.trash": (
        "Deletes waiting to be undone are not in the archive; the rows they "
        "removed are gone from it, as they are from your data."
    ),
    "network.importpreview": (
        "A contacts import waiting for confirmation (kept an hour at most) is "
        "not in the archive; upload the file again."
    ),
}
NOTES = (
    *EXCLUDED.values(),
    "Your account itself (username, password, one-time login links) is not in "
    "the archive; an import gives the rows to the account that imports them.",
    "Ids in the archive are its own (1, 2, … per kind); an import gives every "
    "row a new id. Another user (a share's recipient) is named by username.",
)
AUTO_TIMES = ("created", "updated")


@dataclass(frozen=True)
class Kind:
    """One model of owned rows and how to reach them from the owner."""

    model: type[models.Model]
    label: str
    owner_path: str  # "owner", or "<parent>__owner" for rows owned through one
    fields: tuple[models.Field[Any, Any], ...]  # every column but the id and owner
    m2m: tuple[models.ManyToManyField[Any, Any], ...]

    def rows(self, owner: Any) -> models.QuerySet[Any]:
        return self.model._base_manager.filter(**{self.owner_path: owner}).order_by(
            "pk"
        )

    @property
    def owned(self) -> bool:
        return self.owner_path == "owner"


def label_of(model: Any) -> str:
    return str(model._meta.label_lower)


def _is_user(model: Any) -> bool:
    return bool(model is get_user_model())


def _headway_models() -> list[type[models.Model]]:
    return sorted(
        (
            model
            for model in apps.get_models()
            if model._meta.app_config.name.startswith("headway.")
            and label_of(model) not in EXCLUDED
        ),
        key=label_of,
    )


def _owner_field(model: Any) -> bool:
    try:
        field = model._meta.get_field("owner")
    except Exception:
        return False
    return bool(field.is_relation and _is_user(field.related_model))


@functools.cache
def kinds() -> tuple[Kind, ...]:
    """Every owned kind, each after the kinds its references point at."""
    candidates = _headway_models()
    paths: dict[str, str] = {
        label_of(model): "owner" for model in candidates if _owner_field(model)
    }
    grew = True
    while grew:  # rows owned through an owned row, to any depth
        grew = False
        for model in candidates:
            if label_of(model) in paths:
                continue
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target is not None and label_of(target) in paths:
                    paths[label_of(model)] = f"{field.name}__{paths[label_of(target)]}"
                    grew = True
                    break
    found = {}
    for model in candidates:
        label = label_of(model)
        if label not in paths:
            continue
        fields = tuple(
            field
            for field in model._meta.concrete_fields
            if not field.primary_key and field.name != "owner"
        )
        m2m = tuple(
            field
            for field in model._meta.local_many_to_many
            if label_of(field.related_model) in paths
        )
        found[label] = Kind(model, label, paths[label], fields, m2m)
    return _ordered(found)


def _ordered(found: dict[str, Kind]) -> tuple[Kind, ...]:
    """Kahn's order, ties by label, so every run walks the kinds the same way."""
    needs: dict[str, set[str]] = {}
    for label, kind in found.items():
        targets = {
            label_of(field.related_model)
            for field in (*kind.fields, *kind.m2m)
            if field.is_relation
        }
        needs[label] = {target for target in targets if target in found} - {label}
    order: list[Kind] = []
    while needs:
        ready = sorted(label for label, wanted in needs.items() if not wanted)
        if not ready:
            raise RuntimeError(f"Owned models refer in a circle: {sorted(needs)}")
        for label in ready:
            order.append(found[label])
            del needs[label]
        for wanted in needs.values():
            wanted.difference_update(ready)
    return tuple(order)


def kind_of(label: str) -> Kind | None:
    return next((kind for kind in kinds() if kind.label == label), None)


def target_label(field: Any) -> str | None:
    """The kind a reference points at; None for a user, who goes by username."""
    if _is_user(field.related_model):
        return None
    return label_of(field.related_model)


def encode(value: Any) -> Any:
    """A column's value as JSON; datetimes in UTC so both databases agree."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
