"""The log's budgets (issue 5, point 7): capture, search and jrnl import, and
the same journal side by side with jrnl 4.x.

    .venv/bin/python bench/bench_journal.py [--quick]

Every run builds its own data directories under a temporary folder. jrnl is
installed into bench/.venv-jrnl (git-ignored), never into the project.
`--quick` uses 10,000 instead of 100,000 entries and skips jrnl.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADWAY = Path(sys.executable).with_name("headway")
JRNL_VENV = HERE / ".venv-jrnl"
WORDS = [
    "shipped",
    "migrated",
    "reviewed",
    "mentored",
    "fixed",
    "designed",
    "planned",
    "deployed",
    "tested",
    "wrote",
    "refactored",
    "automated",
    "measured",
    "presented",
    "onboarding",
    "billing",
    "search",
    "pipeline",
    "cache",
    "latency",
    "dashboard",
    "customers",
    "engineers",
    "release",
    "incident",
    "postgres",
    "kubernetes",
    "terraform",
    "budget",
    "roadmap",
    "hiring",
    "interview",
    "retro",
    "demo",
]
RARE = "zanzibar"  # one entry in ten thousand carries it: a selective search


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def journal_text(count: int, seed: int = 5) -> str:
    """A jrnl journal of `count` entries over ten years, some multi-line."""
    rng = random.Random(seed)
    start = datetime(2016, 1, 1, 9, 0)  # noqa: DTZ001 - jrnl's wall time
    blocks = []
    for n in range(count):
        when = start + timedelta(minutes=n * (5_256_000 // max(count, 1)))
        title = sentence(rng, 6).capitalize() + "."
        if n % 7 == 0:  # some read as accomplishments: the coach is asked
            title = f"Cut the {rng.choice(WORDS)} time from {n % 50 + 20} to 8 minutes."
        body = sentence(rng, 12) + f" @{rng.choice(WORDS)}"
        if n % 10_000 == 7:
            body += f" {RARE}"
        star = " *" if n % 97 == 0 else ""
        blocks.append(f"[{when:%Y-%m-%d %H:%M}] {title}{star}\n{body}\n")
    return "\n".join(blocks)


def env_for(data_dir: Path, *, warm: bool = True) -> dict[str, str]:
    """The bench's own data directory and warm-worker folder (TMPDIR)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("XDG_RUNTIME_DIR", None)
    run = data_dir.parent / f"run-{data_dir.name}"
    run.mkdir(parents=True, exist_ok=True)
    env.update(
        HEADWAY_DATA_DIR=str(data_dir),
        HEADWAY_SECRET_KEY="bench",
        HEADWAY_WARM="1" if warm else "0",
        TMPDIR=str(run),
    )
    return env


def cold(env: dict[str, str]) -> dict[str, str]:
    return env | {"HEADWAY_WARM": "0"}


def worker_ready(env: dict[str, str]) -> None:
    """Wait, as a person typing would, until a warm worker listens (if on)."""
    folder = Path(env["TMPDIR"]) / f"headway-{os.getuid()}"
    deadline = time.monotonic() + 60
    while env.get("HEADWAY_WARM") != "0" and not list(folder.glob("*.sock")):
        if time.monotonic() > deadline:
            raise SystemExit("no warm worker came up in 60 s")
        time.sleep(0.05)


def wall(command: list[str], env: dict[str, str], runs: int = 7) -> float:
    """The median wall time of a command, after one warm-up run.

    With warm workers on, each run waits until the next worker is ready, as
    it would be for commands typed seconds apart.
    """
    subprocess.run(command, env=env, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        if command[0] == str(HEADWAY):
            worker_ready(env)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def headway_with(count: int, root: Path) -> tuple[dict[str, str], float]:
    """A data directory holding `count` imported entries, and the import's time."""
    data = root / f"headway-{count}"
    env = env_for(data)
    journal = root / f"journal-{count}.txt"
    journal.write_text(journal_text(count), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [str(HEADWAY), "import", "jrnl", str(journal)],
        env=env,
        check=True,
        capture_output=True,
    )
    return env, time.perf_counter() - start


def search_in_process(env: dict[str, str], word: str) -> float:
    """Median milliseconds of the search selector itself, inside one process."""
    code = (
        "import statistics, time\n"
        "from headway.core.bootstrap import ensure_initialised\n"
        "ensure_initialised()\n"
        "from headway.accounts.services import owner_ensure\n"
        "from headway.journal import selectors\n"
        "owner = owner_ensure()\n"
        f"filters = selectors.entry_filters_parse(query={word!r})\n"
        "times = []\n"
        "for _ in range(30):\n"
        "    t = time.perf_counter()\n"
        "    selectors.search_entries(owner=owner, filters=filters, limit=20)\n"
        "    times.append(time.perf_counter() - t)\n"
        "print(statistics.median(times) * 1000)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True
    )
    return float(out.stdout.decode().strip())


def machine_state() -> str:
    """How busy the machine is: the figures mean little on a loaded machine."""
    start = time.perf_counter()
    sum(range(10**6))
    reference = (time.perf_counter() - start) * 1000
    load = os.getloadavg()[0]
    return (
        f"load average {load:.1f} on {os.cpu_count()} CPUs; "
        f"sum(range(10**6)) took {reference:.0f} ms (about 20 ms when idle)"
    )


def row(label: str, value: float, budget: float, unit: str = "s") -> None:
    ratio = value / budget
    mark = "ok" if ratio <= 1 else "OVER"
    figures = f"{value:8.3f} {unit}  budget {budget:g} {unit}  ({ratio:.2f}) {mark}"
    print(f"  {label:<58} {figures}")


def jrnl_binary() -> Path | None:
    """jrnl 4.x in its own throwaway venv; None if it cannot be installed."""
    binary = JRNL_VENV / "bin" / "jrnl"
    if binary.exists():
        return binary
    try:
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl>=4,<5"], check=True
        )
    except subprocess.CalledProcessError:
        return None
    return binary if binary.exists() else None


