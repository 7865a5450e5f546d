"""Seed the load benchmark: 10,000 server-mode users with a year of data each.

    .venv/bin/python bench/load/seed.py [--users 10000] [--database-url URL]

Writes into a dedicated PostgreSQL database (default
postgresql://postgres@127.0.0.1:5432/headway_load, or $HEADWAY_LOAD_DATABASE_URL),
created if missing and migrated first. Idempotent and resumable: users are
written a batch at a time in one transaction each (the user and all of their
rows together), and a batch whose users exist already is skipped.

Per user (the "year"): ENTRIES entries of every kind over the last 365 days,
with their tags and `search_text` (the document PostgreSQL's GIN index reads),
GOALS goals with CHECKINS check-ins each, CONTACTS contacts with INTERACTIONS
interactions (and the touch summaries the network service keeps), and one
API token. Tokens are derived from the user name and a fixed salt, so the
CSV the locust file reads (bench/load/users.csv, user,password,token) can be
written again on any run; they are stored hashed, as accounts.services does.
Every user has the same password (PASSWORD), hashed once with argon2.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/headway_load"
USERS = 10_000
BATCH = 100
ENTRIES = 60
GOALS = 3
CHECKINS = 10
CONTACTS = 20
INTERACTIONS = 30
TAGS = ("platform", "hiring", "mentoring", "release", "oncall", "design", "docs")
PASSWORD = "load-bench-password-7"
TOKEN_SALT = "headway-load-bench"
SECRET_KEY = "load-bench-secret-key-not-for-production"
USERS_CSV = HERE / "users.csv"


def username(index: int) -> str:
    return f"load{index:05d}"


def clear_token(name: str) -> str:
    raw = hashlib.sha256(f"{TOKEN_SALT}:{name}".encode()).digest()
    return "hw_" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def environment(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["HEADWAY_MODE"] = "server"
    os.environ.setdefault("HEADWAY_SECRET_KEY", SECRET_KEY)
    os.environ.setdefault("HEADWAY_DATA_DIR", tempfile.mkdtemp(prefix="headway-load-"))
    os.environ.setdefault("HEADWAY_WARM", "0")
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"


def database_create(url: str) -> None:
    """Create the database named in the URL when the server lacks it."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


# -- one user's year --------------------------------------------------------

KIND_WEIGHTS = {
    "accomplishment": 20, "learning": 10, "meeting": 12, "note": 12,
    "feedback": 6, "reading": 6, "initiative": 5, "content": 3, "talk": 2,
    "setback": 4,
}  # fmt: skip
VERBS = ("Shipped", "Led", "Reduced", "Migrated", "Wrote", "Mentored", "Fixed",
         "Designed", "Automated", "Presented", "Reviewed", "Planned")  # fmt: skip
THINGS = ("the billing service", "search latency", "the onboarding guide",
          "the release pipeline", "flaky integration tests", "the data export",
          "the mobile login flow", "our incident process", "the API gateway",
          "the quarterly roadmap", "a new hire", "the design system")  # fmt: skip
RESULTS = ("cut p95 from 900 ms to 250 ms", "saved 6 hours a week",
           "unblocked two teams", "raised NPS by 8 points",
           "removed 40 % of support tickets", "finished a week early")  # fmt: skip
TOUCH_KINDS = ("message", "message", "call", "coffee", "event", "help_given",
               "help_received")  # fmt: skip
GOAL_STATEMENTS = ("Give 4 talks this year", "Mentor 3 engineers",
                   "Read 12 books on leadership", "Ship 6 customer features",
                   "Write 10 posts on the engineering blog",
                   "Run 8 design reviews")  # fmt: skip


def _entry_texts(rng: random.Random, kind: str) -> dict[str, str]:
    verb, thing = rng.choice(VERBS), rng.choice(THINGS)
    title = f"{verb} {thing}"
    body = (
        f"{verb} {thing} with {rng.choice(('Ana', 'Ben', 'Chen', 'Dara'))}; "
        f"{rng.choice(RESULTS)}. Notes for the {kind} log."
    )
    texts = {"title": title, "body": body}
    if kind == "accomplishment":
        texts |= {
            "numbers": rng.choice(RESULTS),
            "example": f"{thing} for {rng.randint(3, 40)} customers",
            "achievement": f"{verb.lower()} {thing}",
            "result": rng.choice(RESULTS),
        }
    return texts


