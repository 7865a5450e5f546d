"""The demo owner's log: every kind of entry, spread over the career.

`entry_drafts` decides what happened when (busy months, the quiet stretch,
the last weeks); `kinds.draft` words each entry. Entries are written by
`entries_write` in bulk, with the same search document the journal services
build (`journal.search.entry_document`) and the same FTS5 upkeep
(`journal.search.index_add_many`), so search finds them as if typed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from headway.coach.gaps import skill_key
from headway.goals.models import Goal
from headway.growth.models import Skill
from headway.journal import search
from headway.journal.models import Entry, EntryKind, SampleKind, Tag, WorkSample
from headway.journal.samples import link_name
from headway.reviews.demo.bulk import entries_insert, pairs_insert
from headway.reviews.demo.career import Career, next_month
from headway.reviews.demo.kinds import Draft, Scene, draft
from headway.reviews.demo.people import Cast

KIND_WEIGHTS = {
    EntryKind.ACCOMPLISHMENT: 14,
    EntryKind.LEARNING: 10,
    EntryKind.CONTENT: 5,
    EntryKind.TALK: 3,
    EntryKind.FEEDBACK: 8,
    EntryKind.READING: 14,
    EntryKind.INITIATIVE: 7,
    EntryKind.MEETING: 14,
    EntryKind.SETBACK: 4,
    EntryKind.NOTE: 15,
}
BATCH = 2_000
Report = Callable[[int], None]


def entry_drafts(
    *, career: Career, cast: Cast, goals: list[Goal], count: int, rng: random.Random
) -> list[Draft]:
    """`count` entries: a few fixed moments, one of each kind, the rest drawn."""
    fixed = _fixed_moments(career, rng)
    kinds: list[str] = list(KIND_WEIGHTS)
    drawn = max(count - len(fixed) - len(kinds), 0)
    kinds += rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), k=drawn)
    rng.shuffle(kinds)
    months = career.months()
    weights = [career.month_weight(month, rng) for month in months]
    days = sorted(
        career.day_in(month, rng)
        for month in rng.choices(months, weights, k=len(kinds))
    )
    moments = sorted([*zip(days, kinds, strict=True), *fixed], key=lambda m: m[:2])
    open_goals = _goals_by_month(goals, months, career.today)
    drafts = []
    for number, (day, kind, *extra) in enumerate(moments):
        scene = Scene(
            career=career,
            cast=cast,
            day=day,
            goals=open_goals.get(day.replace(day=1), []),
            number=number,
            rng=rng,
        )
        drafts.append(draft(kind, scene, *extra))
    _star_best_per_quarter(drafts)
    return drafts


def _fixed_moments(career: Career, rng: random.Random) -> list[tuple[Any, ...]]:
    """What every demo needs: certifications about to lapse, a note in the
    quiet stretch, and recent entries for the agenda and the dashboard."""
    today = career.today
    earliest = max(career.start, today - timedelta(days=700))
    soon = [
        (
            career.active_day(earliest, today - timedelta(days=200), rng),
            EntryKind.LEARNING,
            {"expires_in": rng.randint(10, 85)},
        )
        for _ in range(2)
    ]
    quiet = career.drift_start + (career.drift_end - career.drift_start) / 2
    return [
        *soon,
        (quiet, EntryKind.NOTE, {"title": "Too busy to think about my career"}),
        (today - timedelta(days=35), EntryKind.FEEDBACK, {"tone": "constructive"}),
        (today - timedelta(days=12), EntryKind.LEARNING, {"subtype": "course"}),
        (today - timedelta(days=8), EntryKind.MEETING, {"with_role": "manager"}),
        (today - timedelta(days=3), EntryKind.ACCOMPLISHMENT, {"quality": "full"}),
    ]


def _goals_by_month(
    goals: list[Goal], months: list[date], today: date
) -> dict[date, list[Goal]]:
    return {
        month: [
            goal
            for goal in goals
            if goal.started_on < next_month(month)
            and (goal.closed_on or today) >= month
        ]
        for month in months
    }


def _star_best_per_quarter(drafts: list[Draft]) -> None:
    quarters: set[tuple[int, int]] = set()
    for item in drafts:
        quarter = (item.occurred_on.year, (item.occurred_on.month - 1) // 3)
        if (
            item.kind == EntryKind.ACCOMPLISHMENT
            and item.numbers
            and quarter not in quarters
        ):
            item.starred = True
            quarters.add(quarter)


def entries_write(*, owner: Any, drafts: list[Draft], report: Report) -> int:
    """Write the drafts with their tags, skills, links and samples, in batches."""
    tags = _labels(owner, Tag, [n for d in drafts for n in d.tags])
    skills = _labels(owner, Skill, [n for d in drafts for n in d.skills])
    for start in range(0, len(drafts), BATCH):
        batch = drafts[start : start + BATCH]
        rows = [_entry(owner, item) for item in batch]
        entries_insert(rows)
        search.index_add_many((row.pk, row.search_text) for row in rows)
        _links_write(owner, rows, batch, tags, skills)
        report(len(batch))
    return len(drafts)


def _labels(owner: Any, model: Any, names: list[str]) -> dict[str, int]:
    have = set(model.objects.for_owner(owner).values_list("name", flat=True))
    rows = [model(owner=owner, name=n) for n in dict.fromkeys(names) if n not in have]
    if model is Skill:  # bulk_create skips save(), which keeps the matching key
        for row in rows:
            row.key = skill_key(row.name)
    model.objects.bulk_create(rows)
    return {row.name: row.pk for row in model.objects.for_owner(owner)}


def _entry(owner: Any, item: Draft) -> Entry:
    entry = Entry(
        owner=owner,
        kind=item.kind,
        title=item.title,
        body=item.body,
        occurred_on=item.occurred_on,
        numbers=item.numbers,
        example=item.example,
        achievement=item.achievement,
        result=item.result,
        starred=item.starred,
        details=item.details,
    )
    entry.search_text = search.entry_document(
        entry, tags=item.tags, samples=[link_name(url) for url in item.links]
    )
    return entry


def _links_write(
    owner: Any,
    rows: list[Entry],
    batch: list[Draft],
    tags: dict[str, int],
    skills: dict[str, int],
) -> None:
    pairs = list(zip(rows, batch, strict=True))
    linked: tuple[tuple[Any, str, Callable[[Draft], list[int]]], ...] = (
        (Entry.tags.through, "tag_id", lambda d: [tags[n] for n in d.tags]),
        (Entry.skills.through, "skill_id", lambda d: [skills[n] for n in d.skills]),
        (Entry.goals.through, "goal_id", lambda d: d.goal_ids),
        (Entry.contacts.through, "contact_id", lambda d: d.contact_ids),
    )
    for through, column, ids_of in linked:
        pairs_insert(
            through,
            column,
            [(row.pk, pk) for row, item in pairs for pk in dict.fromkeys(ids_of(item))],
        )
    WorkSample.objects.bulk_create(
        [
            WorkSample(
                owner=owner,
                entry=row,
                kind=SampleKind.LINK,
                name=link_name(url),
                url=url,
            )
            for row, item in pairs
            for url in item.links
        ]
    )
