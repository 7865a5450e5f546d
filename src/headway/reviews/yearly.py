"""The yearly review (DOMAIN.md §6), answered from the owner's own data."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Min

from headway.coach import yearly as coach
from headway.coach.near import NearInput, near_score
from headway.goals.models import Goal, GoalStatus
from headway.growth.models import Skill
from headway.journal.models import Entry, EntryKind
from headway.reviews.momentum import STRONG, contacts_begun, momentum_report


@dataclass(frozen=True)
class YearReview:
    year: int
    accomplishments: list[coach.Accomplishment]
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


def year_review(*, owner: Any, year: int, today: date) -> YearReview:
    """Every question of the yearly review, from what the owner logged."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    entries = Entry.objects.for_owner(owner).filter(occurred_on__range=(first, last))
    begun = contacts_begun(owner=owner, since=first, until=last)
    return YearReview(
        year=year,
        accomplishments=accomplishments_of(entries),
        skills_learned=skills_first_shown(owner=owner, first=first, last=last),
        learning=count_details(entries.filter(kind=EntryKind.LEARNING), "subtype"),
        talks=entries.filter(kind=EntryKind.TALK).count(),
        posts=entries.filter(kind=EntryKind.CONTENT).count(),
        new_contacts=begun.count(),
        strong_ties=strong_ties_by_how(begun),
        trends=trends_followed(entries),
        goals_achieved=_goal_statements(owner, GoalStatus.ACHIEVED, first, last),
        goals_dropped=[
            (goal.statement, goal.drop_reason)
            for goal in goals_closed(owner, GoalStatus.DROPPED, first, last)
        ],
        goals_open=list(
            Goal.objects.for_owner(owner)
            .filter(status=GoalStatus.ACTIVE, started_on__lte=last)
            .values_list("statement", flat=True)
        ),
        setbacks=[
            (entry.title, str(entry.details.get("lesson", "")))
            for entry in entries.filter(kind=EntryKind.SETBACK).order_by("occurred_on")
        ],
        quiet_months=_quiet_months(owner=owner, year=year, today=today),
    )


NEAR_FIELDS = ("numbers", "example", "achievement", "result")


def accomplishments_of(entries: Any) -> list[coach.Accomplishment]:
    """The period's accomplishments, ranked by the coach; only the leaders are
    read by the NEAR coach for their bullet (about 7 ms each: a busy year
    has hundreds)."""
    rows = entries.filter(kind=EntryKind.ACCOMPLISHMENT).values_list(
        "pk", "title", "occurred_on", "starred", *NEAR_FIELDS
    )
    found = [
        coach.Accomplishment(pk, title, day, starred, sum(1 for p in parts if p))
        for pk, title, day, starred, *parts in rows
    ]
    top = coach.top_accomplishments(found)
    texts = {
        row[0]: row[1:]
        for row in entries.filter(pk__in=[item.id for item in top]).values_list(
            "pk", "title", *NEAR_FIELDS
        )
    }
    return [replace(item, bullet=_bullet(*texts[item.id])) for item in top]


def _bullet(title: str, *parts: str) -> str:
    if not all(parts):
        return ""
    numbers, example, achievement, result = parts
    given = NearInput(text=title, numbers=numbers, example=example,
                      achievement=achievement, result=result)  # fmt: skip
    return near_score(given).bullet


def skills_first_shown(*, owner: Any, first: date, last: date) -> list[str]:
    """Skills first shown (their first linked entry) in the year."""
    skills = (
        Skill.objects.for_owner(owner)
        .annotate(first_shown=Min("entries__occurred_on"))
        .filter(first_shown__range=(first, last))
        .order_by("first_shown", "name")
    )
    return [skill.name for skill in skills]


def strong_ties_by_how(begun: Any) -> dict[str, int]:
    """The strong ties among contacts begun, counted by how they were met."""
    met = begun.filter(strength__gte=STRONG).values_list("met_how", flat=True)
    return dict(Counter(how or "not recorded" for how in met))


def trends_followed(entries: Any) -> list[tuple[str, int]]:
    """The trends reading entries followed, most followed first."""
    reading = entries.filter(kind=EntryKind.READING)
    return Counter(detail_values(reading, "trend")).most_common()


