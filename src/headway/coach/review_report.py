"""A review's text structure for any period: the questions of the yearly
review (DOMAIN.md §6) answered from plain facts, each section bounded so a
long year stays a short report, and the prompts of the weekly review."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from headway.coach.numbers import plural
from headway.coach.yearly import Accomplishment

SECTION_ROWS = 10  # at most this many lines of a list; the rest is counted


@dataclass(frozen=True)
class PeriodFacts:
    """What the owner logged in a period, counted and chosen, as plain data."""

    accomplishments: list[Accomplishment]
    accomplishment_count: int
    skills_learned: list[str]
    learning: dict[str, int]
    talks: int
    posts: int
    new_contacts: int
    strong_ties: dict[str, int]  # how they were met → count
    trends: list[tuple[str, int]]
    goals_achieved: list[str]
    goals_dropped: list[tuple[str, str]]
    goals_open: list[str]
    setbacks: list[tuple[str, str]]  # title, lesson
    quiet_months: list[date] = field(default_factory=list)
    entries_by_kind: dict[str, int] = field(default_factory=dict)
    checkins: int = 0
    touches: int = 0


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[str, ...]
    empty: str = ""
    more: int = 0  # lines left out to keep the report short

    @property
    def more_text(self) -> str:
        return f"…and {self.more} more." if self.more else ""


def _capped(key: str, title: str, items: list[str], empty: str = "") -> Section:
    shown = tuple(items[:SECTION_ROWS])
    return Section(key, title, shown, empty, max(len(items) - SECTION_ROWS, 0))


def _accomplishment_line(item: Accomplishment) -> str:
    line = item.bullet or item.title
    return f"{line} ({item.occurred_on:%-d %b %Y})"


def review_sections(facts: PeriodFacts, *, drift: bool = True) -> list[Section]:
    """Each question of the review with its answer; `drift` adds the months
    of drift (meaningless for a single week)."""
    learned = [
        plural(count, "other learning entry", "other learning entries")
        if kind == "other"
        else plural(count, kind)
        for kind, count in facts.learning.items()
    ]
    ties = sum(facts.strong_ties.values())
    how = ", ".join(f"{count} by {way}" for way, count in facts.strong_ties.items())
    top = facts.accomplishments
    sections = [
        _capped(
            "accomplishments",
            "Biggest accomplishments",
            [_accomplishment_line(item) for item in top],
            "No accomplishment logged in this period.",
        ),
        _capped(
            "skills",
            "Skills learned",
            facts.skills_learned,
            "No new skill shown in this period.",
        ),
        Section(
            "learning",
            "Courses, exams, talks and posts",
            (
                *learned,
                plural(facts.talks, "talk", "talks"),
                plural(facts.posts, "post or article", "posts and articles"),
            ),
        ),
        Section(
            "network",
            "Network",
            (
                plural(facts.new_contacts, "new contact", "new contacts"),
                plural(ties, "strong tie added", "strong ties added")
                + (f" ({how})" if how else ""),
                plural(facts.touches, "touch logged", "touches logged"),
            ),
        ),
        _capped(
            "trends",
            "Industries and trends followed",
            [f"{trend} ({plural(n, 'entry', 'entries')})" for trend, n in facts.trends],
            "No reading logged in this period.",
        ),
        _goal_section(facts),
        _capped(
            "setbacks",
            "Setbacks and lessons",
            [
                title + (f" — {lesson}" if lesson else "")
                for title, lesson in facts.setbacks
            ],
            "No setback logged in this period.",
        ),
    ]
    if drift:
        sections.append(
            _capped(
                "drift",
                "Months of drift",
                [month.strftime("%B %Y") for month in facts.quiet_months],
                "None: every month had growth activity above the drift threshold.",
            )
        )
    sections.append(
        Section(
            "logged",
            "Everything logged",
            tuple(f"{kind}: {count}" for kind, count in facts.entries_by_kind.items()),
            "Nothing logged in this period.",
        )
    )
    return sections


def _goal_section(facts: PeriodFacts) -> Section:
    lines = [
        *(f"Achieved: {goal}" for goal in facts.goals_achieved),
        *(f"Dropped: {goal} — {why}" for goal, why in facts.goals_dropped),
        *(f"Still open: {goal}" for goal in facts.goals_open),
    ]
    if facts.checkins:
        lines.insert(0, plural(facts.checkins, "check-in logged", "check-ins logged"))
    return _capped("goals", "Goals", lines, "No goal in this period.")


def week_prompts(
    *, accomplishments: int, entries: int, goals_without_progress: list[str]
) -> list[str]:
    """What the weekly review asks about, from what is missing: never an
    answer written for the owner."""
    prompts = []
    if not entries:
        prompts.append("Nothing logged this week. What did you work on?")
    if not accomplishments:
        prompts.append(
            "No accomplishment logged this week. What did you finish or move "
            "forward, and how would you count it?"
        )
    prompts.extend(
        f"No progress on “{goal}” this week. Did anything move it, or is "
        "something in the way?"
        for goal in goals_without_progress[:SECTION_ROWS]
    )
    return prompts