def user_rows(
    rng: random.Random, owner_id: int, today: date, words: Any
) -> dict[str, list[Any]]:
    """Plain dictionaries for one user's year (model instances come later)."""
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    entries = []
    for _ in range(ENTRIES):
        kind = rng.choices(kinds, weights)[0]
        entries.append(
            {
                "kind": kind,
                "occurred_on": today - timedelta(days=rng.randrange(365)),
                "starred": rng.random() < 0.1,
                "tags": rng.sample(TAGS, rng.randint(0, 2)),
                **_entry_texts(rng, kind),
            }
        )
    goals = []
    for statement in rng.sample(GOAL_STATEMENTS, GOALS):
        started = today - timedelta(days=rng.randrange(200, 365))
        target = float(statement.split()[1])
        span = (today - started).days + 1
        checkins = [
            {
                "checked_on": started + timedelta(days=rng.randrange(span)),
                "value": 1.0,
                "note": rng.choice(("", "good week", "half done", "behind plan")),
            }
            for _ in range(CHECKINS)
        ]
        goals.append(
            {
                "statement": statement,
                "target": target * 2,
                "unit": statement.split()[2],
                "started_on": started,
                "due": today + timedelta(days=rng.randrange(30, 200)),
                "checkins": checkins,
            }
        )
    contacts = []
    for index in range(CONTACTS):
        met = today - timedelta(days=rng.randrange(30, 900))
        contacts.append(
            {
                "name": f"{rng.choice(words.FIRST_NAMES)} "
                f"{rng.choice(words.LAST_NAMES)}",
                "organisation": rng.choice(words.OTHER_ORGANISATIONS),
                "role": rng.choice(words.COLLEAGUE_ROLES),
                "met_how": rng.choice(("work", "event", "online", "introduction")),
                "met_on": met,
                "strength": rng.choice((1, 2, 3, 3, 4, 5)),
                "follow_up_by": (
                    today + timedelta(days=rng.randrange(-10, 20))
                    if index % 7 == 0
                    else None
                ),
            }
        )
    touches = [
        {
            "contact": rng.randrange(CONTACTS),
            "kind": rng.choice(TOUCH_KINDS),
            "occurred_on": today - timedelta(days=rng.randrange(365)),
            "notes": rng.choice(words.INTERACTION_NOTES),
        }
        for _ in range(INTERACTIONS)
    ]
    return {
        "entries": entries,
        "goals": goals,
        "contacts": contacts,
        "touches": touches,
    }


THANKS = {"message", "call", "coffee"}


def touch_summary(touches: list[dict[str, Any]]) -> dict[str, Any]:
    """What network.services.contact_touches_refresh computes, for one contact
    whose touches carry no promises."""
    if not touches:
        return {}
    thanks = [t["occurred_on"] for t in touches if t["kind"] in THANKS]
    return {
        "last_interaction_on": max(t["occurred_on"] for t in touches),
        "last_thanks_on": max(thanks) if thanks else None,
        "help_given": sum(1 for t in touches if t["kind"] == "help_given"),
        "help_received": sum(1 for t in touches if t["kind"] == "help_received"),
    }


# -- a batch of users ---------------------------------------------------------


