"""Drift: which of the four rules say the owner is drifting, since when, and what
would end it soonest, chosen only from the owner's own goals, mentors and needs.

Rules, each reported on its own with the date it started:
- `low_months`: the last N complete months (default 3) all scored below the
  threshold; it started on the first day of the first of those low months;
- `no_learning`, `no_strong_tie`, `no_goal_progress`: nothing of that kind for
  the last N days (90, 180, 60); it started N days after the last one (or after
  the owner began, when there was none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from headway.coach.momentum import MonthScore

RULES = ("low_months", "no_learning", "no_strong_tie", "no_goal_progress")
SUGGESTIONS_MAX = 3


@dataclass(frozen=True)
class DriftThresholds:
    month_score: float = 6.0
    low_months: int = 3
    learning_days: int = 90
    strong_tie_days: int = 180
    goal_days: int = 60


@dataclass(frozen=True)
class DriftFacts:
    today: date
    started_on: date  # the day the owner's record begins; nothing is owed before
    months: tuple[MonthScore, ...]  # oldest first, as momentum() returns them
    last_learning: date | None = None
    last_strong_tie: date | None = None
    last_goal_progress: date | None = None


@dataclass(frozen=True)
class DriftRule:
    rule: str
    since: date
    message: str


@dataclass(frozen=True)
class GoalFact:
    id: int
    statement: str
    pace: str | None  # "ahead", "on", "behind" or None without a target
    done_share: float | None  # 0..1 of the target
    expected_share: float | None  # 0..1 by today on the straight line
    last_progress: date | None


@dataclass(frozen=True)
class MentorFact:
    id: int
    name: str
    state: str  # the due list's state: "mentor-update", "overdue", …
    due_on: date


@dataclass(frozen=True)
class NeedFact:
    need: str  # as the owner wrote it on the target role
    role: str
    last_shown: date | None  # the latest entry linked to a skill of that name


@dataclass(frozen=True)
class OwnerGaps:
    goals: tuple[GoalFact, ...] = ()
    mentors: tuple[MentorFact, ...] = ()
    needs: tuple[NeedFact, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    action: str
    reason: str
    link_kind: str  # what the door turns into a URL: goal, contact, target_role, …
    link_id: int | None
    ends: tuple[str, ...]  # the rules it works against


@dataclass(frozen=True)
class Drift:
    drifting: bool
    rules: tuple[DriftRule, ...]
    suggestions: tuple[Suggestion, ...]


def low_months_rule(facts: DriftFacts, limits: DriftThresholds) -> DriftRule | None:
    """The run of complete months below the threshold that ends with the last one."""
    counted = [
        row for row in facts.months if row.complete and row.month >= facts.started_on
    ]
    run: list[MonthScore] = []
    for row in reversed(counted):
        if row.score >= limits.month_score:
            break
        run.append(row)
    if len(run) < limits.low_months:
        return None
    since = run[-1].month
    return DriftRule(
        "low_months",
        since,
        f"{len(run)} months in a row scored under {limits.month_score:g} "
        f"(since {since:%B %Y}).",
    )


def gap_rule(
    rule: str, last: date | None, days: int, facts: DriftFacts, what: str
) -> DriftRule | None:
    """Nothing of a kind for `days` days: it starts `days` after the last one."""
    start = max(last, facts.started_on) if last else facts.started_on
    since = start + timedelta(days=days)
    if facts.today < since:
        return None
    ago = f"since {last:%-d %B %Y}" if last else "yet"
    return DriftRule(rule, since, f"No {what} {ago} — over {days} days.")


def drift_rules(facts: DriftFacts, limits: DriftThresholds) -> tuple[DriftRule, ...]:
    found = (
        low_months_rule(facts, limits),
        gap_rule(
            "no_learning", facts.last_learning, limits.learning_days, facts,
            "learning entry",
        ),
        gap_rule(
            "no_strong_tie", facts.last_strong_tie, limits.strong_tie_days, facts,
            "new strong tie",
        ),
        gap_rule(
            "no_goal_progress", facts.last_goal_progress, limits.goal_days, facts,
            "goal progress",
        ),
    )  # fmt: skip
    return tuple(rule for rule in found if rule is not None)


def _percent(share: float | None) -> str:
    return f"{round((share or 0) * 100)} %"


def goal_candidates(gaps: OwnerGaps) -> list[Suggestion]:
    behind = [goal for goal in gaps.goals if goal.pace == "behind"]
    behind.sort(key=lambda g: ((g.done_share or 0) - (g.expected_share or 0), g.id))
    found = [
        Suggestion(
            action=f"Check in on “{goal.statement}”",
            reason=f"It is behind its line: {_percent(goal.done_share)} done, "
            f"{_percent(goal.expected_share)} expected by now.",
            link_kind="goal",
            link_id=goal.id,
            ends=("no_goal_progress", "low_months"),
        )
        for goal in behind
    ]
    stale = [goal for goal in gaps.goals if goal.pace != "behind"]
    stale.sort(key=lambda g: (g.last_progress or date.min, g.id))
    found.extend(
        Suggestion(
            action=f"Record progress on “{goal.statement}”",
            reason=(
                f"Its last check-in was on {goal.last_progress:%-d %B %Y}."
                if goal.last_progress
                else "It has no check-in yet."
            ),
            link_kind="goal",
            link_id=goal.id,
            ends=("no_goal_progress", "low_months"),
        )
        for goal in stale
    )
    return found


def mentor_candidates(gaps: OwnerGaps) -> list[Suggestion]:
    mentors = sorted(gaps.mentors, key=lambda m: (m.due_on, m.id))
    return [
        Suggestion(
            action=f"Meet or update your mentor {mentor.name}",
            reason=f"An update to them has been due since {mentor.due_on:%-d %B %Y}; "
            "a mentor can introduce you to people worth knowing.",
            link_kind="contact",
            link_id=mentor.id,
            ends=("no_strong_tie", "low_months"),
        )
        for mentor in mentors
    ]


def need_candidates(gaps: OwnerGaps, today: date) -> list[Suggestion]:
    needs = sorted(gaps.needs, key=lambda n: (n.last_shown or date.min, n.need))
    return [
        Suggestion(
            action=f"Learn or show “{need.need}”",
            reason=f"{need.role} needs it, and "
            + (
                f"nothing in your log has shown it since {need.last_shown:%-d %B %Y}."
                if need.last_shown
                else "nothing in your log shows it yet."
            ),
            link_kind="target_role",
            link_id=None,
            ends=("no_learning", "low_months"),
        )
        for need in needs
    ]


# When the owner's data offers nothing for a rule: the plain way to end it.
FALLBACKS = {
    "no_learning": Suggestion(
        "Log something you are learning",
        "A course, a book or an exam in progress ends the learning gap.",
        "new_entry", None, ("no_learning", "low_months"),
    ),
    "no_goal_progress": Suggestion(
        "Set a goal you can check",
        "You have no active goal to record progress on.",
        "new_goal", None, ("no_goal_progress",),
    ),
    "no_strong_tie": Suggestion(
        "Meet someone new, or deepen a tie",
        "A contact you rate 4 or 5 ends the strong-tie gap.",
        "network", None, ("no_strong_tie",),
    ),
    "low_months": Suggestion(
        "Log an accomplishment in NEAR form",
        "A complete accomplishment weighs most of any entry you can write today.",
        "new_entry", None, ("low_months",),
    ),
}  # fmt: skip


def suggestions(
    rules: tuple[DriftRule, ...],
    gaps: OwnerGaps,
    *,
    today: date,
) -> tuple[Suggestion, ...]:
    """Up to three actions: first those that end the most open rules between them."""
    open_rules = {rule.rule for rule in rules}
    if not open_rules:
        return ()
    candidates = [
        *goal_candidates(gaps),
        *need_candidates(gaps, today),
        *mentor_candidates(gaps),
    ]
    candidates.extend(
        FALLBACKS[rule]
        for rule in RULES
        if rule in open_rules and not any(rule in found.ends for found in candidates)
    )
    chosen: list[Suggestion] = []
    uncovered = set(open_rules)
    while len(chosen) < SUGGESTIONS_MAX:
        useful = [c for c in candidates if c not in chosen and open_rules & set(c.ends)]
        if not useful:
            break
        best = max(useful, key=lambda c: len(uncovered & set(c.ends)))
        chosen.append(best)
        uncovered -= set(best.ends)
    return tuple(chosen)


def drift(
    facts: DriftFacts, gaps: OwnerGaps, limits: DriftThresholds | None = None
) -> Drift:
    limits = limits or DriftThresholds()
    rules = drift_rules(facts, limits)
    return Drift(
        drifting=bool(rules),
        rules=rules,
        suggestions=suggestions(rules, gaps, today=facts.today),
    )
