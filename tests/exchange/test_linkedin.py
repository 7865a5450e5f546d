"""LinkedIn Connections.csv: every quirk of the export, all-or-nothing, idempotent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from headway.exchange import linkedin
from headway.exchange.contact_records import MAX_IMPORT_BYTES
from headway.network.importing import (
    ImportRejected,
    contacts_import,
    contacts_import_preview,
)
from headway.network.models import Contact
from tests.network.factories import ContactFactory

DATA = Path(__file__).parent / "data"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def import_bytes(owner: Any, data: bytes) -> Any:
    return contacts_import(owner=owner, parsed=linkedin.parse(data))


def test_a_2024_export_with_notes_and_a_bom_imports_every_named_connection(
    alice: Any,
) -> None:
    report = import_bytes(alice, load("connections_2024.csv"))
    assert report.as_dict() == {
        "created": 4,
        "matched": 0,
        "skipped": 1,
        "errors": [],
    }
    names = sorted(Contact.objects.for_owner(alice).values_list("name", flat=True))
    assert names == [
        "Ada Lovelace",
        "José Álvarez, Jr.",
        'Zoë "Z" O\u2019Neil 🚀',
        "李 小龍",
    ]
    ada = Contact.objects.get(name="Ada Lovelace")
    assert ada.organisation == "Analytical Engines"
    assert ada.role == "Programmer, first"
    assert ada.emails == ["ada@example.com"]
    assert ada.profile_url == "https://www.linkedin.com/in/ada-lovelace"
    assert ada.met_on == dt.date(2021, 3, 12)
    assert ada.strength == 2
    assert ada.tag_names == ["linkedin"]


def test_importing_the_same_file_twice_creates_no_duplicates(alice: Any) -> None:
    import_bytes(alice, load("connections_2024.csv"))
    again = import_bytes(alice, load("connections_2024.csv"))
    assert (again.created, again.matched) == (0, 4)
    assert Contact.objects.count() == 4


def test_an_export_from_2018_without_urls_reads_both_date_styles(alice: Any) -> None:
    import_bytes(alice, load("connections_2018.csv"))
    dates = dict(Contact.objects.values_list("name", "met_on"))
    assert dates == {
        "Grace Hopper": dt.date(2018, 1, 8),
        "Alan Turing": dt.date(2018, 1, 8),
    }
    assert Contact.objects.get(name="Grace Hopper").profile_url == ""


def test_columns_may_come_in_any_order(alice: Any) -> None:
    import_bytes(alice, load("connections_reordered.csv"))
    frida = Contact.objects.get()
    assert (frida.name, frida.organisation, frida.role, frida.met_on) == (
        "Frida Kahlo",
        "Studio K",
        "Designer",
        dt.date(2019, 4, 3),
    )


def test_an_existing_contact_matches_by_profile_url_and_keeps_its_strength(
    alice: Any,
) -> None:
    mine = ContactFactory(
        owner=alice,
        name="Ada L.",
        strength=5,
        organisation="",
        profile_url="https://www.linkedin.com/in/ada-lovelace",
    )
    report = import_bytes(alice, load("connections_2024.csv"))
    mine.refresh_from_db()
    assert report.matched == 1
    assert (mine.name, mine.strength, mine.organisation) == (
        "Ada L.",
        5,
        "Analytical Engines",
    )
    assert mine.emails == ["ada@example.com"]
    assert mine.tag_names == []


def test_an_existing_contact_matches_by_email_then_by_name_and_organisation(
    alice: Any,
) -> None:
    by_email = ContactFactory(
        owner=alice, name="Countess", organisation="", emails=["ADA@example.com"]
    )
    by_name = ContactFactory(owner=alice, name="josé álvarez, jr.", organisation="")
    by_name.organisation = "Acme, Inc."
    by_name.save()
    report = import_bytes(alice, load("connections_2024.csv"))
    assert report.matched == 2
    assert Contact.objects.filter(pk__in=[by_email.pk, by_name.pk]).count() == 2
    assert Contact.objects.count() == 4


def test_another_users_contacts_are_never_matched(alice: Any, bob: Any) -> None:
    ContactFactory(owner=bob, profile_url="https://www.linkedin.com/in/ada-lovelace")
    report = import_bytes(alice, load("connections_2024.csv"))
    assert report.created == 4


def test_the_same_person_twice_in_one_file_is_imported_once(alice: Any) -> None:
    row = "Ada,Lovelace,https://linkedin.com/in/ada,,X,Y,12 Mar 2021\n"
    report = import_bytes(alice, (HEADER + row + row).encode())
    assert (report.created, report.skipped) == (1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "First Name,Last Name,URL,Company,Connected On\nA,B,,C,12 Mar 2021\n",
            "Line 1: the header has no Position column",
        ),
        (HEADER + "Ada,Lovelace,,,Acme,CTO,12 Mar 2021,extra\n", "Line 2: 8 columns"),
        (HEADER + "Ada,Lovelace,,,Acme,CTO,1/8/18, 6:14 PM\n", "Line 2: 8 columns"),
        (
            HEADER + "Ada,Lovelace,,,Acme,CTO,the 32nd of Smarch\n",
            "Line 2: cannot read",
        ),
        (HEADER + "Ada,Lovelace,,not-an-email,Acme,CTO,\n", "Line 2: 'not-an-email'"),
        (HEADER + "Ada,Lovelace,,,Acme,CTO\n", "Line 2: only 6 columns"),
        ("Notes:\nnothing useful here\n", "No header row found"),
        ("", "No header row found"),
    ],
)
def test_a_bad_file_imports_nothing_and_says_which_line(
    alice: Any, content: str, message: str
) -> None:
    good = "Grace,Hopper,,,Navy,Admiral,08 Jan 2018\n"
    data = content if not content.startswith(HEADER) else content + good
    with pytest.raises(ImportRejected) as caught:
        import_bytes(alice, data.encode())
    assert any(message in error for error in caught.value.errors), caught.value.errors
    assert Contact.objects.count() == 0


def test_errors_name_the_physical_line_after_the_notes_preamble(alice: Any) -> None:
    data = 'Notes:\n"long, quoted note"\n\n' + HEADER + "A,B,,,C,D,someday\n"
    with pytest.raises(ImportRejected) as caught:
        import_bytes(alice, data.encode())
    assert caught.value.errors == [
        "Line 5: cannot read the date 'someday'; expected a date like 12 Mar 2021."
    ]


def test_a_file_that_is_not_text_is_refused(alice: Any) -> None:
    with pytest.raises(ImportRejected, match="not a text file"):
        import_bytes(alice, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportRejected, match="not UTF-8"):
        import_bytes(alice, HEADER.encode() + "Zoë,X,,,Y,Z,\n".encode("latin-1"))


def test_a_file_over_fifty_megabytes_is_refused(alice: Any) -> None:
    huge = HEADER.encode() + b"x" * (MAX_IMPORT_BYTES + 1)
    with pytest.raises(ImportRejected, match="the limit is 50 MB"):
        import_bytes(alice, huge)


def test_the_preview_counts_new_matched_and_errors_without_writing(
    alice: Any,
) -> None:
    ContactFactory(owner=alice, profile_url="https://www.linkedin.com/in/zoe-oneil")
    report = contacts_import_preview(
        owner=alice, parsed=linkedin.parse(load("connections_2024.csv"))
    )
    assert (report.created, report.matched, report.skipped) == (3, 1, 1)
    assert "Ada Lovelace" in report.new_names
    assert Contact.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2021", dt.date(2021, 3, 12)),
        ("08 Jan 2018", dt.date(2018, 1, 8)),
        ("1/8/18, 6:14 PM", dt.date(2018, 1, 8)),
        ("12/31/2017, 11:59 PM", dt.date(2017, 12, 31)),
        ("2022-06-30", dt.date(2022, 6, 30)),
        ("3 September 2019", dt.date(2019, 9, 3)),
        ("soon", None),
    ],
)
def test_connected_on_dates_in_every_known_style(
    text: str, expected: dt.date | None
) -> None:
    assert linkedin.connected_on_parse(text) == expected


def test_thirty_thousand_rows_parse_in_one_pass(alice: Any) -> None:
    rows = "".join(
        f"Person,{index},https://www.linkedin.com/in/p{index},,Org {index % 50},"
        f"Role,12 Mar 2021\n"
        for index in range(3_000)
    )
    report = import_bytes(alice, (HEADER + rows).encode())
    assert report.created == 3_000
    assert Contact.objects.filter(tags__name="linkedin").count() == 3_000
