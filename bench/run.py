"""Run every benchmark in this folder (bench_*.py) in turn; each prints its figures.

Benchmarks measure against the budgets in the issues and print ratios; they
never pass or fail the test suite. `make bench` runs them all, or run one:
`.venv/bin/python bench/bench_journal.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    scripts = sorted(here.glob("bench_*.py"))
    if not scripts:
        print("No benchmarks yet (bench/bench_*.py).")
        return 0
    failed = 0
    for script in scripts:
        print(f"== {script.name} ==", flush=True)
        failed |= subprocess.call([sys.executable, str(script), *sys.argv[1:]])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
