"""A realistic demo owner: ten years of career in one call, the same for a seed.

`demo_build` writes a career with two role changes, goals achieved, dropped
and open, every kind of entry, hundreds of contacts with their touches, a
target role with gaps and one quiet stretch of drift, all dated relative to
`today`. Direction and goals go through the growth and goals services; the
bulk (entries, contacts, touches, check-ins) is written with `bulk_create`
in the demo's own modules, which keep the derived data (search index,
contact summaries) current the way the services do.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from headway.core.models import bulk_write_done
from headway.reviews.demo.career import career_plan, direction_create
from headway.reviews.demo.entries import entries_write, entry_drafts
from headway.reviews.demo.goals import goals_create
from headway.reviews.demo.people import contacts_create, interactions_create

ENTRIES_PER_YEAR = 300
DEFAULT_CONTACTS = 320
# Fewer would leave something out: one entry of each kind plus the fixed
# moments (expiring certifications, the drift note, the recent weeks); three
# managers, three mentors and two people just met.
ENTRIES_MIN = 17
CONTACTS_MIN = 8
# (stage, how many units done since the last call, how many units in all)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoSize:
    years: int = 10
    entries: int | None = None  # default: 300 a year
    contacts: int | None = None  # default: 320
    seed: int = 1

    @property
    def entry_count(self) -> int:
        return (
            self.entries if self.entries is not None else self.years * ENTRIES_PER_YEAR
        )

    @property
    def contact_count(self) -> int:
        wanted = DEFAULT_CONTACTS if self.contacts is None else self.contacts
        return max(wanted, CONTACTS_MIN)

    @property
    def goal_count(self) -> int:
        """About one goal per 150 entries: 20 for ten years, 333 at 50,000."""
        return max(10, round(self.entry_count / 150))


@dataclass(frozen=True)
class DemoSummary:
    entries: int
    contacts: int
    interactions: int
    goals: int


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def demo_build(
    *, owner: Any, today: date, size: DemoSize, progress: Progress = _quiet
) -> DemoSummary:
    """Fill an owner's empty account with the demo career, in one transaction."""
    if size.years < 1 or size.entry_count < 0 or size.contact_count < 0:
        raise ValueError("The demo needs at least one year and no negative counts.")
    rng = random.Random(size.seed)
    career = career_plan(today=today, years=size.years)
    total = size.entry_count + 3
    with transaction.atomic():
        priorities = direction_create(owner=owner, career=career)
        cast, _ = contacts_create(
            owner=owner, career=career, count=size.contact_count, rng=rng
        )
        progress("network", 1, total)
        interactions = interactions_create(
            owner=owner, career=career, cast=cast, rng=rng
        )
        goals = goals_create(
            owner=owner,
            career=career,
            priorities=priorities,
            count=size.goal_count,
            rng=rng,
        )
        progress("goals", 1, total)
        drafts = entry_drafts(
            career=career, cast=cast, goals=goals, count=size.entry_count, rng=rng
        )
        progress("entries", 1, total)
        written = entries_write(
            owner=owner,
            drafts=drafts,
            report=lambda done: progress("entries", done, total),
        )
    bulk_write_done()
    return DemoSummary(
        entries=written,
        contacts=len(cast.everyone),
        interactions=interactions,
        goals=len(goals),
    )


def demo_digest(*, owner: Any) -> str:
    """A digest of everything the demo wrote for an owner, free of ids and
    timestamps, so two demos made with the same seed on the same day compare."""
    from headway.reviews.demo.rows import owner_rows

    text = json.dumps(owner_rows(owner=owner), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
