"""Issue 14's manners: cadence editors as tables, multi-selects as checkboxes,
links to what an import created, why a contact is due, and the share pages'
copy button, owner name, comments per goal and remembered commenter."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

import headway
from headway.accounts.profile import profile_update
from headway.coach.network import DueItem, due_line
from headway.network.models import Contact
from headway.network.services import contact_create
from headway.sharing.shares import share_comment, share_create
from tests.goals.factories import GoalFactory

DATA = Path(__file__).parent.parent / "exchange" / "data"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_the_rhythm_cadences_are_one_table_row_each(alice_client: Client) -> None:
    html = alice_client.get("/rhythm/").content.decode()
    table = html[html.index('<table class="cadence-table">') : html.index("</table>")]
    assert table.count("<tr") == 6  # the header and five cadences
    assert table.count('form="cadence-form"') == 5
    assert 'aria-describedby="cadence-help"' in table
    assert 'id="cadence-help"' in html
    assert 'for="id_weekly"' in table  # each input has its label


def test_the_rhythm_table_saves_and_shows_errors_in_its_row(
    alice_client: Client,
) -> None:
    data = {"weekly": "10", "manager": "14", "quarterly": "", "yearly": "365"}
    saved = alice_client.post("/rhythm/", data | {"mentor": "30"})
    assert 'value="10"' in saved.content.decode()
    bad = alice_client.post("/rhythm/", data | {"weekly": "0", "mentor": "30"})
    row = re.search(r'<tr class="has-error">.*?</tr>', bad.content.decode(), re.S)
    assert row is not None
    assert "Weekly check-in" in row.group(0)


def test_the_network_cadences_are_a_table_of_strengths(alice_client: Client) -> None:
    html = alice_client.get("/network/cadences/").content.decode()
    table = html[html.index('<table class="cadence-table') : html.index("</table>")]
    assert table.count('<th scope="row">') == 5
    assert table.count("<input") == 10
    assert "<legend>Mentors and events</legend>" in html


def form_classes() -> list[type[forms.Form]]:
    found = []
    for module in pkgutil.walk_packages(headway.__path__, "headway."):
        if module.name.endswith(".forms"):
            loaded = importlib.import_module(module.name)
            found += [
                value
                for value in vars(loaded).values()
                if inspect.isclass(value) and issubclass(value, forms.BaseForm)
            ]
    return found


def test_no_form_offers_a_select_box_of_many_choices() -> None:
    clipped = [
        f"{form.__name__}.{name}"
        for form in form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.MultipleChoiceField)
        and not isinstance(field.widget, forms.CheckboxSelectMultiple)
    ]
    assert len(form_classes()) > 10
    assert clipped == []


def test_the_touch_form_offers_goals_as_checkboxes(
    alice: Any, alice_client: Client
) -> None:
    GoalFactory(owner=alice, statement="Give 3 talks")
    contact = contact_create(owner=alice, name="Dana")
    html = alice_client.get(f"/network/contacts/{contact.pk}/").content.decode()
    assert "<select multiple" not in html
    assert "multiple>" not in html
    assert 'type="checkbox" name="goal_ids"' in html


def test_an_import_links_to_each_new_contact(alice_client: Client) -> None:
    data = (DATA / "connections_2024.csv").read_bytes()
    preview = alice_client.post(
        "/network/import/",
        {"source": "linkedin", "file": SimpleUploadedFile("c.csv", data)},
    )
    done = alice_client.post(
        "/network/import/confirm/",
        {"token": preview.context["token"], "source": "linkedin"},
    ).content.decode()
    for contact in Contact.objects.all():
        link = f'href="/network/contacts/{contact.pk}/">{escape(contact.name)}</a>'
        assert link in done


@pytest.mark.parametrize(
    ("item", "met_where", "line"),
    [
        (
            DueItem(1, "Dana", "follow-up", TODAY - dt.timedelta(days=5), 5, 3, None),
            "KubeCon",
            "follow-up · 5 days late · met at KubeCon",
        ),
        (
            DueItem(1, "Dana", "overdue", TODAY, 0, 5, TODAY - dt.timedelta(days=50)),
            "",
            "overdue · due today · no touch in 50 days",
        ),
        (
            DueItem(1, "Dana", "due", TODAY, 1, 5, None),
            "",
            "due · 1 day late · no touch yet",
        ),
        (
            DueItem(1, "Dana", "help-promised", TODAY, 2, 5, None),
            "",
            "help promised · 2 days late · help you offered",
        ),
    ],
)
def test_a_due_line_says_how_late_and_why(
    item: DueItem, met_where: str, line: str
) -> None:
    assert due_line(item, TODAY, met_where=met_where) == line


def test_the_due_list_and_agenda_show_how_late_and_why(
    alice: Any, alice_client: Client
) -> None:
    contact_create(  # a follow-up was owed 3 days after the event
        owner=alice,
        name="Ravi",
        met_how="event",
        met_where="KubeCon",
        met_on=TODAY - dt.timedelta(days=8),
        strength=1,
    )
    expected = "follow-up · 5 days late · met at KubeCon"
    assert expected in alice_client.get("/network/").content.decode()
    assert expected in alice_client.get("/rhythm/").content.decode()


def test_the_link_shown_once_has_a_copy_button_from_a_static_script(
    alice: Any, alice_client: Client
) -> None:
    goal = GoalFactory(owner=alice)
    html = alice_client.post(
        "/goals/shares/", {"goals": [goal.pk], "days": 14}
    ).content.decode()
    assert 'data-copy="share-link"' in html
    assert 'id="share-link"' in html
    assert re.search(r'<script src="/static/headway/copy[^"]*\.js" defer>', html)
    assert "<script>" not in html  # nothing inline under the strict CSP
    assert (
        'data-copy="share-link"'
        not in alice_client.get("/goals/shares/").content.decode()
    )


def test_the_shared_page_names_the_owner_and_shows_comments_under_their_goal(
    alice: Any,
) -> None:
    profile_update(owner=alice, name="Alice Martin")
    first, second = GoalFactory(owner=alice), GoalFactory(owner=alice)
    share, token = share_create(owner=alice, goal_ids=[first.pk, second.pk])
    share_comment(share=share, goal_id=second.pk, author="Sam", text="Well done")
    html = Client().get(f"/share/{token}").content.decode()
    assert "Goals shared by Alice Martin" in html
    first_card = html[html.index(f'id="shared-goal-{first.pk}"') :]
    second_card = html[html.index(f'id="shared-goal-{second.pk}"') :]
    assert "Well done" in second_card.split("</article>")[0]
    assert "Well done" not in first_card.split("</article>")[0]
    assert re.search(r'<script src="/static/headway/commenter[^"]*\.js" defer>', html)
