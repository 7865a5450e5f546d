"""Every write to goals and check-ins goes through these functions."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.coach.dates import parse_date
from headway.coach.goal_dates import statement_due
from headway.coach.numbers import parse_number
from headway.core.errors import Conflict
from headway.core.text import clean_text, field_error
from headway.goals.models import (
    NOTE_MAX,
    REASON_MAX,
    STATEMENT_MAX,
    UNIT_MAX,
    CheckIn,
    Goal,
    GoalStatus,
    Horizon,
    Recurrence,
)
from headway.goals.selectors import goal_get
from headway.growth.models import Priority
from headway.growth.services import priority_find

RECURRENCE_WORDS = {
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
}
TARGET_MAX = 1e9


def target_parse(value: str | float | int | None) -> float | None:
    """A positive number, from digits or words ("three"); None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = value if not isinstance(value, str) else number_parse(value)
    if number is None or isinstance(number, bool):
        raise field_error(
            "target", f"The target {value!r} is not a number; try 3 or 12.5.", "number"
        )
    number = float(number)
    if not math.isfinite(number) or number <= 0:
        raise field_error(
            "target", "The target must be more than zero, e.g. 3.", "positive"
        )
    if number > TARGET_MAX:
        raise field_error("target", "The target is too large.", "too_large")
    return number


def number_parse(text: str) -> float | None:
    """Digits with a sign ("-1", "+2.5") or words ("three")."""
    stripped = text.strip()
    if re.fullmatch(r"[+-]\d+(?:\.\d+)?", stripped):
        return float(stripped)
    return parse_number(stripped)


def recurrence_parse(value: str) -> str:
    words = re.sub(r"^(?:every|each|per|a)\s+", "", value.strip().lower())
    words = RECURRENCE_WORDS.get(words, words)
    if words not in Recurrence.values:
        raise field_error(
            "recurrence",
            f"Cannot repeat every {value!r}; use week, month, quarter or year.",
            "recurrence",
        )
    return words


def date_parse(
    value: str | date | None, *, field: str, today: date, prefer: str
) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    found = parse_date(
        value, today=today, prefer="future" if prefer == "future" else "past"
    )
    if found is None and prefer == "future":
        found = statement_due(value, today=today)
    if found is None:
        raise field_error(
            field,
            f"Cannot read {value!r} as a date; try 2027-06-30, 'end of year' "
            "or 'in 6 months'.",
            "date",
        )
    return found


def priority_resolve(*, owner: Any, priority: str | int | None) -> Priority | None:
    if priority is None or priority == "":
        return None
    if isinstance(priority, int):
        found: Priority | None = (
            Priority.objects.for_owner(owner).filter(pk=priority).first()
        )
        if found is None:
            raise field_error(
                "priority", f"No priority {priority} among yours.", "unknown"
            )
        return found
    return priority_find(owner=owner, text=priority)


def _goal_fields(
    *,
    owner: Any,
    statement: str,
    horizon: str,
    target: str | float | None,
    unit: str,
    recurrence: str,
    due: str | date | None,
    priority: str | int | None,
    started_on: date,
) -> dict[str, Any]:
    """Check every field; raise on the first problem, before anything is saved."""
    if horizon not in Horizon.values:
        raise field_error("horizon", "Horizon is short or long.", "horizon")
    fields: dict[str, Any] = {
        "statement": clean_text(
            statement, field="statement", max_length=STATEMENT_MAX, required=True
        ),
        "horizon": horizon,
        "target": target_parse(target),
        "unit": clean_text(unit, field="unit", max_length=UNIT_MAX, required=False),
        "recurrence": recurrence_parse(recurrence),
        "due": date_parse(due, field="due", today=started_on, prefer="future"),
        "priority": priority_resolve(owner=owner, priority=priority),
        "started_on": started_on,
    }
    if fields["recurrence"] and fields["target"] is None:
        raise field_error(
            "recurrence",
            "A repeating goal needs a target per period, e.g. 3.",
            "target",
        )
    if fields["due"] is not None and fields["due"] < started_on:
        raise field_error(
            "due",
            f"The due date {fields['due'].isoformat()} is before the start "
            f"({started_on.isoformat()}).",
            "before_start",
        )
    return fields


