"""Safe deletes: what goes is named, an undo brings back every row and link,
and the sweep forgets old deletes with the files no one uses."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from headway.accounts.models import Share, ShareComment
from headway.core.errors import Conflict
from headway.core.models import Trash
from headway.core.trash import trash_restore, trash_sweep
from headway.goals.models import CheckIn, Goal
from headway.goals.services import (
    goal_delete,
    goal_delete_preview,
)
from headway.journal.models import Entry, WorkSample
from headway.journal.selectors import EntryFilters, search_entries
from headway.journal.services import (
    entry_create,
    entry_delete,
    entry_delete_preview,
)
from headway.network.mentorship import mentor_question_add
from headway.network.models import Contact, Interaction, MentorQuestion
from headway.network.services import (
    contact_delete,
    contact_delete_preview,
)
from headway.sharing.shares import (
    share_delete,
    share_delete_preview,
)
from tests.factories import upload
from tests.trash_world import trash_world


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(alice: Any, media: Path) -> dict[str, Any]:
    return trash_world(alice)


def snapshot(alice: Any) -> dict[str, Any]:
    """Everything of alice's an undo must bring back exactly."""
    entries = Entry.objects.for_owner(alice)
    return {
        "goals": list(Goal.objects.for_owner(alice).values()),
        "checkins": list(CheckIn.objects.for_owner(alice).values()),
        "entries": list(entries.values()),
        "samples": list(WorkSample.objects.for_owner(alice).values()),
        "contacts": list(Contact.objects.for_owner(alice).values()),
        "touches": list(Interaction.objects.for_owner(alice).values()),
        "questions": list(MentorQuestion.objects.for_owner(alice).values()),
        "shares": list(Share.objects.for_owner(alice).values()),
        "comments": list(ShareComment.objects.filter(share__owner=alice).values()),
        "links": sorted(
            (kind, pk, linked)
            for entry in entries
            for kind, rows in (
                ("tag", entry.tags.all()),
                ("goal", entry.goals.all()),
                ("contact", entry.contacts.all()),
                ("skill", entry.skills.all()),
                ("touch", entry.interactions.all()),
                ("share", entry.shares.all()),
            )
            for pk, linked in [(entry.pk, row.pk) for row in rows]
        )
        + sorted(
            ("touch-goal", touch.pk, goal.pk)
            for touch in Interaction.objects.for_owner(alice)
            for goal in touch.goals.all()
        )
        + sorted(
            ("share-goal", share.pk, goal.pk)
            for share in Share.objects.for_owner(alice)
            for goal in share.goals.all()
        ),
    }


def found(alice: Any, query: str) -> list[str]:
    entries, _ = search_entries(owner=alice, filters=EntryFilters(query=query))
    return [entry.title for entry in entries]


def test_a_delete_names_what_goes_with_each_kind(
    alice: Any, world: dict[str, Any]
) -> None:
    entry, contact = world["entry"], world["contact"]
    mentor_question_add(owner=alice, contact=contact, text="How to pick a talk?")
    assert entry_delete_preview(owner=alice, pk=entry.pk) == "2 work samples"
    assert (
        contact_delete_preview(owner=alice, contact=contact)
        == "3 touches and 1 question"
    )
    assert goal_delete_preview(owner=alice, goal_id=world["goal"].pk) == (
        "1 check-in and 1 comment on a share"
    )
    _, summary = share_delete_preview(owner=alice, share_id=world["share"].pk)
    assert summary == "1 comment"
    assert Entry.objects.filter(pk=entry.pk).exists()  # a preview deletes nothing


@pytest.mark.parametrize("kind", ["entry", "contact", "goal", "share"])
def test_undo_brings_back_every_row_and_link(
    alice: Any, world: dict[str, Any], kind: str
) -> None:
    if kind == "contact":
        mentor_question_add(owner=alice, contact=world["contact"], text="Pick?")
    before = snapshot(alice)
    delete = {
        "entry": lambda: entry_delete(owner=alice, pk=world["entry"].pk),
        "contact": lambda: contact_delete(owner=alice, contact=world["contact"]),
        "goal": lambda: goal_delete(owner=alice, goal_id=world["goal"].pk),
        "share": lambda: share_delete(owner=alice, share_id=world["share"].pk),
    }[kind]
    trash = delete()
    assert snapshot(alice) != before
    trash_restore(owner=alice, trash_id=trash.pk)
    assert snapshot(alice) == before
    assert not Trash.objects.filter(pk=trash.pk).exists()


