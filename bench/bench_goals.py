"""Goals: the SMART coach on a 300-character statement (budget 5 ms, issue 4),
and the goals list with progress and pace for 300 goals and 3,000 check-ins
(no budget named; the figure is printed for reference).

Builds its own data in a temporary data directory (never yours). Prints each
figure with its ratio to the budget; never fails a test run.
`.venv/bin/python bench/bench_goals.py`
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
PHRASE = (
    "get promoted become senior manager by june 2027 the end of year within 6 "
    "months every quarter three 40% $5,000 improve grow talks exam aws and my "
    "apply for postings Q3 soon 12 weekly"
)
WORDS = tuple(re.findall(r"\S+", PHRASE))


def report(label: str, seconds: float, budget: float | None) -> None:
    ratio = f"ratio {seconds / budget:5.2f}" if budget else "no budget"
    shown = f"budget {budget * 1000:5.1f} ms" if budget else ""
    print(f"{label:<58} {seconds * 1000:8.2f} ms  {shown}  {ratio}")


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


def bench_coach() -> None:
    from headway.coach.smart import GoalDraft, smart_check

    rng = random.Random(4)
    timings = []
    for _ in range(500):
        statement = " ".join(rng.choice(WORDS) for _ in range(80))[:300]
        draft = GoalDraft(statement=statement, today=date(2026, 11, 23))
        started = time.process_time()
        smart_check(draft)
        timings.append(time.process_time() - started)
    timings.sort()
    report(
        "SMART coach, 300 characters, median (CPU)", statistics.median(timings), 0.005
    )
    report("SMART coach, 300 characters, 99th percentile (CPU)", timings[494], 0.005)


def bench_list() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from headway.goals import selectors
    from headway.goals.models import CheckIn, Goal

    owner = get_user_model().objects.create_user("bench-goals")
    goals = Goal.objects.bulk_create(
        Goal(
            owner=owner,
            statement=f"Publish {index} articles by June 2027",
            target=10,
            unit="articles",
            recurrence="quarter" if index % 3 == 0 else "",
            started_on=date(2026, 1, 1),
            due=date(2027, 6, 30),
        )
        for index in range(300)
    )
    CheckIn.objects.bulk_create(
        CheckIn(
            owner=owner,
            goal=goal,
            checked_on=date(2026, 1, 5) + timedelta(days=30 * n),
            value=1,
        )
        for goal in goals
        for n in range(10)
    )
    started = time.perf_counter()
    rows = [selectors.goal_as_dict(goal) for goal in selectors.goals_list(owner=owner)]
    report(
        "300 goals with progress and pace, in process",
        time.perf_counter() - started,
        None,
    )
    assert len(rows) == 300
    client = Client()
    client.force_login(owner)
    client.get("/goals/", HTTP_HOST="127.0.0.1")  # compile the templates once
    started = time.perf_counter()
    client.get("/goals/", HTTP_HOST="127.0.0.1")
    report("the Goals page for 300 goals", time.perf_counter() - started, None)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup(Path(folder))
        bench_coach()
        bench_list()


if __name__ == "__main__":
    main()