def detail_values(entries: Any, key: str) -> list[str]:
    values = entries.values_list(f"details__{key}", flat=True)
    return [
        value.strip() for value in values if isinstance(value, str) and value.strip()
    ]


def count_details(entries: Any, key: str) -> dict[str, int]:
    counted = Counter(detail_values(entries, key))
    unnamed = entries.count() - sum(counted.values())
    if unnamed:
        counted["other"] += unnamed
    return dict(counted.most_common())


def goals_closed(owner: Any, status: str, first: date, last: date) -> Any:
    return Goal.objects.for_owner(owner).filter(
        status=status, closed_on__range=(first, last)
    )


def _goal_statements(owner: Any, status: str, first: date, last: date) -> list[str]:
    return list(
        goals_closed(owner, status, first, last).values_list("statement", flat=True)
    )


def _quiet_months(*, owner: Any, year: int, today: date) -> list[date]:
    end = min(date(year, 12, 31), today)
    if end.year != year:
        return []
    report = momentum_report(owner=owner, today=end, months=end.month)
    scores = {
        month.month: month.score
        for month in report.momentum.months
        if month.complete and month.month.year == year
    }
    return coach.quiet_months(scores, threshold=settings.DRIFT_MONTH_SCORE)


def year_markdown(review: YearReview) -> str:
    """The review as Markdown, section by section; an empty answer says so."""
    lines = [f"# {review.year} in review", ""]

    def section(title: str, items: list[str], empty: str) -> None:
        lines.extend([f"## {title}", ""])
        if items:
            lines.extend(f"- {item}" for item in items)
        else:
            lines.append(empty)
        lines.append("")

    section(
        "Biggest accomplishments",
        [
            a.bullet or f"{a.title} ({a.occurred_on:%b %Y})"
            for a in review.accomplishments
        ],
        "No accomplishment logged this year.",
    )
    section("Skills learned", review.skills_learned, "No new skill shown this year.")
    learned = [f"{count} {kind}" for kind, count in review.learning.items()]
    section(
        "Courses, exams, talks and posts",
        [*learned, f"{review.talks} talks", f"{review.posts} posts and articles"],
        "",
    )
    ties = ", ".join(f"{count} by {how}" for how, count in review.strong_ties.items())
    section(
        "Network",
        [
            f"{review.new_contacts} new contacts",
            f"{sum(review.strong_ties.values())} strong ties added"
            + (f" ({ties})" if ties else ""),
        ],
        "",
    )
    section(
        "Industries and trends followed",
        [f"{trend} ({count})" for trend, count in review.trends],
        "No reading logged this year.",
    )
    section(
        "Goals",
        [
            *(f"Achieved: {goal}" for goal in review.goals_achieved),
            *(f"Dropped: {goal} — {why}" for goal, why in review.goals_dropped),
            *(f"Still open: {goal}" for goal in review.goals_open),
        ],
        "No goal this year.",
    )
    section(
        "Setbacks and lessons",
        [
            f"{title}" + (f" — {lesson}" if lesson else "")
            for title, lesson in review.setbacks
        ],
        "No setback logged this year.",
    )
    section(
        "Months of drift",
        [month.strftime("%B") for month in review.quiet_months],
        "None: every month had growth activity above the drift threshold.",
    )
    return "\n".join(lines).rstrip() + "\n"


def year_as_dict(review: YearReview) -> dict[str, Any]:
    return {
        "year": review.year,
        "accomplishments": [
            {
                "id": a.id,
                "title": a.title,
                "occurred_on": a.occurred_on.isoformat(),
                "starred": a.starred,
                "near_parts": a.near_parts,
                "bullet": a.bullet,
            }
            for a in review.accomplishments
        ],
        "skills_learned": review.skills_learned,
        "learning": review.learning,
        "talks": review.talks,
        "posts": review.posts,
        "new_contacts": review.new_contacts,
        "strong_ties": review.strong_ties,
        "trends": [{"trend": t, "entries": n} for t, n in review.trends],
        "goals": {
            "achieved": review.goals_achieved,
            "dropped": [{"statement": s, "reason": r} for s, r in review.goals_dropped],
            "open": review.goals_open,
        },
        "setbacks": [{"title": t, "lesson": lesson} for t, lesson in review.setbacks],
        "quiet_months": [month.strftime("%Y-%m") for month in review.quiet_months],
    }
