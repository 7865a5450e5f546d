"""The next career action: one ranked list of what to do next, from every area.

Scored the way a task manager scores urgency (Taskwarrior's urgency
coefficients): each item's score is the sum of its *terms*, and each term is a
named weight times a factor from 0 to 1 read from the owner's own data — the
rank of the priority a goal serves, how far a goal is behind its line, how
near its due date is, how severe a gap is, an overdue strong tie who can help
with a gap, a mentor update due, months without learning, a certification
about to lapse. The item keeps its terms (`why`), so the owner can see what
put it there. Nothing is invented: every item comes from a fact the owner
recorded, and links to where it is acted on (the caller's link, passed through).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# == The weights: each term's points at its full factor (1.0). ================
# They are the one place the ranking is tuned; tests/coach/test_next_action.py
# pins each. A goal at its deadline outweighs anything else, as in Taskwarrior
# (due 12.0); a lapsing certificate costs real money and time to redo.
WEIGHT_DUE = 12.0  # a goal a week past its due date
WEIGHT_BEHIND = 10.0  # a goal with nothing done when all its time is gone
WEIGHT_EXPIRY = 9.0  # a certification expiring today or already lapsed
WEIGHT_GAP = 8.0  # a gap at full severity (GAP_SEVERITY_FULL or more)
WEIGHT_PRIORITY = 6.0  # a goal serving the owner's first priority
WEIGHT_HELPER = 5.0  # an overdue tie of strength 5 who can help with a gap
WEIGHT_LEARNING = 5.0  # a year or more without a learning entry
WEIGHT_MENTOR = 4.0  # a mentor update four weeks late

WEIGHTS = {
    "due": WEIGHT_DUE,
    "behind": WEIGHT_BEHIND,
    "expiry": WEIGHT_EXPIRY,
    "gap": WEIGHT_GAP,
    "priority": WEIGHT_PRIORITY,
    "helper": WEIGHT_HELPER,
    "learning": WEIGHT_LEARNING,
    "mentor": WEIGHT_MENTOR,
}

# What each term is called where the owner reads it.
TERM_LABELS = {
    "due": "Due date",
    "behind": "Behind its line",
    "expiry": "Certification expiring",
    "gap": "Target-role gap",
    "priority": "Priority it serves",
    "helper": "Someone who can help",
    "learning": "Time since learning",
    "mentor": "Mentor update",
}

# == The shapes: how each factor rises from 0 to 1. ==========================
DUE_HORIZON_DAYS = 28  # 0 this many days ahead, rising in a line…
DUE_FULL_LATE_DAYS = 7  # …to 1 this many days past the due date
# The gap analysis's severity (missing levels, weighted by staleness) at which
# a gap counts in full: three levels short and a year unshown.
GAP_SEVERITY_FULL = 6.0
HELPER_MIN_STRENGTH = 4  # strong ties only (DOMAIN.md §5: 4 and 5)
STRENGTH_MAX = 5
MENTOR_FLOOR = 0.5  # an update due today counts half…
MENTOR_FULL_LATE_DAYS = 28  # …and in full four weeks late
LEARNING_AFTER_MONTHS = 3  # drift's 90 days: before this, no item at all
LEARNING_FULL_MONTHS = 12
EXPIRY_HORIZON_DAYS = 90  # the agenda's: 0 this far ahead, 1 on the day

DECIMALS = 2


@dataclass(frozen=True)
class GoalSignal:
    """An active goal: what it serves, where it stands on its line, when due."""

    statement: str
    link: str
    priority_rank: int | None = None  # 1 = the owner's first priority now
    priorities_ranked: int = 0  # how many priorities the current ranking has
    done_share: float | None = None  # 0..1 of its target (None: a yes/no goal)
    expected_share: float | None = None  # 0..1 by today on the straight line
    due: date | None = None
    gap_need: str = ""  # the need of an open gap this goal works on
    gap_severity: float = 0.0


@dataclass(frozen=True)
class GapSignal:
    """An open gap of the target role with no active goal working on it."""

    need: str
    gap: str  # "skill" or "opportunity"
    severity: float  # the gap analysis's: missing levels weighted by staleness
    months_stale: int | None  # months since last shown; None: never shown
    link: str


@dataclass(frozen=True)
class HelperSignal:
    """A contact whose cadence has run out and who can help with open gaps."""

    name: str
    strength: int
    days_late: int
    needs: tuple[str, ...]  # the gaps' needs they can help with
    link: str


@dataclass(frozen=True)
class MentorSignal:
    """A progress update (or thank-you) owed to a mentor."""

    title: str
    due_on: date
    link: str


@dataclass(frozen=True)
class CertificationSignal:
    title: str
    expires_on: date
    link: str


@dataclass(frozen=True)
class LearningSignal:
    last_learning: date | None  # the latest learning entry; None: never
    started_on: date  # when the owner's record begins: nothing is owed before
    link: str


@dataclass(frozen=True)
class Signals:
    goals: tuple[GoalSignal, ...] = ()
    gaps: tuple[GapSignal, ...] = ()
    helpers: tuple[HelperSignal, ...] = ()
    mentors: tuple[MentorSignal, ...] = ()
    certifications: tuple[CertificationSignal, ...] = ()
    learning: LearningSignal | None = None


@dataclass(frozen=True)
class Term:
    term: str  # a key of WEIGHTS
    value: float  # the points it adds: weight times factor
    note: str  # the fact behind it, in words

    @property
    def label(self) -> str:
        return TERM_LABELS[self.term]


@dataclass(frozen=True)
class NextAction:
    title: str
    score: float
    why: tuple[Term, ...]
    link: str


# --- the factors: each from 0 to 1 -------------------------------------------


def _clamp(value: float) -> float:
    return max(0.0, min(value, 1.0))


def priority_factor(rank: int | None, ranked: int) -> float:
    """1 for the first priority, falling evenly to 1/n for the last of n."""
    if rank is None or ranked <= 0 or not 1 <= rank <= ranked:
        return 0.0
    return (ranked - rank + 1) / ranked


def behind_factor(done: float | None, expected: float | None) -> float:
    """How far the share done falls short of the line (0 when on or ahead)."""
    if done is None or expected is None:
        return 0.0
    return _clamp(expected - done)


def due_factor(due: date | None, today: date) -> float:
    """0 until DUE_HORIZON_DAYS before the due date, then a straight rise to 1
    at DUE_FULL_LATE_DAYS past it."""
    if due is None:
        return 0.0
    late = (today - due).days
    return _clamp((late + DUE_HORIZON_DAYS) / (DUE_HORIZON_DAYS + DUE_FULL_LATE_DAYS))


def gap_factor(severity: float) -> float:
    return _clamp(severity / GAP_SEVERITY_FULL)


def helper_factor(strength: int, days_late: int) -> float:
    """A strong tie past their cadence counts by strength (4 → 0.8, 5 → 1)."""
    if strength < HELPER_MIN_STRENGTH or days_late <= 0:
        return 0.0
    return _clamp(strength / STRENGTH_MAX)


def mentor_factor(due_on: date, today: date) -> float:
    """MENTOR_FLOOR on the day it is due, rising to 1 when four weeks late."""
    late = (today - due_on).days
    if late < 0:
        return 0.0
    return MENTOR_FLOOR + (1 - MENTOR_FLOOR) * _clamp(late / MENTOR_FULL_LATE_DAYS)


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (0 if later is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def learning_factor(months: int) -> float:
    """0 before LEARNING_AFTER_MONTHS, then months / LEARNING_FULL_MONTHS."""
    if months < LEARNING_AFTER_MONTHS:
        return 0.0
    return _clamp(months / LEARNING_FULL_MONTHS)


def expiry_factor(expires_on: date, today: date) -> float:
    """0 at EXPIRY_HORIZON_DAYS ahead, rising to 1 on the day; 1 once lapsed."""
    left = (expires_on - today).days
    return _clamp((EXPIRY_HORIZON_DAYS - left) / EXPIRY_HORIZON_DAYS)


# --- the items ----------------------------------------------------------------


def _term(term: str, factor: float, note: str) -> Term | None:
    value = round(WEIGHTS[term] * factor, DECIMALS)
    return Term(term, value, note) if value > 0 else None


def _item(title: str, link: str, terms: list[Term | None]) -> NextAction | None:
    kept = tuple(term for term in terms if term is not None)
    if not kept:
        return None
    score = round(sum(term.value for term in kept), DECIMALS)
    return NextAction(title, score, kept, link)


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _due_note(due: date, today: date) -> str:
    days = (due - today).days
    if days > 0:
        return f"due in {days} day{'s' if days != 1 else ''} ({_day(due)})"
    if days == 0:
        return "due today"
    return f"{-days} day{'s' if days != -1 else ''} past its due date ({_day(due)})"


def goal_item(goal: GoalSignal, today: date) -> NextAction | None:
    behind = behind_factor(goal.done_share, goal.expected_share)
    due = due_factor(goal.due, today)
    terms = [
        _term(
            "priority",
            priority_factor(goal.priority_rank, goal.priorities_ranked),
            f"serves your priority {goal.priority_rank} of {goal.priorities_ranked}",
        ),
        _term(
            "behind",
            behind,
            f"{_percent(goal.done_share or 0)} done, "
            f"{_percent(goal.expected_share or 0)} expected by now",
        ),
        _term("due", due, _due_note(goal.due, today) if goal.due else ""),
        _term(
            "gap",
            gap_factor(goal.gap_severity),
            f"works on your gap “{goal.gap_need}”",
        ),
    ]
    if behind > 0:
        verb = "Catch up on"
    elif goal.due is not None and goal.due <= today:
        verb = "Finish or re-plan"
    else:
        verb = "Move forward"
    return _item(f"{verb}: {goal.statement}", goal.link, terms)


def gap_item(gap: GapSignal) -> NextAction | None:
    stale = (
        "never shown"
        if gap.months_stale is None
        else f"last shown {gap.months_stale} months ago"
    )
    kind = "skill gap" if gap.gap == "skill" else "opportunity gap"
    verb = "Pick an action for" if gap.gap == "skill" else "Find a chance to show"
    term = _term("gap", gap_factor(gap.severity), f"{kind}, {stale}")
    return _item(f"{verb} “{gap.need}” ({kind})", gap.link, [term])


def helper_item(helper: HelperSignal) -> NextAction | None:
    needs = ", ".join(f"“{need}”" for need in helper.needs)
    term = _term(
        "helper",
        helper_factor(helper.strength, helper.days_late),
        f"strength {helper.strength}, {helper.days_late} days past your cadence; "
        f"can help with {needs}",
    )
    return _item(
        f"Get back in touch with {helper.name}: they can help with {needs}",
        helper.link,
        [term],
    )


def mentor_item(mentor: MentorSignal, today: date) -> NextAction | None:
    late = (today - mentor.due_on).days
    note = "due today" if late == 0 else f"due since {_day(mentor.due_on)}"
    term = _term("mentor", mentor_factor(mentor.due_on, today), note)
    return _item(mentor.title, mentor.link, [term])


def certification_item(
    certification: CertificationSignal, today: date
) -> NextAction | None:
    left = (certification.expires_on - today).days
    if left < 0:
        note = f"lapsed on {_day(certification.expires_on)}"
    else:
        note = f"expires in {left} days ({_day(certification.expires_on)})"
    term = _term("expiry", expiry_factor(certification.expires_on, today), note)
    return _item(certification.title, certification.link, [term])


def learning_item(learning: LearningSignal, today: date) -> NextAction | None:
    since = learning.last_learning or learning.started_on
    months = months_between(since, today)
    if learning.last_learning is None:
        note = f"no learning entry in {months} months of your record"
        title = "Start learning something and log it: a course, a book, an exam"
    else:
        note = f"{months} months since your last learning entry"
        title = "Start something new to learn, and log it"
    term = _term("learning", learning_factor(months), note)
    return _item(title, learning.link, [term])


def _merged(keyed: list[tuple[str, NextAction | None]]) -> list[NextAction]:
    """Items about the same person become one: its first title, every term
    (a mentor who is also an overdue helper is one message, not two)."""
    by_key: dict[str, NextAction] = {}
    for key, item in keyed:
        if item is None:
            continue
        first = by_key.get(key)
        if first is None:
            by_key[key] = item
            continue
        why = first.why + item.why
        score = round(sum(term.value for term in why), DECIMALS)
        by_key[key] = NextAction(first.title, score, why, first.link)
    return list(by_key.values())


def next_actions(signals: Signals, today: date) -> list[NextAction]:
    """Every item with a positive score, highest first (ties by title)."""
    keyed = [
        *((f"goal {goal.link}", goal_item(goal, today)) for goal in signals.goals),
        *(
            (f"certification {item.link}", certification_item(item, today))
            for item in signals.certifications
        ),
        *((f"gap {gap.need}", gap_item(gap)) for gap in signals.gaps),
        *(
            (f"contact {mentor.link}", mentor_item(mentor, today))
            for mentor in signals.mentors
        ),
        *(
            (f"contact {helper.link}", helper_item(helper))
            for helper in signals.helpers
        ),
    ]
    if signals.learning is not None:
        keyed.append(("learning", learning_item(signals.learning, today)))
    items = _merged(keyed)
    return sorted(items, key=lambda item: (-item.score, item.title, item.link))
