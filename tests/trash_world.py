"""One owner's small world for safe-delete tests: every kind a delete takes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from headway.goals.services import checkin_create, goal_create
from headway.journal.services import entry_create
from headway.network.services import contact_create, interaction_log
from headway.sharing.shares import share_comment, share_create
from tests.factories import upload

DAY = dt.date(2026, 11, 2)


def trash_world(alice: Any) -> dict[str, Any]:
    """Alice's goal, an entry with two samples linked to it and to a contact,
    touches with that contact linked to both, and a share with a comment."""
    goal = goal_create(
        owner=alice,
        statement="Give 3 talks by 2027-12-31",
        target=3,
        started_on=DAY - dt.timedelta(days=90),
    )
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on=DAY)
    contact = contact_create(
        owner=alice, name="Dana Reyes", met_where="KubeCon", tags=["mentor"]
    )
    entry = entry_create(
        owner=alice,
        title="Talk at PyCon",
        kind="talk",
        occurred_on=DAY,
        tags=["talks"],
        goal_ids=[goal.pk],
        contact_ids=[contact.pk],
        skills=["Speaking"],
        attachments=[upload("deck.pdf", b"deck"), upload("notes.txt", b"notes")],
    )
    for day in (DAY, DAY - dt.timedelta(days=30), DAY - dt.timedelta(days=60)):
        interaction_log(
            owner=alice,
            contact=contact,
            kind="coffee",
            occurred_on=day,
            goal_ids=[goal.pk],
            entry_ids=[entry.pk],
            today=DAY,
        )
    share, _ = share_create(owner=alice, goal_ids=[goal.pk], entry_ids=[entry.pk])
    comment = share_comment(share=share, goal_id=goal.pk, author="Sam", text="Nice")
    return {
        "goal": goal,
        "contact": contact,
        "entry": entry,
        "share": share,
        "comment": comment,
    }
