"""Momentum and drift (issue 12): the selector behind the dashboard's heat map,
on an owner with ten years of history — 50,000 entries, 2,000 contacts, 300
goals with 3,000 check-ins — against the dashboard's whole budget of 150 ms.

    .venv/bin/python bench/bench_momentum.py [--runs N] [--postgres SERVER_URL]

Builds its own data in a temporary data directory (never yours). Prints each
figure with its ratio to the budget; never fails a test run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 12, 3)
YEARS = 10
KINDS = (
    ["accomplishment"] * 5 + ["learning"] * 2 + ["talk", "content", "initiative"]
    + ["reading"] * 3 + ["note"] * 3 + ["meeting", "feedback", "setback"]
)  # fmt: skip
DETAILS = {
    "learning": lambda r: {
        "subtype": r.choice(["course", "exam", "certification", "book", "workshop"]),
        "outcome": r.choice(["passed", "completed", "failed", ""]),
    },
    "talk": lambda r: {
        "venue_kind": r.choice(["user_group", "meetup", "conference", "internal"])
    },
    "content": lambda r: {"subtype": r.choice(["blog_post", "article", "video"])},
    "initiative": lambda r: {"subtype": r.choice(["raised_hand", "led_project"])},
}


def report(label: str, seconds: float, budget: float) -> None:
    ratio = seconds / budget
    print(f"{label:<62} {seconds * 1000:7.1f} ms  budget {budget * 1000:4.0f} ms  "
          f"ratio {ratio:5.2f}")  # fmt: skip


BENCH_DATABASE = "headway_bench_momentum"


def postgres_database(server: str, *, create: bool) -> str:
    """Create (or drop) the bench's own database on `server`; its URL."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        if create:
            connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return f"{server}/{BENCH_DATABASE}"


def setup(data_dir: Path, postgres: str = "") -> None:
    os.environ.update(
        {
            "HEADWAY_DATA_DIR": str(data_dir),
            "HEADWAY_SECRET_KEY": "bench",
            "DJANGO_SETTINGS_MODULE": "headway.settings",
        }
    )
    # A temporary SQLite file, or a database of the bench's own, never yours.
    os.environ.pop("DATABASE_URL", None)
    if postgres:
        os.environ["DATABASE_URL"] = postgres_database(postgres, create=True)
    sys.path.insert(0, str(HERE.parent / "src"))
    from headway.core.bootstrap import initialise

    initialise()


def generate(owner: object, entries: int, contacts: int, goals: int) -> None:
    """Bulk rows, as an import would leave them; dates spread over ten years."""
    from headway.goals.models import CheckIn, Goal
    from headway.journal.models import Entry
    from headway.network.models import Contact

    rng = random.Random(12)
    start = TODAY - timedelta(days=365 * YEARS)

    def day() -> date:
        return start + timedelta(days=rng.randrange(365 * YEARS))

    def entry(n: int) -> Entry:
        kind = rng.choice(KINDS)
        near = kind == "accomplishment" and rng.random() < 0.4
        parts = ("3 teams", "the billing move", "led it", "halved costs")
        numbers, example, achievement, result = parts if near else ("",) * 4
        return Entry(
            owner=owner, kind=kind, title=f"Entry {n}", occurred_on=day(),
            details=DETAILS[kind](rng) if kind in DETAILS else {},
            numbers=numbers, example=example, achievement=achievement, result=result,
        )  # fmt: skip

    Entry.objects.bulk_create((entry(n) for n in range(entries)), batch_size=5_000)
    Contact.objects.bulk_create(
        (
            Contact(owner=owner, name=f"Contact {n}", strength=rng.randint(1, 5),
                    met_on=day() if rng.random() < 0.8 else None)
            for n in range(contacts)
        ),
        batch_size=2_000,
    )  # fmt: skip
    made = Goal.objects.bulk_create(
        Goal(owner=owner, statement=f"Goal {n}", target=10, started_on=day(),
             due=TODAY + timedelta(days=rng.randrange(-400, 400)))
        for n in range(goals)
    )  # fmt: skip
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, goal=rng.choice(made), checked_on=day(), value=1)
        for _ in range(goals * 10)
    )
    mentors(owner)


def mentors(owner: object) -> None:
    """Twenty mentors and a target role, so the suggestions have data to read."""
    from headway.growth.services import target_role_set
    from headway.network.models import Contact, ContactTag

    tag = ContactTag.objects.create(owner=owner, name="mentor")
    for contact in Contact.objects.filter(owner=owner).order_by("pk")[:20]:
        contact.tags.add(tag)
    needs = ["Kubernetes", "Public speaking", "Budgeting", "Hiring", "SQL"]
    target_role_set(owner=owner, name="Engineering Manager", needs=needs)


def timed(runs: int, call: object) -> tuple[list[float], list[float]]:
    """Wall times and this process's CPU times (SQLite runs in the process, so
    CPU time is the work done, less what a busy shared machine adds)."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def use_limits(limits: object) -> None:
    """The page reads its thresholds from settings, as HEADWAY_DRIFT_* set them."""
    from django.conf import settings

    for name in ("month_score", "learning_days", "strong_tie_days", "goal_days"):
        setattr(settings, f"DRIFT_{name.upper()}", getattr(limits, name))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument(
        "--postgres",
        default="",
        help="a server URL, e.g. postgresql://postgres@127.0.0.1:5432; the bench "
        f"creates and drops its own database {BENCH_DATABASE} there",
    )
    args = parser.parse_args()
    try:
        run(args)
    finally:
        if args.postgres:
            from django.db import connections

            connections.close_all()
            postgres_database(args.postgres, create=False)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="headway-bench-momentum-") as folder:
        setup(Path(folder), args.postgres)
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.template.loader import render_to_string

        from headway.coach.drift import DriftThresholds
        from headway.reviews.momentum import momentum_report
        from headway.reviews.views import momentum_context

        print(f"database: {connection.vendor}; machine probe before: "
              f"sum(range(10**6)) {probe() * 1000:.0f} ms")  # fmt: skip

        user = get_user_model().objects.create(username="ten-years")
        user.date_joined = user.date_joined.replace(year=TODAY.year - YEARS)
        user.save()
        started = time.perf_counter()
        generate(user, args.entries, 2_000, 300)
        print(f"generated {args.entries:,} entries, 2,000 contacts, 300 goals in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        quiet = DriftThresholds(month_score=0, learning_days=10_000,
                                strong_tie_days=10_000, goal_days=10_000)  # fmt: skip
        loud = DriftThresholds(learning_days=1, strong_tie_days=1, goal_days=1)
        for label, limits in (
            ("not drifting (no suggestions read)", quiet),
            ("drifting on 3 rules: goals, mentors, needs read", loud),
        ):
            use_limits(limits)

            def call() -> str:
                context = momentum_context(user, TODAY)
                return render_to_string("reviews/_heatmap.html", context)

            def selector() -> object:
                return momentum_report(owner=user, today=TODAY)

            for what, run in (("selector", selector), ("context + HTML", call)):
                run()  # warm
                times, cpus = timed(args.runs, run)
                report(f"{what}, {label}", median(times), 0.150)
                report("  CPU time of the same runs", median(cpus), 0.150)
                print(f"  median of {args.runs}; fastest {min(times) * 1000:.1f} "
                      f"ms, slowest {max(times) * 1000:.1f} ms")  # fmt: skip
        print(f"machine probe after: sum(range(10**6)) {probe() * 1000:.0f} ms")


def probe() -> float:
    """How busy the machine is: about 20 ms when the two cores are idle."""
    started = time.perf_counter()
    sum(range(10**6))
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
