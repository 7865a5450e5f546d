"""Safe deletes: snapshot what a delete removes, so the owner can undo it.

A delete collects the object and everything its delete cascades to (with
Django's own `Collector`, link rows of many-to-many fields included), keeps
them serialized in one `Trash` row, and deletes them, in one transaction. An
undo saves the same rows again with the same ids. Stored files (work samples)
stay on disk until the sweep removes trash older than `TRASH_KEEP_HOURS`.

Core imports no app: services hand it their model instance, and an app that
must do more after an undo (the log's search index) registers a hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.http import Http404
from django.utils import timezone

from headway.core.errors import Conflict
from headway.core.models import TRASH_LABEL_MAX, Trash

# Names shown for a kind of dependent where the model's own name is not the
# word people use, by model label: (one, many).
Names = Mapping[str, tuple[str, str]]

# After an undo, the app of a kind may bring derived data back in step
# (journal: the search index). Registered in the app's `ready()`.
RESTORED: dict[str, Callable[[list[models.Model]], None]] = {}


@dataclass(frozen=True)
class StoredFile:
    """A stored file the sweep may remove once no row uses it: `name` in the
    storage, used while a `model` row has `field` equal to `value`."""

    name: str
    model: str
    field: str
    value: str


def label_of(model: Any) -> str:
    return str(model._meta.label_lower)


def trash_dependents(instance: models.Model, *, names: Names | None = None) -> str:
    """What a delete of `instance` takes with it: "3 touches and 2 work
    samples" ("" for nothing); links to other things are not counted."""
    collector = _collect(instance)
    return _summary(instance, _rows(collector), names or {})


def trash_delete(
    *,
    owner: Any,
    instance: models.Model,
    label: str,
    names: Names | None = None,
    files: Iterable[StoredFile] = (),
) -> Trash:
    """Delete `instance` with its dependents, keeping them for an undo."""
    with transaction.atomic():
        collector = _collect(instance)
        rows = _rows(collector)
        trash = Trash(
            owner=owner,
            kind=label_of(instance),
            object_pk=instance.pk,
            label=label[:TRASH_LABEL_MAX],
            summary=_summary(instance, rows, names or {})[:TRASH_LABEL_MAX],
            payload={"rows": _serialized(rows), "nulled": _nulled(collector)},
            files=[asdict(item) for item in files],
        )
        trash.save()
        instance.delete()
        trash_sweep()
    return trash


def trash_get(*, owner: Any, pk: int) -> Trash:
    trash: Trash | None = Trash.objects.for_owner(owner).filter(pk=pk).first()
    if trash is None:
        raise Http404(f"Nothing deleted with id {pk} to undo; it may be swept.")
    return trash


def trash_restore(*, owner: Any, trash_id: int) -> Trash:
    """Undo one delete: every row back with its id, links and references too.

    Refused (Conflict, nothing changed) when something now in the way would
    make the result differ from what was deleted.
    """
    trash = trash_get(owner=owner, pk=trash_id)
    with transaction.atomic():
        rows = list(
            serializers.deserialize(
                "python", trash.payload["rows"], ignorenonexistent=True
            )
        )
        _refuse_conflicts(trash, [row.object for row in rows])
        restored = _save(trash, [row.object for row in rows])
        _relink(trash.payload.get("nulled", []))
        hook = RESTORED.get(trash.kind)
        if hook is not None:
            hook(restored)
        trash.delete()
    return trash


