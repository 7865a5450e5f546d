"""Print locust's CSV figures as a table: throughput, p50/p95/p99, errors.

    .venv/bin/python bench/load/report.py results/load_stats.csv [failures.csv]

Says whether the aggregated p95 is within the budget (300 ms) with no
failed request; like the other benchmarks it never fails the run (exit 1
only when locust wrote no figures).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

BUDGET_P95_MS = 300


def main(stats: Path, failures: Path | None) -> int:
    with stats.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(
        f"| {'task':<22} | {'requests':>8} | {'errors':>6} | {'req/s':>6} "
        f"| {'p50 ms':>6} | {'p95 ms':>6} | {'p99 ms':>6} |"
    )
    print("| " + "-" * 22 + " | " + "-" * 8 + ":|" + " ------:|" * 5)
    total = None
    for row in rows:
        if row["Request Count"] == "0":
            continue  # the sign-in requests, counted before the clock restarted
        name = row["Name"] if row["Name"] != "Aggregated" else "**all**"
        print(
            f"| {name:<22} | {row['Request Count']:>8} | {row['Failure Count']:>6} "
            f"| {float(row['Requests/s']):>6.1f} | {row['50%']:>6} "
            f"| {row['95%']:>6} | {row['99%']:>6} |"
        )
        if row["Name"] == "Aggregated":
            total = row
    if failures and failures.exists():
        with failures.open(newline="") as handle:
            for row in csv.DictReader(handle):
                print(
                    f"failure: {row['Method']} {row['Name']}: {row['Error']} "
                    f"x{row['Occurrences']}"
                )
    if total is None:
        print("no aggregated row: did locust run?")
        return 1
    p95 = float(total["95%"])
    errors = int(total["Failure Count"])
    verdict = "within" if p95 <= BUDGET_P95_MS and errors == 0 else "OVER"
    print(
        f"p95 {p95:.0f} ms, {errors} errors: {verdict} the budget "
        f"(p95 < {BUDGET_P95_MS} ms, no errors)"
    )
    return 0


if __name__ == "__main__":
    arguments = [Path(arg) for arg in sys.argv[1:3]]
    sys.exit(main(arguments[0], arguments[1] if len(arguments) > 1 else None))
