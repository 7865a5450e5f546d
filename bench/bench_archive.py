"""The archive (issue 13 §7): export, import into a fresh instance, export again.

    .venv/bin/python bench/bench_archive.py [--quick] [--postgres URL]

Builds an owner with N log entries (tags, goal and contact links, one stored
work-sample file per hundred entries), contacts with touches and goals with
check-ins in a temporary local instance, then times `headway export archive`,
`headway import archive` into a second fresh instance and the export there,
and checks the two archives are the same bytes. `--postgres URL` restores the
second instance on PostgreSQL (server mode, a user `bench`): the cross-database
round trip. `--quick` uses 2,000 entries instead of 20,000.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADWAY = Path(sys.executable).with_name("headway")
BUILD = r"""
import datetime as dt, hashlib, os, random
from headway.core.bootstrap import ensure_initialised
ensure_initialised(web=False)
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from headway.accounts.services import owner_ensure
from headway.goals.models import CheckIn, Goal
from headway.journal.models import Entry, Tag, WorkSample
from headway.journal import search
from headway.network.models import Contact, Interaction

count = int(os.environ["BENCH_ENTRIES"])
rng = random.Random(13)
owner = owner_ensure()
tags = [Tag.objects.create(owner=owner, name=f"tag{i}") for i in range(30)]
goals = [Goal.objects.create(owner=owner, statement=f"Goal {i}") for i in range(20)]
CheckIn.objects.bulk_create(
    CheckIn(owner=owner, goal=g, checked_on=dt.date(2026, 1, 1 + i % 28), value=i)
    for i, g in enumerate(goals * 10)
)
contacts = Contact.objects.bulk_create(
    Contact(owner=owner, name=f"Person {i}", emails=[f"p{i}@example.com"])
    for i in range(count // 10)
)
Interaction.objects.bulk_create(
    Interaction(owner=owner, contact=c, kind="coffee", occurred_on=dt.date(2025, 5, 1))
    for c in contacts
)
start = dt.date(2016, 1, 1)
entries = Entry.objects.bulk_create(
    Entry(
        owner=owner, kind="accomplishment", title=f"Shipped thing {i}",
        body="word " * rng.randint(5, 80), occurred_on=start + dt.timedelta(i % 3650),
        search_text=f"shipped thing {i}",
    )
    for i in range(count)
)
search.index_add_many((e.pk, e.search_text) for e in entries)
Through = Entry.tags.through
Through.objects.bulk_create(
    Through(entry_id=e.pk, tag_id=rng.choice(tags).pk) for e in entries
)
Entry.goals.through.objects.bulk_create(
    Entry.goals.through(entry_id=e.pk, goal_id=rng.choice(goals).pk)
    for e in entries[::5]
)
for n, e in enumerate(entries[::100]):
    blob = f"sample {n} ".encode() * 2000
    digest = hashlib.sha256(blob).hexdigest()
    sample = WorkSample(owner=owner, entry=e, kind="file", name=f"s{n}.txt",
                        sha256=digest, size=len(blob))
    default_storage.save(sample.blob_name, ContentFile(blob))
    sample.save()
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def main() -> int:
    quick = "--quick" in sys.argv
    postgres = (
        sys.argv[sys.argv.index("--postgres") + 1] if "--postgres" in sys.argv else ""
    )
    entries = 2_000 if quick else 20_000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        base = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "HEADWAY_MODE")
        }
        base |= {"HEADWAY_SECRET_KEY": "bench-only-key", "HEADWAY_WARM": "0"}
        first = base | {
            "HEADWAY_DATA_DIR": str(root / "a"),
            "BENCH_ENTRIES": str(entries),
        }
        subprocess.run([sys.executable, "-c", BUILD], env=first, check=True)
        second = base | {"HEADWAY_DATA_DIR": str(root / "b")}
        if postgres:
            second |= {
                "DATABASE_URL": postgres,
                "HEADWAY_MODE": "server",
                "HEADWAY_USER": "bench",
            }
        # Migrating the new instance is not the import's time.
        subprocess.run([str(HEADWAY), "init"], env=second, capture_output=True)
        if postgres:
            subprocess.run(
                [str(HEADWAY), "user", "add", "bench", "--password-stdin"],
                env=second,
                input="a-bench-only-password-1234\n",
                capture_output=True,
                text=True,
                check=True,
            )
        one, two = root / "one.zip", root / "two.zip"
        export_s = timed([str(HEADWAY), "export", "archive", "-o", str(one)], first)
        import_s = timed([str(HEADWAY), "import", "archive", str(one)], second)
        again_s = timed([str(HEADWAY), "export", "archive", "-o", str(two)], second)
        size = one.stat().st_size / 1024 / 1024
        same = one.read_bytes() == two.read_bytes()
        where = "PostgreSQL" if postgres else "SQLite"
        print(f"{entries} entries, archive {size:.1f} MB")
        print(f"export (SQLite)       {export_s:6.2f} s")
        print(f"import ({where:10}) {import_s:6.2f} s")
        print(f"export ({where:10}) {again_s:6.2f} s")
        print(f"byte-identical after the round trip: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
