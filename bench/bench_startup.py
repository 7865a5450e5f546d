"""Command start-up: the wall time of the everyday commands on a small data directory.

    .venv/bin/python bench/bench_startup.py [--runs N]

Issues 5 and 6 give `headway log`, `headway entries --search` and `headway
network due` 0.5 s of wall time; with little data almost all of it is start-up
(Python, Typer, Django), which this benchmark isolates, with a warm worker
(the default, `headway.warm`) and without one (`HEADWAY_WARM=0`).
bench_journal.py and bench_network.py time the same commands against 100,000
entries.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_journal import HEADWAY, cold, env_for, machine_state, worker_ready

BUDGET = 0.5
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("headway --help", ["--help"], None),
    (
        "headway near TEXT (no Django)",
        ["near", "Cut build time 40% for 12 engineers"],
        None,
    ),
    ("headway log TEXT", ["log", "Cut the build from 20 to 8 minutes @ci"], BUDGET),
    (
        "headway entries --search WORD -n 20",
        ["entries", "--search", "build", "-n", "20"],
        BUDGET,
    ),
    ("headway network due", ["network", "due"], BUDGET),
    ("headway goal list", ["goal", "list"], None),
]


def timed(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Wall seconds of each run, after one warm-up run.

    With warm workers on, each run first waits for the worker to be ready, as
    for commands typed a few seconds apart.
    """
    subprocess.run(command, env=env, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        worker_ready(env)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="Timed runs per command.")
    parser.add_argument("--quick", action="store_true", help="Seven runs per command.")
    args = parser.parse_args()
    runs = 7 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="headway-bench-") as root:
        env = env_for(Path(root) / "data")
        for number in range(30):
            text = f"Shipped release {number} to 40 customers @release"
            subprocess.run(
                [str(HEADWAY), "log", text], env=env, check=True, capture_output=True
            )
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
            subprocess.run(
                [str(HEADWAY), "contact", "add", name],
                env=env,
                check=True,
                capture_output=True,
            )
        print(f"Command start-up, {runs} runs each ({machine_state()})")
        failed = False
        for mode, settings in (
            ("warm worker (default)", env),
            ("no worker", cold(env)),
        ):
            print(f"  {mode}")
            print(f"  {'command':<40} {'median':>8} {'p90':>8} {'fastest':>8}  budget")
            for label, arguments, budget in COMMANDS:
                times = sorted(timed([str(HEADWAY), *arguments], settings, runs))
                median = statistics.median(times)
                p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
                verdict = ""
                if budget is not None:
                    over = median > budget
                    failed |= over and settings is env
                    mark = "OVER" if over else "ok"
                    verdict = f"{budget:g} s ({median / budget:.2f}) {mark}"
                print(
                    f"  {label:<40} {median:7.3f}s {p90:7.3f}s {times[0]:7.3f}s"
                    f"  {verdict}"
                )
        print(f"  afterwards: {machine_state()}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
