"""Gap analysis: what stands between the owner and the role they aim for.

Pure Python, no Django. The caller hands over the active role's needs and,
for each skill need, the owner's rating and the dates of the entries that
show it; this module says, for each need, whether it is met, thin (an
*opportunity gap*: the level is reached but it has had little or no recent
chance to show) or missing (a *skill gap*: the level is below the need, or
the skill was never rated and never shown), and ranks what is not met.

It also reads the needs as the owner writes them ("hiring:3" is a skill at
level 3; "led a team of 5+" is an experience), matches skill names
forgivingly, and holds the action catalog of DOMAIN.md §3.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Kind = Literal["skill", "experience"]
State = Literal["met", "thin", "missing"]
GapKind = Literal["skill", "opportunity"]

LEVEL_MIN, LEVEL_MAX = 1, 5
# A skill at its level is thin (an opportunity gap) when fewer entries than
# this show it, or when the last one is older than STALE_MONTHS.
THIN_EVIDENCE_MIN = 2
STALE_MONTHS = 12
# Ranking: each missing level counts MISSING_LEVEL_WEIGHT; a thin skill or a
# missing experience counts as OPPORTUNITY_WEIGHT / EXPERIENCE_WEIGHT levels.
# Each is multiplied by 1 + months since last shown / STALE_SCALE_MONTHS
# (capped at STALE_CAP_MONTHS; never shown counts as the cap).
MISSING_LEVEL_WEIGHT = 1.0
OPPORTUNITY_WEIGHT = 0.5
EXPERIENCE_WEIGHT = 1.0
STALE_SCALE_MONTHS = 12
STALE_CAP_MONTHS = 36


class NeedError(ValueError):
    """A need written in a way that cannot be read; the message says why."""


# --- names -------------------------------------------------------------------


def skill_key(name: str) -> str:
    """The form two names share when they mean the same skill.

    Case, accents, hyphens, underscores and spacing do not matter
    ("Résumé-writing" = "resume writing"); other signs do ("C++" is not "C#").
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[-_/]+", " ", plain.casefold())
    return " ".join(plain.split())


# --- needs as written ---------------------------------------------------------


@dataclass(frozen=True)
class ParsedNeed:
    kind: Kind
    text: str  # the skill name, or the experience as written
    level: int | None  # the required level of a skill need


_LEVEL_TAIL = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<level>[^:]*)$")


def parse_need(text: str) -> ParsedNeed:
    """Read "hiring:3" as a skill at level 3; text without a colon is an experience."""
    text = " ".join(text.split())
    if not text:
        raise NeedError("A need is empty.")
    match = _LEVEL_TAIL.match(text)
    if match is None:
        if text.endswith(":") or text.startswith(":"):
            raise NeedError(f"“{text}”: write the skill and its level like “hiring:3”.")
        return ParsedNeed(kind="experience", text=text, level=None)
    name, level = match.group("name").strip(), match.group("level").strip()
    if not name:
        raise NeedError(f"“{text}”: name the skill before the colon, like “hiring:3”.")
    if not level.isdigit() or not LEVEL_MIN <= int(level) <= LEVEL_MAX:
        raise NeedError(
            f"“{text}”: the level after the colon must be a whole number from "
            f"{LEVEL_MIN} to {LEVEL_MAX} (“{name}:3”); leave out the colon for "
            "an experience."
        )
    return ParsedNeed(kind="skill", text=name, level=int(level))


def need_text(need: ParsedNeed) -> str:
    return f"{need.text}:{need.level}" if need.kind == "skill" else need.text


# --- the analysis ------------------------------------------------------------


