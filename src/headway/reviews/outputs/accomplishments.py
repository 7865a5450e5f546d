"""The owner's accomplishments read with the NEAR coach, for every output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from headway.coach.near import NearInput, NearReport, near_score
from headway.journal.models import Entry, EntryKind

# A word as the owner writes it: letters, with inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@dataclass(frozen=True)
class Accomplishment:
    id: int
    title: str
    body: str
    occurred_on: date
    numbers: str
    example: str
    achievement: str
    result: str
    starred: bool
    report: NearReport
    goal_ids: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Every NEAR part is there: the coach finds none missing or weak."""
        parts = (self.report.numbers, self.report.example, self.report.achievement)
        return all(part.verdict == "present" for part in (*parts, self.report.result))

    @property
    def bullet(self) -> str:
        """The coach's bullet, if it uses only the owner's words; else the
        owner's own action as written."""
        bullet = self.report.bullet
        if bullet and words_of(bullet) <= words_of(self.written):
            return bullet
        return " ".join(self.achievement.split()) or " ".join(self.title.split())

    @property
    def written(self) -> str:
        return " ".join(
            (
                self.title,
                self.body,
                self.numbers,
                self.example,
                self.achievement,
                self.result,
            )
        )


def words_of(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def accomplishments(
    *, owner: Any, start: date | None = None, end: date | None = None
) -> list[Accomplishment]:
    """The owner's accomplishments between two dates (both included), newest first."""
    rows = Entry.objects.for_owner(owner).filter(kind=EntryKind.ACCOMPLISHMENT)
    if start is not None:
        rows = rows.filter(occurred_on__gte=start)
    if end is not None:
        rows = rows.filter(occurred_on__lte=end)
    rows = rows.prefetch_related("goals", "skills").order_by("-occurred_on", "-id")
    return [_read(entry) for entry in rows]


def _read(entry: Entry) -> Accomplishment:
    given = NearInput(
        text=entry.title if not entry.body else f"{entry.title}. {entry.body}",
        numbers=entry.numbers,
        example=entry.example,
        achievement=entry.achievement,
        result=entry.result,
    )
    return Accomplishment(
        id=entry.pk,
        title=entry.title,
        body=entry.body,
        occurred_on=entry.occurred_on,
        numbers=entry.numbers,
        example=entry.example,
        achievement=entry.achievement,
        result=entry.result,
        starred=entry.starred,
        report=near_score(given),
        goal_ids=tuple(goal.pk for goal in entry.goals.all()),
        skills=tuple(skill.name for skill in entry.skills.all()),
    )


def best_first(found: list[Accomplishment]) -> list[Accomplishment]:
    """The quarter's best projects first, then the fullest NEAR, then the newest."""
    return sorted(
        found,
        key=lambda item: (
            not item.starred,
            -item.report.score,
            -item.occurred_on.toordinal(),
            -item.id,
        ),
    )