def jrnl_env(root: Path, journal: Path) -> dict[str, str]:
    config = root / "jrnl-config"
    (config / "jrnl").mkdir(parents=True, exist_ok=True)
    (config / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.2\n"
    )
    env = dict(os.environ)
    env.update(XDG_CONFIG_HOME=str(config), HOME=str(root))
    return env


def main() -> int:
    quick = "--quick" in sys.argv
    big = 10_000 if quick else 100_000
    root = Path(tempfile.mkdtemp(prefix="bench-journal-"))
    try:
        print(f"headway at {HEADWAY}; data under {root}")
        print(machine_state())
        small_env, _ = headway_with(1_000, root)
        big_env, big_import = headway_with(big, root)
        capture = ["log", "Cut the deploy time from 30 to 12 minutes for 40 engineers"]
        search = ["entries", "--search", "kubernetes", "-n", "20"]
        log_small = wall([str(HEADWAY), *capture], small_env)
        log_big = wall([str(HEADWAY), *capture], big_env)
        find_small = wall([str(HEADWAY), *search], small_env)
        find_big = wall([str(HEADWAY), *search], big_env)
        log_cold = wall([str(HEADWAY), *capture], cold(big_env))
        find_cold = wall([str(HEADWAY), *search], cold(big_env))
        help_time = wall([str(HEADWAY), "--help"], cold(small_env))
        print(f"== capture and search ({big:,} entries vs 1,000) ==")
        row(f'headway log "..." with {big:,} entries', log_big, 0.5)
        row(f"headway entries --search WORD -n 20 with {big:,}", find_big, 0.5)
        row(f"log: {big:,} vs 1,000 entries (ratio)", log_big / log_small, 1.3, "x")
        row(
            f"search: {big:,} vs 1,000 entries (ratio)", find_big / find_small, 1.3, "x"
        )
        row(f'headway log "..." with {big:,}, no warm worker', log_cold, 0.5)
        row(f"headway entries --search with {big:,}, no warm worker", find_cold, 0.5)
        for word in ("kubernetes", RARE):
            row(
                f"search selector in process, {word!r}, {big:,} entries",
                search_in_process(big_env, word),
                20,
                "ms",
            )
        row("headway --help (no Django, no warm worker)", help_time, 0.5)
        row(f"headway import jrnl, {big:,} entries", big_import, 60 * big / 100_000)
        print(machine_state())
        if not quick:
            compare_with_jrnl(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def compare_with_jrnl(root: Path) -> None:
    binary = jrnl_binary()
    if binary is None:
        print("  jrnl 4.x could not be installed; comparison skipped")
        return
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    journal = root / "jrnl-10000.txt"
    journal.write_text(journal_text(10_000, seed=9), encoding="utf-8")
    env_j = jrnl_env(root, journal)
    data = root / "headway-jrnl"
    env_h = env_for(data)
    subprocess.run(
        [str(HEADWAY), "import", "jrnl", str(journal)],
        env=env_h,
        check=True,
        capture_output=True,
    )
    text = "Cut the deploy time from 30 to 12 minutes for 40 engineers"
    jrnl_log = wall([str(binary), text], env_j, runs=5)
    jrnl_find = wall([str(binary), "-contains", "kubernetes"], env_j, runs=5)
    ours_log = wall([str(HEADWAY), "log", text], env_h)
    ours_find = wall(
        [str(HEADWAY), "entries", "--search", "kubernetes", "-n", "20"], env_h
    )
    first = version.stdout.strip().splitlines()[0] if version.stdout else "jrnl"
    print(f"== side by side with {first}, same 10,000-entry journal ==")
    print(f'  jrnl "..."               {jrnl_log:.3f} s')
    print(f"  jrnl -contains WORD       {jrnl_find:.3f} s")
    row(
        "headway log / jrnl capture (budget: under a fifth)",
        ours_log / jrnl_log,
        0.2,
        "x",
    )
    row(
        "headway search / jrnl -contains (budget: two fifths)",
        ours_find / jrnl_find,
        0.4,
        "x",
    )
    print(json.dumps({"jrnl_log": jrnl_log, "jrnl_find": jrnl_find,
                      "headway_log": ours_log, "headway_find": ours_find}))  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