@dataclass(frozen=True)
class NeedFacts:
    """One need of the active role with what the owner's data says about it."""

    need_id: int
    kind: Kind
    text: str  # the skill's name, or the experience
    required: int | None = None  # a skill need's level
    skill_id: int | None = None
    level: int | None = None  # the owner's latest rating; None: never rated
    shown_on: tuple[date, ...] = ()  # dates of the entries linked as evidence
    # Or, counted by the caller already (a database does it faster): how many
    # entries up to today show it, and the latest one's date.
    evidence: int | None = None
    last_shown: date | None = None
    goal_id: int | None = None  # an active goal linked to this need
    goal_progress: float | None = None  # 0..1, when the goal has a target
    position: int = 0


@dataclass(frozen=True)
class Gap:
    """The verdict on one need. `as_dict` is the documented JSON shape."""

    need: str
    kind: Kind
    state: State
    gap: GapKind | None
    required: int | None
    current: int | None
    last_shown: date | None
    rank: int
    goal_id: int | None
    need_id: int
    skill_id: int | None = None
    severity: float = 0.0
    evidence: int = 0
    months_stale: int | None = None
    goal_progress: float | None = None
    reason: str = field(default="", compare=False)

    @property
    def is_gap(self) -> bool:
        return self.state != "met"

    def as_dict(self) -> dict[str, object]:
        return {
            "need": self.need,
            "kind": self.kind,
            "state": self.state,
            "gap": self.gap,
            "required": self.required,
            "current": self.current,
            "last_shown": self.last_shown.isoformat() if self.last_shown else None,
            "rank": self.rank,
            "goal_id": self.goal_id,
        }


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (0 if later is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def freshness_months(last_shown: date | None, today: date) -> int | None:
    return None if last_shown is None else months_between(last_shown, today)


def _stale_factor(months: int | None) -> float:
    capped = STALE_CAP_MONTHS if months is None else min(months, STALE_CAP_MONTHS)
    return 1 + capped / STALE_SCALE_MONTHS


def _evidence(facts: NeedFacts, today: date) -> tuple[int, date | None]:
    """How many entries up to today show the need, and the latest one's date."""
    if facts.evidence is not None:
        last = facts.last_shown if facts.evidence else None
        return facts.evidence, last
    shown = [d for d in facts.shown_on if d <= today]
    return len(shown), max(shown) if shown else None


def _judge(facts: NeedFacts, today: date) -> tuple[State, GapKind | None, float, str]:
    count, last = _evidence(facts, today)
    months = freshness_months(last, today)
    stale = _stale_factor(months)
    if facts.kind == "experience":
        if count:
            return "met", None, 0.0, "An entry shows it."
        return (
            "missing",
            "opportunity",
            EXPERIENCE_WEIGHT * stale,
            "No entry is linked to it yet.",
        )
    required = facts.required or LEVEL_MIN
    if facts.level is None and not count:
        return (
            "missing",
            "skill",
            MISSING_LEVEL_WEIGHT * required * stale,
            "Never rated and never shown.",
        )
    if facts.level is not None and facts.level < required:
        missing = required - facts.level
        return (
            "missing",
            "skill",
            MISSING_LEVEL_WEIGHT * missing * stale,
            f"Rated {facts.level}, the role needs {required}.",
        )
    if count < THIN_EVIDENCE_MIN:
        return (
            "thin",
            "opportunity",
            OPPORTUNITY_WEIGHT * stale,
            f"Only {count} entr{'y shows' if count == 1 else 'ies show'} it.",
        )
    if months is not None and months > STALE_MONTHS:
        return (
            "thin",
            "opportunity",
            OPPORTUNITY_WEIGHT * stale,
            f"Last shown {months} months ago.",
        )
    if facts.level is None:  # judged on the evidence alone: say so
        return "met", None, 0.0, f"Shown in {count} entries, recently; judged on them."
    return "met", None, 0.0, "Level reached and recently shown."


def analyse(needs: list[NeedFacts], today: date) -> list[Gap]:
    """Every need with its verdict: gaps first by severity, then the met ones."""
    judged = []
    for facts in needs:
        state, gap, severity, reason = _judge(facts, today)
        count, last = _evidence(facts, today)
        judged.append((facts, state, gap, severity, reason, last, count))
    judged.sort(key=lambda row: (row[1] == "met", -row[3], row[0].position))
    found = []
    for rank, (facts, state, gap, severity, reason, last, count) in enumerate(
        judged, start=1
    ):
        skill = facts.kind == "skill"
        found.append(
            Gap(
                need=facts.text,
                kind=facts.kind,
                state=state,
                gap=gap,
                required=facts.required if skill else 1,
                current=facts.level if skill else count,
                last_shown=last,
                rank=rank,
                goal_id=facts.goal_id,
                need_id=facts.need_id,
                skill_id=facts.skill_id,
                severity=round(severity, 4),
                evidence=count,
                months_stale=freshness_months(last, today),
                goal_progress=facts.goal_progress,
                reason=reason,
            )
        )
    return found


# --- the action catalog (DOMAIN.md §3) ----------------------------------------


@dataclass(frozen=True)
class Action:
    key: str
    gap: GapKind
    name: str
    template: str  # {topic} and {due}; the statement the drafted goal starts with
    months: int  # how far out the drafted goal is due


ACTION_CATALOG: tuple[Action, ...] = (
    Action(
        "mentor",
        "skill",
        "Find a mentor or subject-matter expert",
        "Meet a mentor on {topic} at least 3 times by {due}",
        4,
    ),
    Action(
        "coach",
        "skill",
        "Find a coach",
        "Complete 6 coaching sessions on {topic} by {due}",
        6,
    ),
    Action(
        "training",
        "skill",
        "Training: a course, seminar or workshop",
        "Complete a course on {topic} by {due}",
        4,
    ),
    Action(
        "certification",
        "skill",
        "Certification exam",
        "Pass a certification exam in {topic} by {due}",
        6,
    ),
    Action(
        "education",
        "skill",
        "Formal education",
        "Complete a formal programme module in {topic} by {due}",
        12,
    ),
    Action(
        "organisation",
        "skill",
        "Join a professional organisation",
        "Join a professional organisation for {topic} and attend 2 events by {due}",
        4,
    ),
    Action(
        "self-study",
        "skill",
        "Self-study project",
        "Ship 1 self-study project using {topic} by {due}",
        3,
    ),
    Action(
        "assignment",
        "opportunity",
        "Ask for a special assignment or project",
        "Take on 1 special assignment that uses {topic} by {due}",
        3,
    ),
    Action(
        "raise-hand",
        "opportunity",
        "Raise your hand for a new project",
        "Join 1 new project that needs {topic} by {due}",
        3,
    ),
    Action(
        "lateral",
        "opportunity",
        "Consider a lateral move",
        "Apply for 1 lateral move that uses {topic} by {due}",
        6,
    ),
    Action(
        "volunteer",
        "opportunity",
        "Volunteer",
        "Volunteer for 2 activities that use {topic} by {due}",
        3,
    ),
    Action(
        "lead",
        "opportunity",
        "Lead an initiative",
        "Lead 1 initiative that shows {topic} by {due}",
        4,
    ),
    Action(
        "speak-up",
        "opportunity",
        "Speak up in meetings",
        "Speak up on {topic} in at least 4 team meetings by {due}",
        2,
    ),
    Action(
        "manager",
        "opportunity",
        "Meet your manager regularly about progress",
        "Hold 3 progress meetings with my manager on {topic} by {due}",
        3,
    ),
)
OWN_ACTION_TEMPLATE = "{name}: {topic}, by {due}"
OWN_ACTION_MONTHS = 3


def catalog_for(gap: GapKind) -> list[Action]:
    return [action for action in ACTION_CATALOG if action.gap == gap]


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(f"no day in {year}-{month}")  # pragma: no cover


def topic_of(gap: Gap) -> str:
    return gap.need if gap.kind == "skill" else f"“{gap.need}”"


def draft_statement(template: str, *, topic: str, due: date, name: str = "") -> str:
    due_text = f"{due.day} {due:%B %Y}"
    return template.format(topic=topic, due=due_text, name=name)
