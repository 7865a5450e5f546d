"""Gaps (issue 11): `growth.selectors.gaps_for`, the skills overview and a
gap's plan (who can help) on the ten-year demo owner, in process.

    .venv/bin/python bench/bench_gaps.py [--entries 50000] [--contacts 2000] [--runs N]

Builds the demo owner with `headway demo` in a temporary directory (never
yours). Budget: 100 ms for gaps_for, a third of the 0.3 s the next-action
list (which reads it) has in all. Prints figures; never fails a test run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from demo_owner import BENCH_CONTACTS, BENCH_ENTRIES, demo_owner  # noqa: E402


def timed(runs: int, call: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=BENCH_ENTRIES)
    parser.add_argument("--contacts", type=int, default=BENCH_CONTACTS)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="headway-bench-gaps-") as folder:
        env, seconds = demo_owner(
            Path(folder), entries=options.entries, contacts=options.contacts
        )
        os.environ.update({k: v for k, v in env.items() if k.startswith("HEADWAY_")})
        os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
        sys.path.insert(0, str(HERE.parent / "src"))
        from headway.core.bootstrap import initialise

        initialise()
        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from headway.growth.selectors import gaps_for, skills_overview
        from headway.reviews.growth_plan import gap_plan

        owner = get_user_model().objects.order_by("pk").first()
        today = timezone.localdate()
        found = gaps_for(owner, today)
        print(f"demo owner built in {seconds:.1f} s; {len(found)} needs")
        rows = [
            ("gaps_for(owner, today)", lambda: gaps_for(owner, today), 0.100),
            ("skills_overview(owner)", lambda: skills_overview(owner=owner), 0.100),
            (
                "gap_plan (actions + who can help), worst gap",
                lambda: gap_plan(owner=owner, need_id=found[0].need_id),
                0.150,
            ),
        ]
        for label, call, budget in rows:
            seconds = timed(options.runs, call)
            print(
                f"{label:<48} {seconds * 1000:7.1f} ms  budget "
                f"{budget * 1000:4.0f} ms  ratio {seconds / budget:5.2f}"
            )


if __name__ == "__main__":
    main()
