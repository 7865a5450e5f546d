"""Deletes on the web: a page asks first and names what goes, the message
after offers Undo, and the undo brings it all back; strangers get 404s."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import Share
from headway.core.models import Trash
from headway.goals.models import Goal
from headway.journal.models import Entry
from headway.network.models import Contact, Interaction
from tests.trash_world import trash_world


@pytest.fixture
def world(alice: Any, settings: Any, tmp_path: Path) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path / "media"
    return trash_world(alice)


def urls(world: dict[str, Any]) -> dict[str, tuple[str, str, Any, str]]:
    """kind: (delete URL, where the owner lands, model, what the page names)."""
    return {
        "entry": (
            f"/log/{world['entry'].pk}/delete/",
            "/log/",
            Entry,
            "2 work samples",
        ),
        "contact": (
            f"/network/contacts/{world['contact'].pk}/delete/",
            "/network/",
            Contact,
            "3 touches",
        ),
        "goal": (
            f"/goals/{world['goal'].pk}/delete/",
            "/goals/",
            Goal,
            "1 check-in and 1 comment on a share",
        ),
        "share": (
            f"/goals/shares/{world['share'].pk}/delete/",
            "/goals/shares/",
            Share,
            "1 comment",
        ),
    }


KINDS = ["entry", "contact", "goal", "share"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_confirmation_names_what_goes_and_deletes_nothing(
    alice_client: Client, world: dict[str, Any], kind: str
) -> None:
    url, _, model, dependents = urls(world)[kind]
    page = alice_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert f"This also deletes <strong>{dependents}</strong>" in text
    assert f"Delete {kind}</button>" in text
    assert model.objects.filter(pk=world[kind].pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_delete_then_undo_from_the_message(
    alice_client: Client, world: dict[str, Any], kind: str
) -> None:
    url, landing, model, dependents = urls(world)[kind]
    done = alice_client.post(url, follow=True)
    assert done.redirect_chain[-1][0] == landing
    assert not model.objects.filter(pk=world[kind].pk).exists()
    text = done.content.decode()
    assert f"with {dependents}." in text
    undo = re.search(r'action="(/undo/\d+/)"', text)
    assert undo is not None
    back = alice_client.post(undo.group(1), {"next": landing}, follow=True)
    assert back.redirect_chain[-1][0] == landing
    assert "Restored “" in back.content.decode()
    assert model.objects.filter(pk=world[kind].pk).exists()
    assert Trash.objects.count() == 0


def test_the_contact_comes_back_with_its_touches(
    alice_client: Client, world: dict[str, Any]
) -> None:
    contact = world["contact"]
    alice_client.post(f"/network/contacts/{contact.pk}/delete/")
    trash = Trash.objects.get()
    alice_client.post(f"/undo/{trash.pk}/")
    assert Interaction.objects.filter(contact=contact).count() == 3
    assert list(Entry.objects.get(pk=world["entry"].pk).contacts.all()) == [contact]


def test_an_undo_that_cannot_be_done_says_why(
    alice: Any, alice_client: Client, world: dict[str, Any]
) -> None:
    entry = world["entry"]
    Entry.objects.filter(pk=entry.pk).update(source_key="git:abc")
    alice_client.post(f"/log/{entry.pk}/delete/")
    Entry.objects.filter(pk=world["comment"].entry_id).update(source_key="git:abc")
    trash = Trash.objects.get()
    page = alice_client.post(f"/undo/{trash.pk}/", {"next": "/log/"}, follow=True)
    assert "Cannot undo the delete of “Talk at PyCon”" in page.content.decode()
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_bob_can_neither_see_nor_delete_alices(
    bob_client: Client, world: dict[str, Any], kind: str
) -> None:
    url, _, model, _ = urls(world)[kind]
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url).status_code == 404
    assert model.objects.filter(pk=world[kind].pk).exists()


def test_bob_cannot_undo_alices_delete(
    alice_client: Client, bob_client: Client, world: dict[str, Any]
) -> None:
    alice_client.post(f"/log/{world['entry'].pk}/delete/")
    trash = Trash.objects.get()
    assert bob_client.post(f"/undo/{trash.pk}/").status_code == 404
    assert not Entry.objects.filter(pk=world["entry"].pk).exists()
    assert Trash.objects.filter(pk=trash.pk).exists()


def test_undo_refuses_a_get_and_a_foreign_next(
    alice_client: Client, world: dict[str, Any]
) -> None:
    alice_client.post(f"/log/{world['entry'].pk}/delete/")
    trash = Trash.objects.get()
    assert alice_client.get(f"/undo/{trash.pk}/").status_code == 405
    back = alice_client.post(f"/undo/{trash.pk}/", {"next": "https://evil.test/"})
    assert back["Location"] == "/"


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("/log/{entry}/", "/log/{entry}/delete/"),
        ("/network/contacts/{contact}/", "/network/contacts/{contact}/delete/"),
        ("/goals/{goal}/", "/goals/{goal}/delete/"),
        ("/goals/shares/", "/goals/shares/{share}/delete/"),
    ],
)
def test_each_page_links_to_its_delete_confirmation(
    alice_client: Client, world: dict[str, Any], page: str, link: str
) -> None:
    ids = {kind: world[kind].pk for kind in ("entry", "contact", "goal", "share")}
    text = alice_client.get(page.format(**ids)).content.decode()
    assert f'href="{link.format(**ids)}"' in text
