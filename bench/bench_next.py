"""`headway next` on the ten-year demo owner: under 0.3 s in process (issue 11).

Builds the demo owner (`headway demo`) at its default size and at the bench
size (50,000 entries, 2,000 contacts) in a temporary folder, never yours.
In a process of its own it times, median of 20 after three warm-up runs:
the next-actions service alone, and the whole command in process
(`headway next --json` through Typer's runner: options, the owner, every
query, the JSON). Then the command as a user runs it, without a worker and
with one. Prints each figure with its ratio to the budget; never fails a run.

    .venv/bin/python bench/bench_next.py [--quick]

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
from bench_rhythm import (  # noqa: E402
    DEFAULT_CONTACTS,
    DEFAULT_ENTRIES,
    machine_state,
)
from demo_owner import HEADWAY, demo_owner  # noqa: E402

BUDGET = 0.300
RUNS = 20


def _timed(action: object, runs: int = RUNS) -> list[float]:
    assert callable(action)
    for _ in range(3):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def measure_in_process(data_dir: str) -> dict[str, float]:
    os.environ["HEADWAY_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    os.environ.setdefault("HEADWAY_SECRET_KEY", "bench")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from typer.testing import CliRunner

    from headway.accounts.services import owner_ensure
    from headway.cli import app
    from headway.reviews.next_actions import next_actions

    owner = owner_ensure()
    runner = CliRunner()
    items = next_actions(owner=owner)

    def command() -> None:
        result = runner.invoke(app, ["next", "--json"])
        assert result.exit_code == 0, result.output

    service = _timed(lambda: next_actions(owner=owner))
    whole = _timed(command)
    return {
        "service_median": median(service),
        "command_median": median(whole),
        "command_p90": sorted(whole)[int(RUNS * 0.9) - 1],
        "items": len(items),
        "terms": len({term.term for item in items for term in item.why}),
    }


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
    command = figures["command_median"]
    print(f"{figures['items']} next actions, {figures['terms']} kinds of term in them")
    print(
        f"next-actions service, median of {RUNS}        "
        f"{1000 * figures['service_median']:7.1f} ms"
    )
    print(
        f"headway next --json in process, median of {RUNS} {1000 * command:7.1f} ms"
        f"  (p90 {1000 * figures['command_p90']:.1f} ms)"
        f"  budget 300 ms  ratio {command / BUDGET:.2f}"
    )
    cold = env | {"HEADWAY_WARM": "0"}
    for arguments in (["next"], ["next", "--json"]):
        seconds = wall([str(HEADWAY), *arguments], cold)
        name = " ".join(arguments)
        print(f"headway {name:<12} no worker, median of 7 {seconds:6.2f} s")
        try:
            seconds = wall([str(HEADWAY), *arguments], env)
        except SystemExit as error:  # a loaded machine: say so, keep the rest
            print(f"headway {name:<12} warm: not measured ({error})")
            continue
        print(f"headway {name:<12} warm, median of 7      {seconds:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure_in_process(arguments.measure)))
        return
    with tempfile.TemporaryDirectory(prefix="headway-bench-next-") as folder:
        root = Path(folder)
        bench(root, entries=DEFAULT_ENTRIES, contacts=DEFAULT_CONTACTS)
        if not arguments.quick:
            bench(root, entries=50_000, contacts=2_000)


if __name__ == "__main__":
    main()
