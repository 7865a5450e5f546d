"""The review pack and the git harvest (issue 13 §3, §8).

The pack: an owner with 5 goals, each with 60 linked entries (accomplishments
with all four NEAR parts, talks, learning, feedback received), as one HTML
page and as a PDF. The harvest: a repository of 3,000 commits by the owner
over two years (made with `git fast-import`), harvested into weekly drafts,
then harvested again (nothing new). No budget is named; figures for reference.

Builds its own data in a temporary data directory (never yours).
`.venv/bin/python bench/bench_pack_harvest.py`
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)
AUTHOR = "ada@example.com"
COMMITS = 3_000


def setup(data_dir: Path) -> None:
    os.environ.update(
        {
            "HEADWAY_DATA_DIR": str(data_dir),
            "HEADWAY_SECRET_KEY": "bench",
            "DJANGO_SETTINGS_MODULE": "headway.settings",
        }
    )
    os.environ.pop("DATABASE_URL", None)  # always the temporary SQLite file
    sys.path.insert(0, str(HERE.parent / "src"))
    from headway.core.bootstrap import initialise

    initialise()


def build_owner() -> tuple[Any, list[int]]:
    from headway.accounts.services import owner_ensure
    from headway.goals.services import goal_create
    from headway.journal.models import Entry

    owner = owner_ensure()
    goals = [
        goal_create(owner=owner, statement=f"Goal {n}", due="2026-12-31")
        for n in range(5)
    ]
    kinds = ("accomplishment", "accomplishment", "talk", "learning", "feedback")
    rows = []
    for n in range(300):
        kind = kinds[n % len(kinds)]
        rows.append(
            Entry(
                owner=owner,
                kind=kind,
                title=f"Thing {n}",
                body="Well done on the launch." if kind == "feedback" else "",
                occurred_on=TODAY - timedelta(days=n),
                numbers="3 services" if kind == "accomplishment" else "",
                example="the payments API" if kind == "accomplishment" else "",
                achievement="Migrated it" if kind == "accomplishment" else "",
                result="deploys took 8 minutes" if kind == "accomplishment" else "",
                details={"direction": "received", "person": "Sam"}
                if kind == "feedback"
                else {},
            )
        )
    Entry.objects.bulk_create(rows)
    for n, entry in enumerate(Entry.objects.for_owner(owner).order_by("pk")):
        entry.goals.set([goals[n % len(goals)]])
    return owner, [goal.pk for goal in goals]


def build_repository(path: Path) -> None:
    """3,000 commits, about 4 a day, each changing one of 50 files."""
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    # The harvest reads the checked-out branch's history.
    subprocess.run(
        ["git", "-C", str(path), "symbolic-ref", "HEAD", "refs/heads/main"],
        check=True,
    )
    start = datetime(2024, 11, 25, 9, 0, tzinfo=UTC)
    stream = []
    for n in range(COMMITS):
        when = int((start + timedelta(hours=6 * n)).timestamp())
        content = f"line {n}\n" * (1 + n % 7)
        message = f"Change {n}: tidy module {n % 50}"
        stream.append(
            f"commit refs/heads/main\n"
            f"committer Ada <{AUTHOR}> {when} +0000\n"
            f"data {len(message)}\n{message}\n"
            f"M 644 inline src/module_{n % 50}.py\n"
            f"data {len(content)}\n{content}\n"
        )
    subprocess.run(
        ["git", "-C", str(path), "fast-import", "--quiet"],
        input="".join(stream).encode(),
        check=True,
    )


def timed(label: str, action: Callable[[], Any], runs: int = 3) -> Any:
    best, result = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - began)
    print(f"{label}: {best:.2f} s")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup(Path(folder) / "data")
        from headway.journal.harvest import harvest_git
        from headway.sharing.pack import pack_build, pack_render

        owner, goal_ids = build_owner()

        def pack(format: str) -> bytes:
            built = pack_build(owner=owner, goal_ids=goal_ids, today=TODAY)
            return pack_render(built, format=format)

        timed("review pack, 5 goals, 300 entries, HTML", lambda: pack("html"))
        pdf = timed("review pack, the same as PDF", lambda: pack("pdf"), runs=1)
        from pypdf import PdfReader  # a dev dependency, as the tests use it

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(f"  PDF size {len(pdf) // 1024} KiB, about {pages} pages")
        repository = Path(folder) / "repo"
        build_repository(repository)
        first = timed(
            f"harvest {COMMITS} commits, first run",
            lambda: harvest_git(owner=owner, path=repository, author=AUTHOR),
            runs=1,
        )
        print(f"  {first.weeks} weeks, {first.created} drafts")
        again = timed(
            "harvest again (nothing new)",
            lambda: harvest_git(owner=owner, path=repository, author=AUTHOR),
        )
        print(f"  {again.created} drafts, {again.known} known")


if __name__ == "__main__":
    main()