def goal_create(
    *,
    owner: Any,
    statement: str,
    horizon: str = Horizon.SHORT,
    target: str | float | None = None,
    unit: str = "",
    recurrence: str = "",
    due: str | date | None = None,
    priority: str | int | None = None,
    started_on: date | None = None,
) -> Goal:
    """Set a goal; the SMART coach advises but never blocks it."""
    fields = _goal_fields(
        owner=owner,
        statement=statement,
        horizon=horizon,
        target=target,
        unit=unit,
        recurrence=recurrence,
        due=due,
        priority=priority,
        started_on=started_on or timezone.localdate(),
    )
    goal = Goal(owner=owner, **fields)
    goal.full_clean()
    with transaction.atomic():
        goal.save()
    return goal


def goal_update(
    *,
    owner: Any,
    goal_id: int,
    statement: str,
    horizon: str = Horizon.SHORT,
    target: str | float | None = None,
    unit: str = "",
    recurrence: str = "",
    due: str | date | None = None,
    priority: str | int | None = None,
) -> Goal:
    goal = goal_get(owner=owner, pk=goal_id)
    fields = _goal_fields(
        owner=owner,
        statement=statement,
        horizon=horizon,
        target=target,
        unit=unit,
        recurrence=recurrence,
        due=due,
        priority=priority,
        started_on=goal.started_on,
    )
    for name, value in fields.items():
        setattr(goal, name, value)
    goal.full_clean()
    with transaction.atomic():
        goal.save()
    return goal


def goal_achieve(*, owner: Any, goal_id: int, on: date | None = None) -> Goal:
    goal = goal_get(owner=owner, pk=goal_id)
    if goal.status == GoalStatus.DROPPED:
        raise Conflict(f"Goal {goal.pk} was dropped; it cannot be marked done.")
    goal.status = GoalStatus.ACHIEVED
    goal.closed_on = on or timezone.localdate()
    with transaction.atomic():
        goal.save(update_fields=["status", "closed_on", "updated"])
    return goal


def goal_drop(*, owner: Any, goal_id: int, reason: str, on: date | None = None) -> Goal:
    """Drop a goal; the reason is kept, because dropping is a decision too."""
    reason = clean_text(reason, field="reason", max_length=REASON_MAX, required=True)
    goal = goal_get(owner=owner, pk=goal_id)
    goal.status = GoalStatus.DROPPED
    goal.drop_reason = reason
    goal.closed_on = on or timezone.localdate()
    with transaction.atomic():
        goal.save(update_fields=["status", "drop_reason", "closed_on", "updated"])
    return goal


def goal_delete(*, owner: Any, goal_id: int) -> None:
    goal = goal_get(owner=owner, pk=goal_id)
    with transaction.atomic():
        goal.delete()


def checkin_create(
    *,
    owner: Any,
    goal_id: int,
    value: str | float,
    checked_on: str | date | None = None,
    note: str = "",
) -> CheckIn:
    """Record progress made on a day: how many more (a count) with a note."""
    goal = goal_get(owner=owner, pk=goal_id)
    if goal.status == GoalStatus.DROPPED:
        raise Conflict(
            f"Goal {goal.pk} was dropped; check-ins go on active goals only."
        )
    number = value if not isinstance(value, str) else number_parse(value)
    if number is None or isinstance(number, bool) or not math.isfinite(number):
        raise field_error(
            "value", f"The value {value!r} is not a number; try 1 or 2.5.", "number"
        )
    if abs(number) > TARGET_MAX:
        raise field_error("value", "The value is too large.", "too_large")
    today = timezone.localdate()
    day = date_parse(checked_on, field="checked_on", today=today, prefer="past")
    day = day or today
    if day < goal.started_on:
        raise field_error(
            "checked_on",
            f"Goal {goal.pk} started on {goal.started_on.isoformat()}; a check-in "
            f"dated {day.isoformat()} comes before it. Use a date on or after "
            f"{goal.started_on.isoformat()}.",
            "before_start",
        )
    checkin = CheckIn(
        owner=owner,
        goal=goal,
        value=float(number),
        checked_on=day,
        note=clean_text(note, field="note", max_length=NOTE_MAX, required=False),
    )
    checkin.full_clean()
    with transaction.atomic():
        checkin.save()
    return checkin


