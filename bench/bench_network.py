"""The network's budgets: 30,000 LinkedIn connections imported under 10 s, and
`headway network due` with 5,000 contacts and 100,000 interactions under 0.5 s.

Builds its own data in a temporary data directory (never yours). Prints each
figure with its ratio to the budget; never fails a test run.
`.venv/bin/python bench/bench_network.py`
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
FIRST = ["Ada", "José", "Zoë", "李", "Grace", "Alan", "Priya", "Olu", "Mårten", "Aiko"]
LAST = ["Lovelace", "Álvarez", "O'Neil", "小龍", "Hopper", "Turing", "Raman", "Ade"]
KINDS = ["met", "call", "message", "coffee", "event", "introduction"]


def linkedin_csv(rows: int) -> bytes:
    rng = random.Random(7)
    lines = ["Notes:\n", '"Some email addresses may be missing, see settings."\n', "\n"]
    lines.append(HEADER)
    for index in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"p{index}@example.com" if index % 5 == 0 else ""
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(4_000))
        lines.append(
            f'{first},"{last} {index}",https://www.linkedin.com/in/p-{index},{email},'
            f'"Company {index % 900}, Inc.",Engineer,{day:%d %b %Y}\n'
        )
    return "".join(lines).encode("utf-8-sig")


def report(label: str, seconds: float, budget: float) -> None:
    ratio = seconds / budget
    print(f"{label:<58} {seconds:7.3f} s  budget {budget:5.1f} s  ratio {ratio:5.2f}")


def setup(data_dir: Path) -> None:
    os.environ.update(
        {
            "HEADWAY_DATA_DIR": str(data_dir),
            "HEADWAY_SECRET_KEY": "bench",
            "DJANGO_SETTINGS_MODULE": "headway.settings",
        }
    )
    os.environ.pop("DATABASE_URL", None)  # always the temporary SQLite file
    os.environ.pop("XDG_RUNTIME_DIR", None)
    (data_dir / "run").mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(data_dir / "run")  # the bench's own warm workers
    sys.path.insert(0, str(HERE.parent / "src"))
    from headway.core.bootstrap import initialise

    initialise()


def bench_import(owner: object) -> None:
    from headway.exchange import linkedin
    from headway.network.importing import contacts_import

    data = linkedin_csv(30_000)
    started = time.perf_counter()
    parsed = linkedin.parse(data)
    first = contacts_import(owner=owner, parsed=parsed)
    report(
        "import 30,000 LinkedIn connections (parse + write)",
        time.perf_counter() - started,
        10,
    )
    started = time.perf_counter()
    again = contacts_import(owner=owner, parsed=linkedin.parse(data))
    report(
        "the same file again (all matched, nothing written)",
        time.perf_counter() - started,
        10,
    )
    print(f"  created {first.created}, then matched {again.matched}, ", end="")
    print(f"created {again.created}")


def bench_due() -> None:
    from django.contrib.auth import get_user_model

    from headway.network import selectors
    from headway.network.models import Contact, Interaction
    from headway.network.services import contact_touches_refresh

    rng = random.Random(11)
    user = get_user_model().objects.create(username="due-owner")
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=user,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {index}",
            strength=rng.choice([1, 2, 3, 3, 4, 4, 5]),
            met_on=date(2015, 1, 1) + timedelta(days=rng.randrange(3_900)),
        )
        for index in range(5_000)
    )
    today = date.today()  # noqa: DTZ011 - the bench's own clock, local on purpose
    Interaction.objects.bulk_create(
        (
            Interaction(
                owner=user,
                contact=rng.choice(contacts),
                kind=rng.choice(KINDS),
                occurred_on=today - timedelta(days=rng.randrange(3_650)),
            )
            for _ in range(100_000)
        ),
        batch_size=5_000,
    )
    # Loaded in bulk, so the touch summary is rebuilt once as the services would.
    contact_touches_refresh(owner=user, contact_ids=None)
    rows = selectors.due_list(owner=user)  # warm
    times = []
    for _ in range(5):
        started = time.perf_counter()
        selectors.due_list(owner=user)
        times.append(time.perf_counter() - started)
    report("due list, 5,000 contacts / 100,000 touches, in process", median(times), 0.5)
    print(f"  {len(rows)} contacts due")
    cli = [
        sys.executable,
        "-m",
        "headway",
        "--user",
        "due-owner",
        "network",
        "due",
        "--json",
    ]
    # Bytecode cached, as on a user's machine (this environment turns it off).
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "HEADWAY_MODE": "local",
    }
    subprocess.run(
        cli, env=env, capture_output=True, check=False
    )  # warm the disk cache
    _cli_wall(user, env)


def _cli_wall(user: object, env: dict[str, str]) -> None:
    """Local mode acts for the first user; the due owner's data is copied to it."""
    from django.contrib.auth import get_user_model

    from headway.network.models import Contact, ContactTag, Interaction

    owner = get_user_model().objects.order_by("pk").first()
    ContactTag.objects.filter(owner=owner).delete()
    Contact.objects.filter(owner=owner).delete()
    Contact.objects.filter(owner=user).update(owner=owner)
    Interaction.objects.filter(owner=user).update(owner=owner)
    from bench_journal import worker_ready

    cli = [str(Path(sys.executable).with_name("headway")), "network", "due", "--json"]
    for label, settings in (
        ("warm worker", env),
        ("no worker", env | {"HEADWAY_WARM": "0"}),
    ):
        subprocess.run(cli, env=settings, capture_output=True, check=True)
        times = []
        for _ in range(7):
            worker_ready(settings)
            started = time.perf_counter()
            subprocess.run(cli, env=settings, capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        report(f"`headway network due --json` wall, {label}", median(times), 0.5)
        print(f"  median of 7; fastest {min(times):.3f} s, slowest {max(times):.3f} s")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="headway-bench-network-") as folder:
        data_dir = Path(folder)
        setup(data_dir)
        from headway.accounts.services import owner_ensure

        owner = owner_ensure()
        bench_import(owner)
        bench_due()


if __name__ == "__main__":
    main()
