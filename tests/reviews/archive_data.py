"""One row of every kind an owner can have, for the archive tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from headway.accounts.models import Profile, Role, Share, ShareComment
from headway.goals.models import CheckIn, Goal
from headway.growth.models import (
    GapAction,
    Priority,
    PriorityRanking,
    RankedPriority,
    RoleNeed,
    Skill,
    SkillAlias,
    SkillRating,
    StrengthsAnswer,
    TargetRole,
)
from headway.journal import search
from headway.journal.models import Entry, Tag, WorkSample
from headway.network.models import (
    CadenceTier,
    Contact,
    ContactTag,
    Interaction,
    MentorQuestion,
    NetworkPreferences,
)
from headway.reviews.models import AgendaMark, Cadence, Onboarding

SLIDES = b"%PDF-1.4 the platform migration slides"


def fill(owner: Any, *, word: str = "Platform", recipient: Any = None) -> None:
    """Every kind of row, linked to each other the way the product links them."""
    priority = Priority.objects.create(owner=owner, name=f"{word} mastery")
    Priority.objects.create(owner=owner, name="Autonomy", catalog_key="autonomy")
    ranking = PriorityRanking.objects.create(owner=owner, ranked_on=dt.date(2026, 3, 1))
    RankedPriority.objects.create(ranking=ranking, priority=priority, position=1)
    skill = Skill.objects.create(owner=owner, name=f"{word} Kubernetes")
    StrengthsAnswer.objects.create(
        owner=owner, answered_on=dt.date(2026, 3, 2), energy="Teaching", excel="Ops"
    )
    SkillRating.objects.create(
        owner=owner, skill=skill, level=3, rated_on=dt.date(2026, 3, 2)
    )
    SkillAlias.objects.create(owner=owner, name="k8s", key="k8s", skill=skill)
    role = TargetRole.objects.create(
        owner=owner, name="Staff engineer", needs=["Lead", f"{word} Kubernetes:4"]
    )
    need = RoleNeed.objects.create(
        owner=owner, role=role, position=0, kind="experience", text="Lead"
    )
    RoleNeed.objects.create(
        owner=owner,
        role=role,
        position=1,
        kind="skill",
        text=skill.name,
        skill=skill,
        level=4,
    )
    GapAction.objects.create(owner=owner, gap="skill", name="Pair with an SRE")
    goal = Goal.objects.create(
        owner=owner,
        statement=f"{word} goal: ship the migration",
        target=4.5,
        unit="services",
        due=dt.date(2026, 12, 1),
        started_on=dt.date(2026, 1, 5),
        priority=priority,
        need=need,
    )
    CheckIn.objects.create(
        owner=owner, goal=goal, checked_on=dt.date(2026, 2, 1), value=1.5, note="Hi"
    )
    contact_tag = ContactTag.objects.create(owner=owner, name="mentor")
    contact = Contact.objects.create(
        owner=owner,
        name=f"{word} Mentor",
        organisation="Acme",
        emails=[f"{word.lower()}@example.com"],
        profile_url=f"https://www.linkedin.com/in/{word.lower()}",
        met_on=dt.date(2025, 9, 1),
        strength=4,
        last_interaction_on=dt.date(2026, 2, 3),
    )
    contact.tags.set([contact_tag])
    tag = Tag.objects.create(owner=owner, name=f"{word.lower()}-tag")
    entry = Entry.objects.create(
        owner=owner,
        kind="accomplishment",
        title=f"{word} cut-over done",
        body="Moved **everything**.",
        occurred_on=dt.date(2026, 2, 2),
        numbers="12 services",
        starred=True,
        details={"impact": "high"},
        search_text=f"{word.lower()} cut over done",
        source_key="a" * 64,
    )
    search.index_replace(pk=entry.pk, old_text=None, new_text=entry.search_text)
    entry.tags.set([tag])
    entry.goals.set([goal])
    entry.contacts.set([contact])
    entry.skills.set([skill])
    entry.needs.set([need])
    digest = hashlib.sha256(SLIDES).hexdigest()
    sample = WorkSample(
        owner=owner,
        entry=entry,
        kind="file",
        name="slides.pdf",
        sha256=digest,
        size=len(SLIDES),
        content_type="application/pdf",
    )
    if not default_storage.exists(sample.blob_name):
        default_storage.save(sample.blob_name, ContentFile(SLIDES))
    sample.save()
    WorkSample.objects.create(
        owner=owner, entry=entry, kind="link", name="Runbook", url="https://x.org/r"
    )
    interaction = Interaction.objects.create(
        owner=owner, contact=contact, kind="coffee", occurred_on=dt.date(2026, 2, 3)
    )
    interaction.goals.set([goal])
    interaction.entries.set([entry])
    MentorQuestion.objects.create(owner=owner, contact=contact, text="How to lead?")
    CadenceTier.objects.create(owner=owner, strength=4, ideal_days=20, max_days=40)
    NetworkPreferences.objects.create(owner=owner, mentor_update_days=30)
    share = Share.objects.create(
        owner=owner,
        label="For my manager",
        digest=hashlib.sha256(f"{word}-link".encode()).hexdigest(),
        recipient=recipient,
        expires_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    )
    share.goals.set([goal])
    share.entries.set([entry])
    ShareComment.objects.create(
        share=share, goal=goal, author="Manager", text="Nice work", entry=entry
    )
    Profile.objects.create(owner=owner, name=f"{word} Owner", links=["https://a.b"])
    Role.objects.create(
        owner=owner,
        title=f"{word} engineer",
        organisation="Initech",
        started_on=dt.date(2022, 3, 1),
    )
    Cadence.objects.create(owner=owner, kind="weekly", every_days=7)
    AgendaMark.objects.create(
        owner=owner, key="goal-due:1", done_on=dt.date(2026, 2, 4)
    )
    Onboarding.objects.create(owner=owner, done=["profile"], skipped=["target"])


def export_bytes(owner: Any) -> bytes:
    from headway.reviews.archive import archive_export

    buffer = io.BytesIO()
    archive_export(owner=owner, target=buffer)
    return buffer.getvalue()


def data_of(archive: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return dict(json.loads(opened.read("data.json")))


def import_bytes(owner: Any, archive: bytes, *, merge: bool = False) -> Any:
    from headway.exchange.archive import archive_read
    from headway.reviews.archive import archive_import

    with archive_read(io.BytesIO(archive)) as reader:
        return archive_import(owner=owner, reader=reader, merge=merge)