def batch_write(indices: list[int], password_hash: str, today: date) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from headway.accounts.models import ApiToken, token_digest
    from headway.goals.models import CheckIn, Goal
    from headway.journal import search
    from headway.journal.models import Entry, Tag
    from headway.network.models import Contact, Interaction
    from headway.reviews.demo import words

    user_model = get_user_model()
    with transaction.atomic():
        users = user_model.objects.bulk_create(
            [user_model(username=username(i), password=password_hash) for i in indices]
        )
        plans = {
            user.pk: user_rows(random.Random(index), user.pk, today, words)
            for index, user in zip(indices, users, strict=True)
        }
        ApiToken.objects.bulk_create(
            [
                ApiToken(
                    owner_id=user.pk,
                    name="load bench",
                    digest=token_digest(clear_token(user.username)),
                    prefix=clear_token(user.username)[:10],
                )
                for user in users
            ]
        )
        tags = Tag.objects.bulk_create(
            [Tag(owner_id=user.pk, name=name) for user in users for name in TAGS]
        )
        tag_ids = {(tag.owner_id, tag.name): tag.pk for tag in tags}
        entries, entry_tags = [], []
        for owner_id, plan in plans.items():
            for row in plan["entries"]:
                entry = Entry(
                    owner_id=owner_id,
                    **{k: v for k, v in row.items() if k != "tags"},
                )
                entry.search_text = search.entry_document(
                    entry, tags=row["tags"], samples=()
                )
                entries.append(entry)
                entry_tags.append(row["tags"])
        Entry.objects.bulk_create(entries, batch_size=2_000)
        through = Entry.tags.through
        through.objects.bulk_create(
            [
                through(entry_id=entry.pk, tag_id=tag_ids[(entry.owner_id, name)])
                for entry, names in zip(entries, entry_tags, strict=True)
                for name in names
            ],
            batch_size=5_000,
        )
        goals, checkins = [], []
        for owner_id, plan in plans.items():
            for row in plan["goals"]:
                goal = Goal(
                    owner_id=owner_id,
                    **{k: v for k, v in row.items() if k != "checkins"},
                )
                goals.append((goal, row["checkins"]))
        Goal.objects.bulk_create([goal for goal, _ in goals])
        for goal, rows in goals:
            checkins.extend(
                CheckIn(owner_id=goal.owner_id, goal_id=goal.pk, **row) for row in rows
            )
        CheckIn.objects.bulk_create(checkins, batch_size=5_000)
        contacts, touches = [], []
        for owner_id, plan in plans.items():
            made = []
            for index, row in enumerate(plan["contacts"]):
                mine = [t for t in plan["touches"] if t["contact"] == index]
                made.append(Contact(owner_id=owner_id, **row, **touch_summary(mine)))
            contacts.extend(made)
            touches.append((made, plan["touches"]))
        Contact.objects.bulk_create(contacts, batch_size=5_000)
        Interaction.objects.bulk_create(
            [
                Interaction(
                    owner_id=contact.owner_id,
                    contact_id=contact.pk,
                    kind=row["kind"],
                    occurred_on=row["occurred_on"],
                    notes=row["notes"],
                )
                for made, rows in touches
                for row in rows
                for contact in (made[row["contact"]],)
            ],
            batch_size=5_000,
        )


def csv_write(count: int) -> None:
    with USERS_CSV.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["username", "password", "token"])
        for index in range(count):
            name = username(index)
            writer.writerow([name, PASSWORD, clear_token(name)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("HEADWAY_LOAD_DATABASE_URL", DEFAULT_URL),
    )
    parser.add_argument(
        "--csv-only",
        action="store_true",
        help="write bench/load/users.csv for --users users and seed nothing",
    )
    arguments = parser.parse_args()
    if arguments.csv_only:
        csv_write(arguments.users)
        print(f"{arguments.users} users' sign-ins written to {USERS_CSV}")
        return 0
    environment(arguments.database_url)
    database_create(arguments.database_url)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.utils import timezone
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrated in {time.monotonic() - started:.1f} s")
    names = set(
        get_user_model()
        .objects.filter(username__startswith="load")
        .values_list("username", flat=True)
    )
    missing = [i for i in range(arguments.users) if username(i) not in names]
    password_hash = make_password(PASSWORD)
    today = timezone.localdate()
    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    started = time.monotonic()
    with Progress(*columns) as progress:
        task = progress.add_task("users", total=arguments.users)
        progress.update(task, completed=arguments.users - len(missing))
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            batch_write(batch, password_hash, today)
            progress.advance(task, len(batch))
    csv_write(arguments.users)
    print(
        f"{len(missing)} users written in {time.monotonic() - started:.1f} s "
        f"({arguments.users - len(missing)} there already); tokens in {USERS_CSV}"
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
