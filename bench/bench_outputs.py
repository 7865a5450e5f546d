"""Outputs (issue 13 §4-6): the brag document (md, html, pdf), resume bullets,
the JSON Resume document and the calendar feed, for an owner with ten years
of log (10,000 entries, 3,000 of them accomplishments with all four NEAR
parts; about 290 in the year of the brag document), 20 goals and two roles.
No budget is named for these; the figures are printed for reference.

Builds its own data in a temporary data directory (never yours).
`.venv/bin/python bench/bench_outputs.py`
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)
KINDS = ("accomplishment",) * 3 + (
    "learning", "content", "talk", "feedback", "note", "reading", "initiative",
)  # fmt: skip


def setup(data_dir: Path) -> None:
    os.environ.update(
        {
            "HEADWAY_DATA_DIR": str(data_dir),
            "HEADWAY_SECRET_KEY": "bench",
            "DJANGO_SETTINGS_MODULE": "headway.settings",
        }
    )
    os.environ.pop("DATABASE_URL", None)  # always the temporary SQLite file
    sys.path.insert(0, str(HERE.parent / "src"))
    from headway.core.bootstrap import initialise

    initialise()


def build() -> Any:
    from headway.accounts.roles import role_create
    from headway.accounts.services import owner_ensure
    from headway.goals.services import goal_create
    from headway.journal.models import Entry

    owner = owner_ensure()
    for i in range(20):
        goal_create(
            owner=owner,
            statement=f"Goal {i}",
            due="2026-12-31",
            recurrence="month" if i % 3 == 0 else "",
            target=3 if i % 3 == 0 else None,
        )
    role_create(
        owner=owner,
        title="Engineer",
        organisation="Acme",
        started_on="2017-01-01",
        ended_on="2022-12-31",
    )
    role_create(
        owner=owner, title="Lead", organisation="Globex", started_on="2023-01-01"
    )
    rng = random.Random(1)
    rows = [_entry(Entry, owner, rng, i) for i in range(10_000)]
    Entry.objects.bulk_create(rows)
    return owner


def _entry(model: Any, owner: Any, rng: random.Random, i: int) -> Any:
    kind = rng.choice(KINDS)
    day = date(2017, 1, 1) + timedelta(days=rng.randrange(3650))
    entry = model(owner=owner, kind=kind, title=f"Thing {i}", occurred_on=day)
    if kind == "accomplishment":
        entry.numbers = f"{rng.randint(2, 90)} services"
        entry.example = "the payments API"
        entry.achievement = f"Migrated {rng.randint(2, 90)} services to Kubernetes"
        entry.result = (
            f"deploy time went from {rng.randint(30, 90)} to {rng.randint(2, 20)} "
            f"minutes for {rng.randint(3, 40)} engineers"
        )
    elif kind == "learning":
        entry.details = {"subtype": "certification", "expires_on": "2029-01-01"}
    elif kind == "feedback":
        entry.details = {"direction": "received", "person": "Sam"}
        entry.body = "Clear plan."
    return entry


def timed(label: str, run: Callable[[], Any], runs: int = 3) -> None:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<48} {best:7.2f} s  (best of {runs})")


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        setup(Path(data_dir))
        owner = build()
        from django.utils import timezone

        from headway.reviews.outputs.brag import brag_document, brag_render
        from headway.reviews.outputs.calendar import feed_bytes
        from headway.reviews.outputs.resume import resume_bullets, resume_document

        def brag(format: str) -> Callable[[], bytes]:
            return lambda: brag_render(
                brag_document(owner=owner, year=2026), format=format
            )

        timed("brag document 2026, Markdown", brag("md"))
        timed("brag document 2026, HTML", brag("html"))
        timed("brag document 2026, PDF", brag("pdf"), runs=1)
        timed("resume bullets, every year", lambda: resume_bullets(owner=owner))
        timed("JSON Resume", lambda: resume_document(owner=owner, today=TODAY))
        timed(
            "calendar feed",
            lambda: feed_bytes(owner=owner, today=TODAY, now=timezone.now()),
        )


if __name__ == "__main__":
    main()
