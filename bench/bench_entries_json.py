"""`headway entries --json -n N` memory and time as N grows (issue 10).

Builds a temporary data directory (never yours) with 50,000 entries written
in bulk, then runs `headway entries --json -n N` for growing N with
`HEADWAY_WARM=0` and reports the peak resident memory (`/usr/bin/time -f %M`)
and the wall time of each. Streaming rows keeps the peak flat.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRIES = 50_000
SIZES = (1_000, 10_000, 50_000)
HEADWAY = str(Path(sys.executable).with_name("headway"))


def build(data: Path) -> None:
    os.environ["HEADWAY_DATA_DIR"] = str(data)
    from headway.cli.session import current_owner

    owner = current_owner()
    from headway.journal.models import Entry

    start = dt.date(2016, 1, 1)
    rows = [
        Entry(
            owner=owner,
            kind="note",
            title=f"Entry {n}: paired on the billing queue",
            body="Notes " * 12,
            occurred_on=start + dt.timedelta(days=n % 3650),
        )
        for n in range(ENTRIES)
    ]
    Entry.objects.bulk_create(rows, batch_size=2_000)


def run(data: Path, size: int) -> tuple[int, float]:
    env = dict(os.environ, HEADWAY_DATA_DIR=str(data), HEADWAY_WARM="0")
    began = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", HEADWAY, "entries", "--json", "-n", str(size)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    return int(done.stderr.strip().splitlines()[-1]), time.perf_counter() - began


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        subprocess.run(
            [HEADWAY, "entries"],
            env=dict(os.environ, HEADWAY_DATA_DIR=str(data), HEADWAY_WARM="0"),
            check=True,
            capture_output=True,
        )
        build(data)
        print("| -n | peak memory | wall |\n| --- | --- | --- |")
        for size in SIZES:
            peak_kib, wall = run(data, size)
            print(f"| {size:,} | {peak_kib / 1024:.0f} MiB | {wall:.2f} s |")


if __name__ == "__main__":
    main()
