"""Review reports for any period (a week, a quarter, a year, a range): the
yearly review's questions answered from the log (`yearly.py`'s queries over
the period), bounded by the coach's section limits, with the momentum heat
map, rendered as Markdown, HTML, PDF or JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F
from django.template.loader import render_to_string

from headway.accounts.profile import display_name
from headway.coach import yearly as coach_yearly
from headway.coach.momentum import Momentum, momentum
from headway.coach.periods import Period
from headway.coach.review_report import PeriodFacts, Section, review_sections
from headway.goals.models import CheckIn, Goal, GoalStatus
from headway.journal.models import Entry, EntryKind
from headway.network.models import Interaction
from headway.reviews.heatmap import HeatMap, heat_map
from headway.reviews.models import Review
from headway.reviews.momentum import contacts_begun, owner_activities
from headway.reviews.yearly import (
    accomplishments_of,
    count_details,
    goals_closed,
    skills_first_shown,
    strong_ties_by_how,
    trends_followed,
)

FORMATS = ("md", "html", "pdf", "json")
CONTENT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json",
}
WEEK_CONTEXT_MONTHS = 3  # a week's heat map shows the months around it


@dataclass(frozen=True)
class Report:
    owner_name: str
    period: Period
    facts: PeriodFacts
    sections: list[Section]
    momentum: Momentum
    reflection: str = ""
    completed_on: date | None = None

    @property
    def title(self) -> str:
        names = {"week": "Weekly review", "quarter": "Quarterly review",
                 "year": "Yearly review", "range": "Review"}  # fmt: skip
        return f"{names[self.period.kind]}: {self.period.title}"

    @property
    def heatmap(self) -> HeatMap:
        return heat_map(self.momentum)


def period_facts(
    *, owner: Any, period: Period, today: date
) -> tuple[PeriodFacts, Momentum]:
    """Every answer of the review over the period, and its months' momentum."""
    first, last = period.start, period.end
    entries = Entry.objects.for_owner(owner).filter(occurred_on__range=(first, last))
    begun = contacts_begun(owner=owner, since=first, until=last)
    shown = _momentum(owner=owner, period=period, today=today)
    accomplishments = entries.filter(kind=EntryKind.ACCOMPLISHMENT)
    facts = PeriodFacts(
        accomplishments=coach_yearly.top_accomplishments(accomplishments_of(entries)),
        accomplishment_count=accomplishments.count(),
        skills_learned=skills_first_shown(owner=owner, first=first, last=last),
        learning=count_details(entries.filter(kind=EntryKind.LEARNING), "subtype"),
        talks=entries.filter(kind=EntryKind.TALK).count(),
        posts=entries.filter(kind=EntryKind.CONTENT).count(),
        new_contacts=begun.count(),
        strong_ties=strong_ties_by_how(begun),
        trends=trends_followed(entries),
        goals_achieved=list(
            goals_closed(owner, GoalStatus.ACHIEVED, first, last).values_list(
                "statement", flat=True
            )
        ),
        goals_dropped=list(
            goals_closed(owner, GoalStatus.DROPPED, first, last).values_list(
                "statement", "drop_reason"
            )
        ),
        goals_open=list(
            Goal.objects.for_owner(owner)
            .filter(status=GoalStatus.ACTIVE, started_on__lte=last)
            .order_by(F("due").asc(nulls_last=True), "pk")
            .values_list("statement", flat=True)
        ),
        setbacks=[
            (title, str(details.get("lesson", "")) if isinstance(details, dict) else "")
            for title, details in entries.filter(kind=EntryKind.SETBACK)
            .order_by("occurred_on", "pk")
            .values_list("title", "details")
        ],
        quiet_months=_quiet_months(shown, period=period, today=today),
        entries_by_kind=_kinds(entries),
        checkins=CheckIn.objects.for_owner(owner)
        .filter(checked_on__range=(first, last))
        .count(),
        touches=Interaction.objects.for_owner(owner)
        .filter(occurred_on__range=(first, last))
        .count(),
    )
    return facts, shown


def _kinds(entries: Any) -> dict[str, int]:
    labels = dict(EntryKind.choices)
    counted = Counter(entries.values_list("kind", flat=True).order_by())
    return {str(labels.get(kind, kind)): count for kind, count in counted.most_common()}