def checkin_delete(*, owner: Any, checkin_id: int) -> None:
    checkin = CheckIn.objects.for_owner(owner).filter(pk=checkin_id).first()
    if checkin is None:
        from django.http import Http404

        raise Http404("No such check-in.")
    with transaction.atomic():
        checkin.delete()


# --- a goal drafted from a gap (issue 11: the action catalog) -----------------

# Which of the owner's ranked priorities a drafted goal serves, by gap kind:
# the first of these keys the owner has ranked, else their top priority.
GAP_PRIORITY_KEYS = {
    "skill": ("new-skill", "mastery", "promotion", "new-role"),
    "opportunity": ("promotion", "new-role", "autonomy", "mastery", "new-skill"),
}


def _gap_priority(*, owner: Any, gap: str) -> Priority | None:
    from headway.growth.services import current_ranking

    ranked = current_ranking(owner=owner)
    for key in GAP_PRIORITY_KEYS.get(gap, ()):
        for priority in ranked:
            if priority.catalog_key == key:
                return priority
    return ranked[0] if ranked else None


def goal_draft_for_gap(
    *, owner: Any, need_id: int, action_key: str, today: date | None = None
) -> Goal:
    """Turn a catalog action (or one of the owner's own) into a goal linked to
    the gap, with a statement and date the owner then edits.

    A met need, or an action that is not for this kind of gap: one clear
    error, nothing saved.
    """
    from headway.coach.gaps import (
        OWN_ACTION_MONTHS,
        OWN_ACTION_TEMPLATE,
        add_months,
        draft_statement,
        topic_of,
    )
    from headway.growth.selectors import actions_for, gaps_for
    from headway.growth.services import need_get

    today = today or timezone.localdate()
    row = need_get(owner=owner, need_id=need_id)
    gap = next((g for g in gaps_for(owner, today) if g.need_id == row.pk), None)
    if gap is None:
        raise field_error(
            "need",
            f"“{row}” is a need of {row.role.name}, which is not your active "
            "target role.",
            "inactive",
        )
    if gap.gap is None:
        raise field_error(
            "need",
            f"“{gap.need}” is already met: nothing to act on. Pick a gap that "
            "is thin or missing (`headway gaps`).",
            "met",
        )
    actions = actions_for(owner=owner, gap=gap.gap)
    action = next((a for a in actions if a.key == action_key.strip().lower()), None)
    if action is None:
        keys = ", ".join(a.key for a in actions)
        raise field_error(
            "action",
            f"{action_key!r} is not an action for a {gap.gap} gap; pick one of: "
            f"{keys}.",
            "unknown",
        )
    due = add_months(today, action.months or OWN_ACTION_MONTHS)
    statement = draft_statement(
        action.template or OWN_ACTION_TEMPLATE,
        topic=topic_of(gap),
        due=due,
        name=action.name,
    )
    priority = _gap_priority(owner=owner, gap=gap.gap)
    with transaction.atomic():
        goal = goal_create(
            owner=owner,
            statement=statement,
            due=due,
            priority=priority.pk if priority else None,
            started_on=today,
        )
        goal.need = row
        goal.save(update_fields=["need", "updated"])
    return goal
