"""vCard 3.0 and 4.0 in, vCard out, and the round trip to the same contacts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from headway.exchange import vcard
from headway.network import selectors, services
from headway.network.importing import ImportRejected, contacts_import
from headway.network.models import Contact

DATA = Path(__file__).parent / "data"


def import_bytes(owner: Any, data: bytes) -> Any:
    return contacts_import(owner=owner, parsed=vcard.parse(data))


def test_a_vcard_3_file_with_two_cards_imports_both(alice: Any) -> None:
    report = import_bytes(alice, (DATA / "two_cards_v3.vcf").read_bytes())
    assert (report.created, report.errors) == (2, [])
    margaret = Contact.objects.get(name="Margaret Hamilton")
    assert margaret.organisation == "MIT Instrumentation Lab"
    assert margaret.role == "Director of Software Engineering"
    assert margaret.emails == ["margaret@example.com"]
    assert margaret.phones == ["+1 617 555 0100"]
    assert margaret.profile_url == "https://www.linkedin.com/in/margaret-hamilton"
    assert margaret.notes == "Ask about, error handling\nand priorities"
    assert sorted(margaret.tag_names) == ["apollo", "mentor"]
    assert Contact.objects.get(organisation="Eindhoven").name == "Edsger W. Dijkstra"


def test_a_vcard_4_card_with_non_latin_text_and_a_tel_uri(alice: Any) -> None:
    import_bytes(alice, (DATA / "one_card_v4.vcf").read_bytes())
    soren = Contact.objects.get()
    assert soren.name == "Søren Kierkegaard 😊"
    assert soren.phones == ["+45-12-34-56-78"]
    assert soren.strength == 2


def test_importing_the_same_vcard_twice_creates_no_duplicates(alice: Any) -> None:
    data = (DATA / "two_cards_v3.vcf").read_bytes()
    import_bytes(alice, data)
    again = import_bytes(alice, data)
    assert (again.created, again.matched) == (0, 2)
    assert Contact.objects.count() == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nORG:Nobody\nEND:VCARD\n",
            "Line 5: this card has no name",
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:Too Strong\n"
            "X-HEADWAY-STRENGTH:7\nEND:VCARD\n",
            "Line 1: strength '7' is not 1 to 5",
        ),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Open\n", "Line 1: this card has no END"),
        ("hello\n", "Line 1: text outside a card"),
        ("", "No card found"),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:Bad mail\nEMAIL:nope\nEND:VCARD\n",
            "Line 1: 'nope' is not an email address",
        ),
    ],
)
def test_a_bad_vcard_imports_nothing(alice: Any, text: str, message: str) -> None:
    good = "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nEND:VCARD\n"
    with pytest.raises(ImportRejected) as caught:
        import_bytes(alice, (text + good if text else text).encode())
    assert any(message in error for error in caught.value.errors), caught.value.errors
    assert Contact.objects.count() == 0


def test_a_binary_file_is_not_a_vcard(alice: Any) -> None:
    with pytest.raises(ImportRejected, match="not a text file"):
        import_bytes(alice, b"\x00\x01\x02BEGIN:VCARD")


def test_an_export_reimports_to_the_same_contacts(alice: Any, bob: Any) -> None:
    services.contact_create(
        owner=alice,
        name='Zoë "Z" O\u2019Neil, PhD 🚀',
        organisation="Nordic Labs; R&D, Inc.",
        role="Staff Engineer",
        emails=["zoe@example.com"],
        phones=["+44 20 7946 0958"],
        links=["https://zoe.example.org"],
        profile_url="https://www.linkedin.com/in/zoe",
        met_how="event",
        met_where="PyCon, Berlin",
        met_on="2025-04-12",
        strength=5,
        tags=["mentor", "peer"],
        notes="Line one\nline two; with, punctuation",
    )
    services.contact_create(owner=alice, name="李小龍", strength=1)
    text = vcard.export(selectors.contacts_filtered(owner=alice))
    again = import_bytes(alice, text.encode())
    assert (again.created, again.matched) == (0, 2)
    copy = import_bytes(bob, text.encode())
    assert copy.created == 2
    original = Contact.objects.get(owner=alice, name__startswith="Zo")
    twin = Contact.objects.get(owner=bob, name__startswith="Zo")
    fields = [
        "name", "organisation", "role", "emails", "phones", "links", "profile_url",
        "met_how", "met_where", "met_on", "strength", "notes",
    ]  # fmt: skip
    assert [getattr(twin, f) for f in fields] == [getattr(original, f) for f in fields]
    assert sorted(twin.tag_names) == ["mentor", "peer"]
    assert twin.met_on == dt.date(2025, 4, 12)


def test_export_by_tag_writes_only_those_contacts(alice: Any) -> None:
    services.contact_create(owner=alice, name="Mentor Mia", tags=["mentor"])
    services.contact_create(owner=alice, name="Peer Pat", tags=["peer"])
    text = vcard.export(selectors.contacts_filtered(owner=alice, tag="mentor"))
    assert "Mentor Mia" in text
    assert "Peer Pat" not in text
