"""The demo owner's career: three roles, one stretch of drift, and its direction.

Every date is relative to `today`, so the same seed on the same day gives the
same career, and a demo made today always has recent activity.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from headway.growth import services as growth
from headway.reviews.demo import words


@dataclass(frozen=True)
class Role:
    title: str
    organisation: str
    start: date
    end: date  # the day after the last day in the role (today + 1 for the current)
    skills: tuple[str, ...]
    projects: tuple[str, ...]


@dataclass(frozen=True)
class Career:
    today: date
    start: date
    roles: tuple[Role, ...]
    drift_start: date  # first day of the first quiet month
    drift_end: date  # first day after the last quiet month

    def role_on(self, day: date) -> Role:
        for role in self.roles:
            if day < role.end:
                return role
        return self.roles[-1]

    def index_on(self, day: date) -> int:
        return self.roles.index(self.role_on(day))

    def drifting(self, day: date) -> bool:
        return self.drift_start <= day < self.drift_end

    def months(self) -> list[date]:
        """The first day of every month from the start to this month."""
        found, month = [], self.start.replace(day=1)
        while month <= self.today:
            found.append(month)
            month = next_month(month)
        return found

    def month_weight(self, month: date, rng: random.Random) -> float:
        """How busy a month is: none while drifting, most in the last weeks."""
        if self.drifting(month):
            return 0.0
        weight = rng.uniform(0.6, 1.4)
        months_ago = (
            (self.today.year - month.year) * 12 + self.today.month - month.month
        )
        first = max(month, self.start)
        last = min(next_month(month), self.today + timedelta(days=1))
        covered = (last - first).days / (next_month(month) - month).days
        return weight * covered * (2.5 if months_ago <= 1 else 1.0)

    def day_in(self, month: date, rng: random.Random) -> date:
        first = max(month, self.start)
        last = min(next_month(month) - timedelta(days=1), self.today)
        return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))

    def active_day(self, low: date, high: date, rng: random.Random) -> date:
        """A day between low and high (inclusive) outside the drift, if any."""
        for _ in range(20):
            span = max((high - low).days, 0)
            day = low + timedelta(days=rng.randint(0, span))
            if not self.drifting(day):
                return day
        return high if not self.drifting(high) else self.drift_end


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_start(day: date, plus: int = 0) -> date:
    month = day.replace(day=1)
    for _ in range(plus):
        month = next_month(month)
    return month


def career_plan(*, today: date, years: int) -> Career:
    """Two role changes at about 30 % and 65 % of the span; drift in between."""
    start = today - timedelta(days=round(years * 365.25))
    span = (today - start).days
    changes = [
        month_start(start + timedelta(days=round(span * share)))
        for share in (0.3, 0.65)
    ]
    bounds = [start, *changes, today + timedelta(days=1)]
    roles = tuple(
        Role(
            title=title,
            organisation=organisation,
            start=bounds[index],
            end=bounds[index + 1],
            skills=words.ROLE_SKILLS[index],
            projects=words.ROLE_PROJECTS[index],
        )
        for index, (organisation, title) in enumerate(words.EMPLOYERS)
    )
    drift_start = month_start(start + timedelta(days=round(span * 0.45)), plus=1)
    quiet_months = 3 if years < 3 else 5
    return Career(
        today=today,
        start=start,
        roles=roles,
        drift_start=drift_start,
        drift_end=month_start(drift_start, plus=quiet_months),
    )


# What matters most, re-ranked at the start and at each role change, and lately.
RANKINGS = (
    ("new-skill", "pay", "travel", "mastery"),
    ("promotion", "mastery", "pay", "autonomy"),
    ("autonomy", "promotion", "balance", "new-skill"),
    ("new-role", "promotion", "balance", "autonomy"),
)
STRENGTHS = (
    ("Untangling messy data problems.", "Python and SQL.", "None yet: first job."),
    (
        "Pairing with newer engineers; incident calls.",
        "System design, mentoring.",
        "Northwind: I owned the pipeline end to end.",
    ),
    (
        "Shaping roadmaps with product; coaching.",
        "Architecture, explaining trade-offs.",
        "Brightline: I grew two engineers into seniors.",
    ),
)


def direction_create(*, owner: Any, career: Career) -> dict[str, Any]:
    """Priorities with their history, strengths answers, skills and the target role."""
    priorities = {p.catalog_key: p for p in growth.priorities_ensure(owner=owner)}
    days = [role.start for role in career.roles]
    days.append(career.today - timedelta(days=75))
    for ranked_on, keys in zip(days, RANKINGS, strict=True):
        growth.priorities_rank(
            owner=owner,
            priorities=[priorities[key] for key in keys],
            ranked_on=ranked_on,
        )
    for role, (energy, excel, enjoyed) in zip(career.roles, STRENGTHS, strict=True):
        growth.strengths_save(
            owner=owner,
            energy=energy,
            excel=excel,
            enjoyed_roles=enjoyed,
            answered_on=role.start + timedelta(days=20),
        )
    growth.target_role_set(
        owner=owner,
        name=words.TARGET_ROLE,
        needs=[*words.TARGET_NEEDS_EVIDENCED, *words.TARGET_NEEDS_GAPS],
    )
    return priorities
