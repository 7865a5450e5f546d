"""The yearly report's budget (issue 13 §2): the ten-year demo owner's report
of a year as a PDF in under 5 s.

Builds the demo owner (`headway demo`) at its default size and at the bench
size (50,000 entries, 2,000 contacts) in a temporary folder, never yours,
then times `headway review year YEAR --format pdf -o FILE` (the whole
command, no warm worker, and with one), and in one process the data, the
Markdown, the HTML and the PDF apart. YEAR is the last complete year, the
fullest one. Prints ratios to the budget; never fails a run.

    .venv/bin/python bench/bench_reviews.py [--quick]

`--quick` measures the default demo only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_journal import wall  # noqa: E402  (bench scripts share a folder)
from bench_rhythm import DEFAULT_CONTACTS, DEFAULT_ENTRIES, machine_state  # noqa: E402
from demo_owner import HEADWAY, demo_env, demo_owner  # noqa: E402

BUDGET = 5.0
YEAR = date.today().year - 1  # noqa: DTZ011 - the machine's year is the demo's


def cpu_seconds(command: list[str], env: dict[str, str], runs: int = 5) -> float:
    """The median CPU time (user + system) of a command: what it costs the
    machine, which a shared machine's load does not inflate as it does wall
    time."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, env=env, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        )
    return sorted(times)[len(times) // 2]


def best_of(run: object, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def measure_in_process(data_dir: str) -> dict[str, float]:
    """Each step of the yearly report apart, best of three, in this process."""
    os.environ["HEADWAY_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    os.environ.setdefault("HEADWAY_SECRET_KEY", "bench")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from django.utils import timezone
    from pypdf import PdfReader

    from headway.accounts.services import owner_ensure
    from headway.coach.periods import period_parse
    from headway.reviews.reports import report_build, report_render

    owner = owner_ensure()
    today = timezone.localdate()
    period = period_parse("year", str(YEAR), today=today)
    report = report_build(owner=owner, period=period, today=today)
    pdf = report_render(report, format="pdf")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        pages = len(PdfReader(handle.name).pages)
    return {
        "data": best_of(lambda: report_build(owner=owner, period=period, today=today)),
        "md": best_of(lambda: report_render(report, format="md")),
        "html": best_of(lambda: report_render(report, format="html")),
        "pdf": best_of(lambda: report_render(report, format="pdf")),
        "pages": pages,
        "accomplishments": report.facts.accomplishment_count,
        "entries": sum(report.facts.entries_by_kind.values()),
    }


def bench(root: Path, *, entries: int, contacts: int) -> None:
    env, built = demo_owner(root, entries=entries, contacts=contacts)
    label = f"{entries:,} entries, {contacts:,} contacts"
    print(f"\n== demo owner, {label}: built in {built:.1f} s ({machine_state()})")
    measure(root, env, label)


def measure(root: Path, env: dict[str, str], label: str) -> None:
    figures = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--measure", env["HEADWAY_DATA_DIR"]],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    print(
        f"year {YEAR}: {figures['entries']:,} entries, "
        f"{figures['accomplishments']:,} accomplishments; "
        f"the PDF has {figures['pages']} pages"
    )
    for step in ("data", "md", "html", "pdf"):
        print(f"  in process, {step:<5} best of 3       {figures[step]:6.2f} s")
    target = root / "year.pdf"
    command = [str(HEADWAY), "review", "year", str(YEAR), "--format", "pdf",
               "-o", str(target)]  # fmt: skip
    cold = env | {"HEADWAY_WARM": "0"}
    cpu = cpu_seconds(command, cold)
    print(
        f"headway review year {YEAR} --format pdf, no worker, CPU, median of 5 "
        f"{cpu:5.2f} s  budget {BUDGET:.0f} s  ratio {cpu / BUDGET:.2f}"
    )
    for name, environment in (("no worker", cold),
                              ("warm", env)):  # fmt: skip
        seconds = wall(command, environment, runs=5)
        print(
            f"headway review year {YEAR} --format pdf, {name}, median of 5 "
            f"{seconds:5.2f} s  budget {BUDGET:.0f} s  ratio {seconds / BUDGET:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument(
        "--data-dir", help="measure a demo owner built already (`headway demo`)"
    )
    arguments = parser.parse_args()
    if arguments.measure:
        print(json.dumps(measure_in_process(arguments.measure)))
        return
    if arguments.data_dir:
        with tempfile.TemporaryDirectory(prefix="headway-bench-reviews-") as folder:
            env = demo_env(Path(arguments.data_dir).resolve())
            print(f"== demo owner in {arguments.data_dir} ({machine_state()})")
            measure(Path(folder), env, arguments.data_dir)
        return
    with tempfile.TemporaryDirectory(prefix="headway-bench-reviews-") as folder:
        root = Path(folder)
        bench(root, entries=DEFAULT_ENTRIES, contacts=DEFAULT_CONTACTS)
        if not arguments.quick:
            bench(root, entries=50_000, contacts=2_000)


if __name__ == "__main__":
    main()
