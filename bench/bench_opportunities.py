"""Opportunities at scale: who the owner knows at a company, among 5,000
contacts and 100,000 log links; the board with 1,000 openings; the agenda's
follow-ups. Issue 18 names no budget: these are held to the due list's 0.5 s.

Builds its own data in a temporary data directory (never yours). Prints each
figure with its ratio to the budget; never fails a test run.
`.venv/bin/python bench/bench_opportunities.py`
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import median

from bench_network import report, setup

BUDGET = 0.5


def timed(label: str, run: object, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    report(label, median(times), BUDGET)


def build(owner: object) -> object:
    from headway.journal.models import Entry
    from headway.network.models import Contact
    from headway.network.services import contact_touches_refresh
    from headway.opportunities.models import Opening, StageMove
    from headway.opportunities.services import company_create

    rng = random.Random(18)
    forms = ["", " Inc.", ", Inc", " GmbH", " Ltd", " S.A."]
    Contact.objects.bulk_create(
        Contact(
            owner=owner,
            name=f"Person {index}",
            organisation=f"Company {index % 900}{rng.choice(forms)}",
            strength=rng.randint(1, 5),
        )
        for index in range(5_000)
    )
    # Company 9: nobody strong, so the page looks for who could introduce.
    Contact.objects.filter(organisation__startswith="Company 9").filter(
        organisation__regex=r"^Company 9\b"
    ).update(strength=2)
    contact_touches_refresh(owner=owner, contact_ids=None)
    ids = list(Contact.objects.values_list("pk", flat=True))
    entries = Entry.objects.bulk_create(
        Entry(
            owner=owner, kind="meeting", title=f"Met {n}", occurred_on=date(2025, 1, 1)
        )
        for n in range(50_000)
    )
    through = Entry.contacts.through
    through.objects.bulk_create(
        through(entry_id=entry.pk, contact_id=pk)
        for entry in entries
        for pk in rng.sample(ids, 2)
    )
    company = company_create(owner=owner, name="Company 7")
    company_create(owner=owner, name="Company 9")
    others = [company_create(owner=owner, name=f"Target {n}") for n in range(50)]
    stages = ["interested", "applied", "interviewing", "offer", "rejected"]
    openings = Opening.objects.bulk_create(
        Opening(
            owner=owner,
            company=rng.choice(others),
            role=f"Role {n}",
            source="posting",
            stage=rng.choice(stages),
            stage_on=date(2026, 1, 1) + timedelta(days=rng.randrange(300)),
        )
        for n in range(1_000)
    )
    StageMove.objects.bulk_create(
        StageMove(owner=owner, opening=o, to_stage=o.stage, moved_on=o.stage_on)
        for o in openings
    )
    return company


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup(Path(folder))
        from headway.accounts.services import owner_ensure
        from headway.opportunities import selectors

        owner = owner_ensure()
        company = build(owner)
        found = selectors.who_i_know(owner=owner, company=company)  # type: ignore[arg-type]
        strong = found.has_strong_tie
        print(f"  {len(found.people)} people at Company 7, strong tie: {strong}")
        timed(
            "who I know at a company (5,000 contacts, 100,000 links)",
            lambda: selectors.who_i_know(owner=owner, company=company),  # type: ignore[arg-type]
        )
        weak = selectors.company_find(owner=owner, name_or_id="Company 9")
        found = selectors.who_i_know(owner=owner, company=weak)
        print(f"  Company 9: {len(found.introducers)} could introduce")
        timed(
            "who could introduce, at a company with no strong tie",
            lambda: selectors.who_i_know(owner=owner, company=weak),
        )
        timed(
            "the openings board, 1,000 openings", lambda: selectors.board(owner=owner)
        )
        timed(
            "follow-ups owed for the agenda, 1,000 openings",
            lambda: selectors.follow_up_items(owner=owner),
        )


if __name__ == "__main__":
    main()