def trash_sweep(*, now: datetime | None = None) -> int:
    """Forget deletes older than the undo window, with files no one uses."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.TRASH_KEEP_HOURS)
    old = list(Trash.objects.filter(created__lt=cutoff).values_list("pk", "files"))
    if not old:
        return 0
    files = [StoredFile(**item) for _, stored in old for item in stored]
    with transaction.atomic():
        Trash.objects.filter(pk__in=[pk for pk, _ in old]).delete()
        transaction.on_commit(lambda: _files_remove(files))
    return len(old)


def dependents_text(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# --- collecting -------------------------------------------------------------


def _collect(instance: models.Model) -> Collector:
    collector = Collector(using=router.db_for_write(type(instance)), origin=instance)
    collector.collect([instance])
    collector.sort()
    return collector


def _rows(collector: Collector) -> list[models.Model]:
    """Every row the delete removes, each after the rows it refers to."""
    rows: list[models.Model] = []
    for model, instances in reversed(list(collector.data.items())):
        # Read again: an instance handed in may be older than its row.
        fresh = model._base_manager.filter(pk__in=[row.pk for row in instances])
        rows.extend(fresh.order_by("pk"))
    for query in collector.fast_deletes:  # leaves: link rows and the like
        rows.extend(sorted(query, key=lambda row: row.pk))
    return rows


def _is_link(model: Any) -> bool:
    return bool(model._meta.auto_created)


def _summary(root: models.Model, rows: list[models.Model], names: Names) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        if _is_link(type(row)) or (type(row) is type(root) and row.pk == root.pk):
            continue
        counts[label_of(row)] = counts.get(label_of(row), 0) + 1
    order = {label: place for place, label in enumerate(names)}
    parts = []
    for label in sorted(counts, key=lambda name: (order.get(name, len(order)), name)):
        meta = apps.get_model(label)._meta
        one, many = names.get(label, (meta.verbose_name, meta.verbose_name_plural))
        parts.append(f"{counts[label]} {one if counts[label] == 1 else many}")
    return dependents_text(parts)


def _serialized(rows: list[models.Model]) -> list[dict[str, Any]]:
    serialized: list[dict[str, Any]] = []
    for row in rows:
        fields = [f.name for f in row._meta.concrete_fields if not f.primary_key]
        serialized += serializers.serialize("python", [row], fields=fields)
    return serialized


def _nulled(collector: Collector) -> list[list[Any]]:
    """References the delete sets to null (SET_NULL), to point them back."""
    nulled = []
    updates: dict[Any, list[Any]] = collector.field_updates
    for (field, _value), batches in updates.items():
        for batch in batches:
            for row in batch:
                target = getattr(row, field.attname)
                nulled.append([label_of(row), row.pk, field.name, target])
    return nulled


# --- restoring ----------------------------------------------------------------


def _refuse_conflicts(trash: Trash, objects: list[models.Model]) -> None:
    """Refuse when a row is back already, or a row made since holds a unique
    value of one (a re-imported entry's source key). Check constraints held
    when the rows were deleted, so they are not asked again."""
    by_model: dict[Any, list[models.Model]] = {}
    for obj in objects:
        if not _is_link(type(obj)):
            by_model.setdefault(type(obj), []).append(obj)
    for model, rows in by_model.items():
        if model._base_manager.filter(pk__in=[row.pk for row in rows]).exists():
            raise Conflict(f"Cannot undo: “{trash.label}” is back already.")
        uniques: list[Any] = [
            constraint
            for constraint in model._meta.constraints
            if isinstance(constraint, models.UniqueConstraint)
        ]
        for row in rows if _holds_unique_values(model) else ():
            try:
                row.validate_unique()
                for constraint in uniques:
                    constraint.validate(model, row)
            except ValidationError as error:
                problem = " ".join(error.messages)
                raise Conflict(
                    f"Cannot undo the delete of “{trash.label}”: a "
                    f"{model._meta.verbose_name} made since takes its place "
                    f"({problem}). Delete or change that one, then undo again."
                ) from None


def _holds_unique_values(model: Any) -> bool:
    meta = model._meta
    return bool(
        meta.unique_together
        or any(field.unique and not field.primary_key for field in meta.fields)
        or any(isinstance(c, models.UniqueConstraint) for c in meta.constraints)
    )


def _save(trash: Trash, objects: list[models.Model]) -> list[models.Model]:
    """Save each row whose references still lead somewhere; a row whose parent
    is gone is left out, as a delete of that parent would have removed it."""
    present = _present_targets(objects)
    restored: list[models.Model] = []
    for obj in objects:
        root = label_of(obj) == trash.kind and obj.pk == trash.object_pk
        if not _references_hold(obj, present, root=root, label=trash.label):
            continue
        obj.save_base(raw=True)
        present.add((label_of(obj), obj.pk))
        restored.append(obj)
    return restored


def _references_hold(
    obj: models.Model, present: set[tuple[str, Any]], *, root: bool, label: str
) -> bool:
    """True when every reference of `obj` leads to a row; a nullable one that
    does not is set to null, as its target's delete would have done."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if not field.is_relation or value is None:
            continue
        if (label_of(field.related_model), value) in present:
            continue
        if root:
            target: Any = field.related_model
            raise Conflict(
                f"Cannot undo: “{label}” refers to a "
                f"{target._meta.verbose_name} that is gone."
            )
        if not field.null:
            return False
        setattr(obj, field.attname, None)
    return True


def _present_targets(objects: list[models.Model]) -> set[tuple[str, Any]]:
    """(model label, pk) of the rows outside the trash the rows refer to."""
    wanted: dict[Any, set[Any]] = {}
    for obj in objects:
        for field in obj._meta.concrete_fields:
            value = getattr(obj, field.attname)
            if field.is_relation and value is not None:
                wanted.setdefault(field.related_model, set()).add(value)
    present = set()
    for model, pks in wanted.items():
        found = model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
        present |= {(label_of(model), pk) for pk in found}
    return present


def _relink(nulled: list[list[Any]]) -> None:
    for label, pk, name, target in nulled:
        model = apps.get_model(label)
        field = model._meta.get_field(name)
        if field.related_model._base_manager.filter(pk=target).exists():
            model._base_manager.filter(pk=pk, **{field.attname: None}).update(
                **{field.attname: target}
            )


def _files_remove(files: list[StoredFile]) -> None:
    held = {
        item["name"]
        for stored in Trash.objects.values_list("files", flat=True)
        for item in stored
    }
    for item in files:
        if item.name in held:
            continue
        model = apps.get_model(item.model)
        if model._base_manager.filter(**{item.field: item.value}).exists():
            continue
        default_storage.delete(item.name)
