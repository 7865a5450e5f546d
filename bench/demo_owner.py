"""The ten-year demo owner at bench sizes, for any benchmark to measure against.

    .venv/bin/python bench/demo_owner.py [--entries 50000] [--contacts 2000]

prints how long `headway demo` took. From a benchmark:

    from demo_owner import demo_owner
    env, seconds = demo_owner(root)  # root: the benchmark's temporary folder
    subprocess.run([HEADWAY, "agenda"], env=env)

It runs the real command (`headway demo --data-dir …`) in a directory under
`root`, never the user's data, and returns the environment that points
`headway` at it (its own warm-worker folder, as bench_journal.env_for does).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADWAY = Path(sys.executable).with_name("headway")
BENCH_ENTRIES = 50_000
BENCH_CONTACTS = 2_000


def demo_env(data_dir: Path) -> dict[str, str]:
    """`headway` on the demo's directory, with a warm-worker folder of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    env.pop("XDG_RUNTIME_DIR", None)
    run = data_dir.parent / f"run-{data_dir.name}"
    run.mkdir(parents=True, exist_ok=True)
    return env | {
        "HEADWAY_DATA_DIR": str(data_dir),
        "HEADWAY_SECRET_KEY": "bench",
        "TMPDIR": str(run),
    }


def demo_owner(
    root: Path,
    *,
    entries: int = BENCH_ENTRIES,
    contacts: int = BENCH_CONTACTS,
    years: int = 10,
    seed: int = 1,
) -> tuple[dict[str, str], float]:
    """Build the demo owner under `root`; its environment and the wall time."""
    data_dir = root / f"demo-{entries}-{contacts}-{years}y-{seed}"
    env = demo_env(data_dir)
    command = [
        str(HEADWAY), "demo", "--data-dir", str(data_dir), "--years", str(years),
        "--seed", str(seed), "--entries", str(entries), "--contacts", str(contacts),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, env=env | {"HEADWAY_WARM": "0"}, check=True)
    return env, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=BENCH_ENTRIES)
    parser.add_argument("--contacts", type=int, default=BENCH_CONTACTS)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="headway-bench-demo-") as folder:
        _, seconds = demo_owner(
            Path(folder),
            entries=options.entries,
            contacts=options.contacts,
            years=options.years,
            seed=options.seed,
        )
    print(
        f"headway demo --entries {options.entries} --contacts {options.contacts} "
        f"--years {options.years}: {seconds:.1f} s wall (migrations included)"
    )


if __name__ == "__main__":
    main()
