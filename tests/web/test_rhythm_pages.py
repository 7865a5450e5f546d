"""The guided start, the rhythm page, the profile page and the dashboard capture."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import Profile
from headway.goals.models import Goal
from headway.growth.models import PriorityRanking, StrengthsAnswer
from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.reviews.models import Cadence, Onboarding
from headway.reviews.services import onboarding_finish


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_a_new_owner_lands_on_the_first_step_of_the_guided_start(
    alice_client: Client,
) -> None:
    response = alice_client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/start/profile/"
    page = response.content.decode()
    assert "Step 1 of 7" in page
    assert 'aria-current="step"' in page


def test_an_owner_with_data_goes_straight_to_the_dashboard(
    alice: Any, alice_client: Client
) -> None:
    entry_create(owner=alice, title="Shipped the export")
    response = alice_client.get("/")
    assert response.status_code == 200
    assert "Due now and in the next two weeks" in response.content.decode()


def test_each_step_saves_through_its_area_and_moves_on(
    alice: Any, alice_client: Client
) -> None:
    step = alice_client.post(
        "/start/profile/",
        {"name": "Alice Liddell", "headline": "Staff engineer", "links": ""},
    )
    assert step["Location"] == "/start/priorities/"
    assert Profile.objects.get(owner=alice).name == "Alice Liddell"
    page = alice_client.get("/start/priorities/").content.decode()
    promotion = next(
        part.split('"')[1]
        for part in page.split("<option value=")
        if "Promotion" in part
    )
    alice_client.post("/start/priorities/", {"place_1": promotion})
    assert PriorityRanking.objects.filter(owner=alice).exists()
    alice_client.post("/start/strengths/", {"energy": "Untangling outages"})
    assert StrengthsAnswer.objects.get(owner=alice).energy == "Untangling outages"
    skipped = alice_client.post("/start/target/", {"skip": "1"})
    assert skipped["Location"] == "/start/goal/"
    alice_client.post(
        "/start/goal/",
        {
            "statement": "Give three talks at meetups by June 2027",
            "horizon": "short",
            "target": "3",
            "unit": "talks",
        },
    )
    assert Goal.objects.get(owner=alice).target == 3
    alice_client.post(
        "/start/accomplishment/",
        {"title": "Cut CI time from 20 to 8 minutes", "result": "40 people wait less"},
    )
    assert Entry.objects.get(owner=alice).kind == "accomplishment"
    last = alice_client.post(
        "/start/cadences/",
        {
            "weekly": "7",
            "manager": "",
            "quarterly": "91",
            "yearly": "365",
            "mentor": "42",
        },
    )
    assert last["Location"] == "/"
    assert Cadence.objects.get(owner=alice, kind="manager").every_days is None
    state = Onboarding.objects.get(owner=alice)
    assert state.finished_on == dt.date(2026, 11, 23)
    assert state.skipped == ["target"]


def test_an_invalid_step_shows_the_error_and_saves_nothing(
    alice: Any, alice_client: Client
) -> None:
    response = alice_client.post("/start/goal/", {"statement": "", "horizon": "short"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Goal.objects.exists()
    assert not Onboarding.objects.filter(owner=alice).exists()


def test_the_guided_start_resumes_where_it_was_left(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post("/start/profile/", {"skip": "1"})
    alice_client.post("/start/priorities/", {"skip": "1"})
    # Left for the dashboard: it says how far along, and /start/ resumes.
    page = alice_client.get("/").content.decode()
    assert "2 of 7 steps along" in page
    assert alice_client.get("/start/")["Location"] == "/start/strengths/"


def test_a_finished_guided_start_is_never_shown_again(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post("/start/finish/")
    assert alice_client.get("/").status_code == 200
    assert alice_client.get("/start/")["Location"] == "/"
    assert "steps along" not in alice_client.get("/").content.decode()


def test_an_unknown_step_is_a_404(alice_client: Client) -> None:
    assert alice_client.get("/start/nonsense/").status_code == 404


def test_the_rhythm_page_changes_cadences_and_marks_one_done(
    alice: Any, alice_client: Client
) -> None:
    page = alice_client.get("/rhythm/").content.decode()
    assert "Quarterly review" in page
    alice_client.post(
        "/rhythm/",
        {
            "weekly": "10",
            "manager": "14",
            "quarterly": "",
            "yearly": "365",
            "mentor": "42",
        },
    )
    assert Cadence.objects.get(owner=alice, kind="weekly").every_days == 10
    assert Cadence.objects.get(owner=alice, kind="quarterly").every_days is None
    assert alice_client.post("/rhythm/weekly/done/").status_code == 302
    done = Cadence.objects.get(owner=alice, kind="weekly").last_done
    assert done == dt.date(2026, 11, 23)


def test_an_adjustment_is_settled_from_the_dashboard(
    alice: Any, alice_client: Client
) -> None:
    onboarding_finish(owner=alice)
    feedback = entry_create(
        owner=alice,
        kind="feedback",
        title="Notes from the design review",
        occurred_on=dt.date(2026, 10, 1),
        details={"adjustment": "Ask for review <b>earlier</b>"},
    )
    page = alice_client.get("/").content.decode()
    assert "Ask for review &lt;b&gt;earlier&lt;/b&gt;" in page
    alice_client.post(
        "/agenda/mark/",
        {"key": f"adjustment:{feedback.pk}", "action": "done", "next": "dashboard"},
    )
    assert "Ask for review" not in alice_client.get("/").content.decode()


def test_bob_cannot_settle_alices_agenda_items(alice: Any, bob_client: Client) -> None:
    feedback = entry_create(
        owner=alice,
        kind="feedback",
        title="Private",
        occurred_on=dt.date(2026, 10, 1),
        details={"adjustment": "Zanzibar"},
    )
    bob_client.post(
        "/agenda/mark/", {"key": f"adjustment:{feedback.pk}", "action": "done"}
    )
    from headway.reviews.models import AgendaMark

    assert not AgendaMark.objects.filter(owner=alice).exists()


def test_the_quick_capture_logs_one_line(alice: Any, alice_client: Client) -> None:
    onboarding_finish(owner=alice)
    page = alice_client.get("/").content.decode()
    assert 'action="/log/capture/"' in page
    response = alice_client.post(
        "/log/capture/", {"text": "Cut the release checklist from 30 steps to 12"}
    )
    entry = Entry.objects.get(owner=alice)
    assert response["Location"] == f"/log/{entry.pk}/?captured=1"
    assert entry.kind == "accomplishment"


def test_every_hint_a_field_points_at_exists_on_the_page(
    alice: Any, alice_client: Client
) -> None:
    onboarding_finish(owner=alice)
    for path in ["/", "/rhythm/", "/profile/", "/start/goal/", "/log/", "/goals/new/"]:
        page = alice_client.get(path).content.decode()
        for hint in re.findall(r'aria-describedby="([^"]+)"', page):
            for ident in hint.split():
                assert f'id="{ident}"' in page, (path, ident)


def test_the_profile_page_saves_and_refuses_a_bad_link(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post(
        "/profile/",
        {"name": "Alice L.", "links": "https://example.org/alice", "email": ""},
    )
    assert Profile.objects.get(owner=alice).links == ["https://example.org/alice"]
    response = alice_client.post(
        "/profile/", {"name": "Alice L.", "links": "javascript:alert(1)"}
    )
    assert "is not a web address" in response.content.decode()
    assert Profile.objects.get(owner=alice).links == ["https://example.org/alice"]


def test_a_refused_role_keeps_the_whole_profile_in_the_form(
    alice: Any, alice_client: Client
) -> None:
    alice_client.post(
        "/profile/",
        {"name": "Alice L.", "headline": "Staff engineer, payments", "links": ""},
    )
    page = alice_client.post("/profile/roles/", {"title": ""}).content.decode()
    assert 'value="Staff engineer, payments"' in page


def test_a_cadence_on_the_agenda_is_marked_done_where_it_is_shown(
    alice: Any, alice_client: Client
) -> None:
    onboarding_finish(owner=alice)
    entry_create(owner=alice, title="Something logged")
    page = alice_client.get("/rhythm/").content.decode()
    # The weekly check-in is due within two weeks of joining: one Done button,
    # posting to the cadence, never an agenda key it cannot settle.
    assert 'action="/rhythm/weekly/done/"' in page
    assert 'value="cadence:' not in page
    response = alice_client.post("/rhythm/weekly/done/", {"next": "dashboard"})
    assert response["Location"] == "/"
    done = Cadence.objects.get(owner=alice, kind="weekly").last_done
    assert done == dt.date(2026, 11, 23)
