"""Every write of the rhythm: cadences, agenda marks and the guided start."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.core.errors import NotFound
from headway.core.text import date_clean, field_error
from headway.network.services import preferences_update
from headway.reviews.models import (
    AGENDA_KEY_MAX,
    DEFAULT_EVERY_DAYS,
    AgendaMark,
    Cadence,
    CadenceKind,
    Onboarding,
    OnboardingStep,
)

EVERY_DAYS_MAX = 3660
AGENDA_KEY_KINDS = ("adjustment", "certification")
SNOOZE_DAYS = 30


def cadence_kind(value: str) -> CadenceKind:
    """A cadence named forgivingly: "1:1", "Manager", "week", "quarter"…"""
    text = (
        value.strip().lower().replace("1:1", "manager").replace("one-on-one", "manager")
    )
    for kind in CadenceKind:
        if text in (kind.value, kind.value.rstrip("ly"), kind.label.lower()):
            return kind
    aliases = {"week": "weekly", "quarter": "quarterly", "year": "yearly",
               "annual": "yearly", "mentors": "mentor", "1on1": "manager"}  # fmt: skip
    if text in aliases:
        return CadenceKind(aliases[text])
    names = ", ".join(kind.value for kind in CadenceKind)
    raise NotFound(f"No cadence {value!r}; the cadences are {names}.")


def _cadence_row(*, owner: Any, kind: CadenceKind) -> Cadence:
    row: Cadence | None = Cadence.objects.for_owner(owner).filter(kind=kind).first()
    if row is None:
        row = Cadence(
            owner=owner,
            kind=kind,
            every_days=DEFAULT_EVERY_DAYS.get(kind),
            started_on=timezone.localdate(),
        )
    return row


def cadence_set(*, owner: Any, kind: str, every_days: int | None) -> Cadence:
    """Change how often a rhythm comes round; None switches it off."""
    chosen = cadence_kind(kind)
    if every_days is not None and not 1 <= every_days <= EVERY_DAYS_MAX:
        raise field_error(
            "every_days",
            f"Choose between 1 and {EVERY_DAYS_MAX} days (or switch it off).",
            "range",
        )
    with transaction.atomic():
        row = _cadence_row(owner=owner, kind=chosen)
        row.every_days = every_days
        row.full_clean()
        row.save()
        if chosen == CadenceKind.MENTOR and every_days is not None:
            # The network's due list keeps the mentor rhythm; one source.
            preferences_update(owner=owner, mentor_update_days=every_days)
    return row


def cadences_set(*, owner: Any, every_days: dict[str, int | None]) -> None:
    """Change several cadences at once: all of them, or none."""
    with transaction.atomic():
        for kind, every in every_days.items():
            cadence_set(owner=owner, kind=kind, every_days=every)


def cadence_done(
    *, owner: Any, kind: str, on: str | date | None = None, today: date | None = None
) -> Cadence:
    """Record that a rhythm was kept (a review completed, a 1:1 held)."""
    today = today or timezone.localdate()
    chosen = cadence_kind(kind)
    done_on = date_clean(on, field="date", today=today) or today
    if done_on > today:
        raise field_error("date", "A review cannot be done in the future.", "future")
    with transaction.atomic():
        row = _cadence_row(owner=owner, kind=chosen)
        row.last_done = max(row.last_done or done_on, done_on)
        row.full_clean()
        row.save()
    return row


def agenda_key_check(key: str) -> str:
    kind, _, number = key.partition(":")
    if (
        kind not in AGENDA_KEY_KINDS
        or not number.isdigit()
        or len(key) > AGENDA_KEY_MAX
    ):
        raise NotFound(
            f"No agenda item {key!r}; `headway agenda --json` shows each item's key."
        )
    return key


def agenda_mark(
    *,
    owner: Any,
    key: str,
    done: bool,
    later_days: int = SNOOZE_DAYS,
    today: date | None = None,
) -> AgendaMark:
    """Settle an agenda item (done) or bring it back in `later_days` days."""
    today = today or timezone.localdate()
    agenda_key_check(key)
    if not done and not 1 <= later_days <= 365:
        raise field_error("days", "Put it off by 1 to 365 days.", "range")
    with transaction.atomic():
        mark: AgendaMark
        mark, _ = AgendaMark.objects.for_owner(owner).get_or_create(
            owner=owner, key=key
        )
        mark.done_on = today if done else None
        mark.snoozed_until = None if done else today + timedelta(days=later_days)
        mark.save()
    return mark


def onboarding_get(*, owner: Any) -> Onboarding:
    found: Onboarding | None = Onboarding.objects.for_owner(owner).first()
    return found or Onboarding(owner=owner)


def onboarding_step(
    *, owner: Any, step: str, skipped: bool = False, today: date | None = None
) -> Onboarding:
    """Mark a step of the guided start behind the owner (done or skipped);
    the start is finished once every step is."""
    if step not in OnboardingStep.values:
        raise NotFound(f"No step {step!r} in the guided start.")
    with transaction.atomic():
        state = onboarding_get(owner=owner)
        done, passed = list(state.done), list(state.skipped)
        if skipped:
            if step not in done and step not in passed:
                passed.append(step)
        elif step not in done:
            done.append(step)
            passed = [name for name in passed if name != step]
        state.done, state.skipped = done, passed
        if set(done) | set(passed) >= set(OnboardingStep.values):
            state.finished_on = state.finished_on or today or timezone.localdate()
        state.save()
    return state


def onboarding_finish(*, owner: Any, today: date | None = None) -> Onboarding:
    """Leave the guided start for good, whatever steps are left."""
    with transaction.atomic():
        state = onboarding_get(owner=owner)
        state.finished_on = state.finished_on or today or timezone.localdate()
        state.save()
    return state
