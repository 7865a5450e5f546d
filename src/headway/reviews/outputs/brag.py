"""The brag document: a year's accomplishments by goal and by quarter in NEAR
form, the skills they show, learning, talks, posts and feedback received,
rendered through Django templates (HTML escapes every user text)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.template.loader import render_to_string

from headway.accounts.profile import display_name, profile_get
from headway.goals.models import Goal
from headway.journal.models import Entry, EntryKind
from headway.reviews.outputs.accomplishments import (
    Accomplishment,
    accomplishments,
    best_first,
)

FORMATS = ("md", "html", "pdf")


@dataclass(frozen=True)
class Group:
    heading: str
    items: list[Accomplishment]
    is_goal: bool = False


@dataclass(frozen=True)
class Quote:
    """Feedback received, in the giver's words as the owner logged them."""

    person: str
    day: date
    lines: list[str]


@dataclass(frozen=True)
class BragDocument:
    owner_name: str
    headline: str
    year: int
    by_goal: list[Group]
    by_quarter: list[Group]
    skills: list[tuple[str, int]]
    learning: list[Entry]
    talks: list[Entry]
    posts: list[Entry]
    feedback: list[Quote]
    counts: dict[str, int] = field(default_factory=dict)


def brag_document(*, owner: Any, year: int) -> BragDocument:
    start, end = date(year, 1, 1), date(year, 12, 31)
    found = best_first(accomplishments(owner=owner, start=start, end=end))
    entries = list(
        Entry.objects.for_owner(owner)
        .filter(occurred_on__range=(start, end))
        .exclude(kind=EntryKind.ACCOMPLISHMENT)
        .order_by("occurred_on", "id")
    )

    def kind(name: str) -> list[Entry]:
        return [entry for entry in entries if entry.kind == name]

    feedback = [
        _quote(entry)
        for entry in kind(EntryKind.FEEDBACK)
        if entry.details.get("direction", "received") == "received"
    ]
    return BragDocument(
        owner_name=display_name(owner),
        headline=profile_get(owner=owner).headline,
        year=year,
        by_goal=_by_goal(owner, found),
        by_quarter=_by_quarter(found, year),
        skills=Counter(name for item in found for name in item.skills).most_common(),
        learning=kind(EntryKind.LEARNING),
        talks=kind(EntryKind.TALK),
        posts=kind(EntryKind.CONTENT),
        feedback=feedback,
        counts={"accomplishments": len(found)},
    )


def _quote(entry: Entry) -> Quote:
    said = entry.body.strip() or entry.title
    lines = [line.rstrip() for line in said.splitlines()]
    return Quote(str(entry.details.get("person", "")), entry.occurred_on, lines)


def _by_goal(owner: Any, found: list[Accomplishment]) -> list[Group]:
    linked: dict[int, list[Accomplishment]] = defaultdict(list)
    loose = []
    for item in found:
        for goal_id in item.goal_ids:
            linked[goal_id].append(item)
        if not item.goal_ids:
            loose.append(item)
    goals = Goal.objects.for_owner(owner).filter(pk__in=linked).order_by("pk")
    groups = [Group(goal.statement, linked[goal.pk], is_goal=True) for goal in goals]
    if loose:
        groups.append(Group("Not linked to a goal", loose))
    return groups


def _by_quarter(found: list[Accomplishment], year: int) -> list[Group]:
    quarters: dict[int, list[Accomplishment]] = defaultdict(list)
    for item in found:
        quarters[(item.occurred_on.month - 1) // 3 + 1].append(item)
    return [
        Group(f"Q{quarter} {year}", quarters[quarter]) for quarter in sorted(quarters)
    ]


def brag_render(document: BragDocument, *, format: str) -> bytes:
    """The document as Markdown, HTML or PDF bytes."""
    context = {"doc": document}
    if format == "md":
        return render_to_string("reviews/brag.md", context).encode("utf-8")
    html = render_to_string("reviews/brag.html", context)
    if format == "html":
        return html.encode("utf-8")
    from weasyprint import HTML  # imported only for a PDF: it takes 0.3 s

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