def _momentum(*, owner: Any, period: Period, today: date) -> Momentum:
    """The months of the period (a week: the months around it), up to today."""
    end = min(period.end, today)
    if period.kind == "week":
        months = WEEK_CONTEXT_MONTHS
    else:
        start = period.start
        months = (end.year - start.year) * 12 + end.month - start.month + 1
    months = max(months, 1)
    first = date(end.year, end.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    found = owner_activities(owner=owner, since=first, until=end)
    return momentum(found, today=end, months=months)


def _quiet_months(found: Momentum, *, period: Period, today: date) -> list[date]:
    """The months of the period, over by today, under the drift threshold."""
    if period.kind == "week":
        return []
    scores = {}
    for row in found.months:
        month_end = (row.month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if period.start <= row.month and month_end <= period.end and month_end < today:
            scores[row.month] = row.score
    return coach_yearly.quiet_months(scores, threshold=settings.DRIFT_MONTH_SCORE)


def report_build(*, owner: Any, period: Period, today: date) -> Report:
    """The report of a period, with the reflection of the review kept for it."""
    facts, shown = period_facts(owner=owner, period=period, today=today)
    saved: Review | None = None
    if period.kind != "range":
        saved = (
            Review.objects.for_owner(owner)
            .filter(kind=period.kind, period_start=period.start)
            .first()
        )
    return Report(
        owner_name=display_name(owner),
        period=period,
        facts=facts,
        sections=review_sections(facts, drift=period.kind != "week"),
        momentum=shown,
        reflection=saved.reflection if saved else "",
        completed_on=saved.completed_at.date()
        if saved and saved.completed_at
        else None,
    )


def sections_as_list(sections: list[Section]) -> list[dict[str, Any]]:
    return [
        {
            "key": section.key,
            "title": section.title,
            "lines": list(section.lines),
            "empty": section.empty,
            "more": section.more,
        }
        for section in sections
    ]


def report_as_dict(report: Report) -> dict[str, Any]:
    facts = report.facts
    return {
        "owner": report.owner_name,
        "kind": report.period.kind,
        "period": report.period.label,
        "start": report.period.start.isoformat(),
        "end": report.period.end.isoformat(),
        "title": report.title,
        "sections": sections_as_list(report.sections),
        "counts": {
            "accomplishments": facts.accomplishment_count,
            "talks": facts.talks,
            "posts": facts.posts,
            "learning": facts.learning,
            "new_contacts": facts.new_contacts,
            "strong_ties": facts.strong_ties,
            "checkins": facts.checkins,
            "touches": facts.touches,
            "entries": facts.entries_by_kind,
        },
        "accomplishments": [
            {
                "id": item.id,
                "title": item.title,
                "occurred_on": item.occurred_on.isoformat(),
                "starred": item.starred,
                "near_parts": item.near_parts,
                "bullet": item.bullet,
            }
            for item in facts.accomplishments
        ],
        "quiet_months": [month.strftime("%Y-%m") for month in facts.quiet_months],
        "reflection": report.reflection,
    }


def report_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", f"{report.owner_name}", ""]
    for section in report.sections:
        lines.extend([f"## {section.title}", ""])
        if section.lines:
            lines.extend(f"- {_md_line(line)}" for line in section.lines)
            if section.more:
                lines.append(f"- {section.more_text}")
        else:
            lines.append(section.empty or "Nothing to report.")
        lines.append("")
    if report.reflection:
        lines.extend(["## My reflection", "", report.reflection.strip(), ""])
    return "\n".join(lines).rstrip() + "\n"


def _md_line(text: str) -> str:
    """One list item: the owner's line breaks would end it early."""
    return " ".join(text.split())


def report_render(report: Report, *, format: str) -> bytes:
    """The report as Markdown, HTML, PDF or JSON bytes."""
    if format == "json":
        return (json.dumps(report_as_dict(report), ensure_ascii=False, indent=2)
                + "\n").encode("utf-8")  # fmt: skip
    if format == "md":
        return report_markdown(report).encode("utf-8")
    html = render_to_string("reviews/review_report.html", {"report": report})
    if format == "html":
        return html.encode("utf-8")
    from weasyprint import HTML  # imported only for a PDF: it takes 0.3 s

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def report_filename(report: Report, format: str) -> str:
    label = report.period.label.replace("..", "-to-")
    return f"headway-review-{label}.{format}"
