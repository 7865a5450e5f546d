"""The rhythm's budgets on the demo owner: the dashboard under 150 ms of server
time (median of 20), and `headway agenda`.

Builds the ten-year demo owner (`headway demo`) at its default size and at the
bench size (50,000 entries, 2,000 contacts) in a temporary folder, never
yours. Prints each figure with its ratio to the budget; never fails a run.

    .venv/bin/python bench/bench_rhythm.py [--quick]

`--quick` measures the default demo only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_journal import wall  # noqa: E402  (bench scripts share a folder)
from demo_owner import HEADWAY, demo_owner  # noqa: E402

DASHBOARD_BUDGET = 0.150
# `headway demo` with no sizes: 300 entries a year for ten years, 320 contacts.
DEFAULT_ENTRIES = 3_000
DEFAULT_CONTACTS = 320
RUNS = 20


def measure_in_process(data_dir: str) -> dict[str, float]:
    """Server time of the dashboard and the agenda's own time, in this process."""
    os.environ["HEADWAY_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    os.environ.setdefault("HEADWAY_SECRET_KEY", "bench")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from headway.accounts.services import owner_ensure
    from headway.reviews.selectors import agenda

    setup_test_environment()
    owner = owner_ensure()
    client = Client()
    client.force_login(owner)
    for _ in range(3):  # warm the caches a server process would have warm
        assert client.get("/").status_code == 200
    dashboard = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get("/")
        dashboard.append(time.perf_counter() - start)
    selector = []
    for _ in range(RUNS):
        start = time.perf_counter()
        agenda(owner=owner)
        selector.append(time.perf_counter() - start)
    return {
        "dashboard_median": median(dashboard),
        "dashboard_p90": sorted(dashboard)[int(RUNS * 0.9) - 1],
        "agenda_median": median(selector),
    }


def machine_state() -> str:
    start = time.perf_counter()
    sum(range(10**6))
    load = os.getloadavg()[0]
    probe = 1000 * (time.perf_counter() - start)
    return f"sum(range(10**6)) {probe:.0f} ms, load {load:.1f}"


def bench(root: Path, *, entries: int, contacts: int) -> None:
    env, built = demo_owner(root, entries=entries, contacts=contacts)
    label = f"{entries:,} entries, {contacts:,} contacts"
    print(f"\n== demo owner, {label}: built in {built:.1f} s ({machine_state()})")
    figures = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--measure", env["HEADWAY_DATA_DIR"]],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    median_s = figures["dashboard_median"]
    print(
        f"dashboard server time, median of {RUNS}   {1000 * median_s:7.1f} ms"
        f"  (p90 {1000 * figures['dashboard_p90']:.1f} ms)"
        f"  budget 150 ms  ratio {median_s / DASHBOARD_BUDGET:.2f}"
    )
    selector = 1000 * figures["agenda_median"]
    print(f"agenda selector, median of {RUNS}         {selector:7.1f} ms")
    cold = env | {"HEADWAY_WARM": "0"}
    for arguments in (["agenda"], ["agenda", "--json"]):
        seconds = wall([str(HEADWAY), *arguments], cold)
        print(
            f"headway {' '.join(arguments):<15} no worker, median of 7 {seconds:6.2f} s"
        )
        seconds = wall([str(HEADWAY), *arguments], env)
        print(f"headway {' '.join(arguments):<15} warm, median of 7 {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure_in_process(arguments.measure)))
        return
    with tempfile.TemporaryDirectory(prefix="headway-bench-rhythm-") as folder:
        root = Path(folder)
        bench(root, entries=DEFAULT_ENTRIES, contacts=DEFAULT_CONTACTS)
        if not arguments.quick:
            bench(root, entries=50_000, contacts=2_000)


if __name__ == "__main__":
    main()