def test_a_deleted_entry_comes_back_to_search_and_keeps_its_files(
    alice: Any, world: dict[str, Any], media: Path
) -> None:
    entry = world["entry"]
    trash = entry_delete(owner=alice, pk=entry.pk)
    assert found(alice, "PyCon") == []
    digest = hashlib.sha256(b"deck").hexdigest()
    assert (media / "samples" / digest[:2] / digest).exists()
    trash_restore(owner=alice, trash_id=trash.pk)
    assert found(alice, "PyCon") == ["Talk at PyCon"]
    assert entry.samples.count() == 2


def test_a_comment_keeps_pointing_at_its_feedback_entry_after_an_undo(
    alice: Any, world: dict[str, Any]
) -> None:
    comment = world["comment"]
    trash = entry_delete(owner=alice, pk=comment.entry_id)
    assert ShareComment.objects.get(pk=comment.pk).entry_id is None
    trash_restore(owner=alice, trash_id=trash.pk)
    assert ShareComment.objects.get(pk=comment.pk).entry_id == comment.entry_id


def test_undo_of_another_users_delete_is_not_found(
    alice: Any, bob: Any, world: dict[str, Any]
) -> None:
    trash = entry_delete(owner=alice, pk=world["entry"].pk)
    with pytest.raises(Http404):
        trash_restore(owner=bob, trash_id=trash.pk)
    assert not Entry.objects.filter(pk=world["entry"].pk).exists()


def test_undo_is_refused_when_a_newer_import_took_the_entrys_place(
    alice: Any, world: dict[str, Any]
) -> None:
    entry = world["entry"]
    Entry.objects.filter(pk=entry.pk).update(source_key="git:abc")
    trash = entry_delete(owner=alice, pk=entry.pk)
    again = entry_create(owner=alice, title="Talk at PyCon, imported again")
    Entry.objects.filter(pk=again.pk).update(source_key="git:abc")
    with pytest.raises(Conflict, match="Talk at PyCon"):
        trash_restore(owner=alice, trash_id=trash.pk)
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert Entry.objects.filter(pk=again.pk).exists()
    assert Trash.objects.filter(pk=trash.pk).exists()


def test_undo_leaves_out_links_to_what_was_deleted_since(
    alice: Any, world: dict[str, Any]
) -> None:
    entry = world["entry"]
    trash = entry_delete(owner=alice, pk=entry.pk)
    goal_delete(owner=alice, goal_id=world["goal"].pk)
    trash_restore(owner=alice, trash_id=trash.pk)
    restored = Entry.objects.get(pk=entry.pk)
    assert list(restored.goals.all()) == []
    assert [c.name for c in restored.contacts.all()] == ["Dana Reyes"]


def test_the_sweep_forgets_old_deletes_and_their_unused_files(
    alice: Any,
    bob: Any,
    world: dict[str, Any],
    media: Path,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TRASH_KEEP_HOURS = 24
    entry_create(owner=bob, title="B", attachments=[upload("d.pdf", b"deck")])
    trash = entry_delete(owner=alice, pk=world["entry"].pk)
    kept = hashlib.sha256(b"deck").hexdigest()  # bob uses it too
    gone = hashlib.sha256(b"notes").hexdigest()
    assert trash_sweep(now=timezone.now() + dt.timedelta(hours=23)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert trash_sweep(now=timezone.now() + dt.timedelta(hours=25)) == 1
    assert not Trash.objects.filter(pk=trash.pk).exists()
    assert (media / "samples" / kept[:2] / kept).exists()
    assert not (media / "samples" / gone[:2] / gone).exists()
    with pytest.raises(Http404):
        trash_restore(owner=alice, trash_id=trash.pk)


def test_a_delete_sweeps_what_is_past_its_undo_window(
    alice: Any, world: dict[str, Any], settings: Any
) -> None:
    first = goal_delete(owner=alice, goal_id=world["goal"].pk)
    Trash.objects.filter(pk=first.pk).update(
        created=timezone.now() - dt.timedelta(days=2)
    )
    contact_delete(owner=alice, contact=world["contact"])
    assert list(Trash.objects.values_list("kind", flat=True)) == ["network.contact"]
