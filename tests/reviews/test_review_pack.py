"""The review pack: chosen goals with progress, NEAR evidence and feedback
received, as one HTML page, a PDF, a download, a CLI file or a share."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader
from typer.testing import CliRunner

from headway.accounts.models import Share
from headway.accounts.profile import profile_update
from headway.goals.services import checkin_create
from headway.journal.services import entry_create
from headway.sharing.pack import pack_build, pack_render, pack_share
from headway.sharing.shares import share_comment
from tests.goals.factories import GoalFactory

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def alices_pack_world(alice: Any) -> dict[str, Any]:
    profile_update(owner=alice, name="Alice <Ada> Lovelace")
    talks = GoalFactory(
        owner=alice,
        statement="Speak at two conferences by 2026-12-31",
        target=2,
        unit="talks",
    )
    cloud = GoalFactory(owner=alice, statement="Move checkout to Kubernetes")
    hidden = GoalFactory(owner=alice, statement="Leave for a rival company")
    checkin_create(
        owner=alice, goal_id=talks.pk, value=1, checked_on="2026-11-20", note="PyCon"
    )
    entry_create(
        owner=alice,
        kind="accomplishment",
        title="Checkout on Kubernetes",
        occurred_on="2026-06-01",
        numbers="3 services",
        example="the checkout API",
        achievement="Migrated checkout to Kubernetes",
        result="deploys fell from 40 to 8 minutes",
        goal_ids=[cloud.pk],
    )
    entry_create(
        owner=alice,
        kind="talk",
        title="Talk at PyCon <Berlin>",
        occurred_on="2026-04-10",
        goal_ids=[talks.pk],
    )
    entry_create(
        owner=alice,
        kind="feedback",
        title="Feedback from Sam",
        body="Your <b>talk</b> was the clearest of the day",
        occurred_on="2026-04-11",
        details={"direction": "received", "person": "Sam"},
        goal_ids=[talks.pk],
    )
    for kind, title, details in (
        ("setback", "Rejected by KubeCon", {}),
        ("feedback", "I told Kim her slides were long", {"direction": "given"}),
        ("note", "Private note on the CFP", {}),
    ):
        entry_create(
            owner=alice,
            kind=kind,
            title=title,
            occurred_on="2026-03-01",
            details=details,
            goal_ids=[talks.pk],
        )
    entry_create(
        owner=alice,
        kind="accomplishment",
        title="Interviewed at the rival",
        occurred_on="2026-07-01",
        goal_ids=[hidden.pk],
    )
    return {"talks": talks, "cloud": cloud, "hidden": hidden}


def headings(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", found).strip()
        for found in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.S)
    ]


def test_html_pack_shows_each_goal_with_progress_evidence_and_feedback(
    alice: Any,
) -> None:
    goals = alices_pack_world(alice)
    pack = pack_build(
        owner=alice, goal_ids=[goals["talks"].pk, goals["cloud"].pk], today=TODAY
    )
    html = pack_render(pack, format="html").decode()
    assert headings(html) == [
        "Review pack: Alice &lt;Ada&gt; Lovelace",
        "Goal: Speak at two conferences by 2026-12-31",
        "Check-ins",
        "Evidence",
        "Feedback received",
        "Goal: Move checkout to Kubernetes",
        "Evidence",
        "Feedback received",
    ]
    assert "Active: 1 of 2 talks (50%)" in html
    assert "<dt>Numbers</dt><dd>3 services</dd>" in html
    assert "<dt>Result</dt><dd>deploys fell from 40 to 8 minutes</dd>" in html
    assert "Talk at PyCon &lt;Berlin&gt;" in html
    assert "Your &lt;b&gt;talk&lt;/b&gt; was the clearest of the day" in html
    assert "— Sam, 2026-04-11" in html


def test_the_pack_leaves_out_private_kinds_and_goals_not_chosen(alice: Any) -> None:
    goals = alices_pack_world(alice)
    pack = pack_build(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    html = pack_render(pack, format="html").decode()
    for private in (
        "Rejected by KubeCon",
        "slides were long",
        "Private note",
        "rival",
        "Kubernetes",
    ):
        assert private not in html


def test_the_html_file_is_self_contained(alice: Any) -> None:
    goals = alices_pack_world(alice)
    pack = pack_build(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    html = pack_render(pack, format="html").decode()
    assert "<style>" in html
    assert not re.search(r"<(link|script|img)\b", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)


def test_since_keeps_only_the_period_and_refuses_a_future_start(alice: Any) -> None:
    goals = alices_pack_world(alice)
    pack = pack_build(
        owner=alice,
        goal_ids=[goals["talks"].pk],
        today=TODAY,
        since=dt.date(2026, 4, 11),
    )
    html = pack_render(pack, format="html").decode()
    assert "Talk at PyCon" not in html
    assert "clearest of the day" in html
    with pytest.raises(ValidationError, match="future"):
        pack_build(
            owner=alice,
            goal_ids=[goals["talks"].pk],
            today=TODAY,
            since=dt.date(2027, 1, 1),
        )


def test_the_pdf_has_the_headings_and_goal_titles(alice: Any) -> None:
    goals = alices_pack_world(alice)
    pack = pack_build(
        owner=alice, goal_ids=[goals["talks"].pk, goals["cloud"].pk], today=TODAY
    )
    pdf = pack_render(pack, format="pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Review pack: Alice <Ada> Lovelace",
        "Goal: Speak at two conferences by 2026-12-31",
        "Goal: Move checkout to Kubernetes",
        "Evidence",
        "Feedback received",
        "Page 1 of",
    ):
        assert expected in text


def test_a_strangers_goal_is_unknown_and_nothing_is_shared(
    alice: Any, bob: Any
) -> None:
    bobs = GoalFactory(owner=bob, statement="Bob's goal")
    with pytest.raises(ValidationError, match=f"No goal {bobs.pk} among yours"):
        pack_share(owner=alice, goal_ids=[bobs.pk], today=TODAY)
    assert not Share.objects.exists()


def test_a_pack_share_shows_the_pack_and_only_its_entries(alice: Any) -> None:
    goals = alices_pack_world(alice)
    share, token = pack_share(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    page = Client().get(f"/share/{token}")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Review pack from Alice &lt;Ada&gt; Lovelace" in html
    assert "Goal: Speak at two conferences by 2026-12-31" in html
    assert "clearest of the day" in html
    assert "Rejected by KubeCon" not in html
    assert "rival" not in html
    assert page["Cache-Control"] == "private, no-store"
    sent = Client().post(
        f"/share/{token}",
        {"goal_id": goals["talks"].pk, "author": "Maria", "text": "Well argued"},
    )
    assert "Thank you, Maria" in sent.content.decode()
    assert share.comments.get().entry.body == "Well argued"


def test_a_comment_on_a_pack_share_arrives_as_feedback_in_the_next_pack(
    alice: Any,
) -> None:
    goals = alices_pack_world(alice)
    share, _ = pack_share(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    share_comment(
        share=share, goal_id=goals["talks"].pk, author="Maria", text="Strong year"
    )
    pack = pack_build(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    html = pack_render(pack, format="html").decode()
    assert "Strong year" in html
    assert "— Maria," in html


def test_a_revoked_or_unknown_pack_link_is_404(alice: Any) -> None:
    goals = alices_pack_world(alice)
    share, token = pack_share(owner=alice, goal_ids=[goals["talks"].pk], today=TODAY)
    assert Client().get(f"/share/{token}x").status_code == 404
    Share.objects.filter(pk=share.pk).update(revoked_at=dt.datetime.now(dt.UTC))
    assert Client().get(f"/share/{token}").status_code == 404


@pytest.mark.usefixtures("server_mode")
def test_a_pack_shared_with_bob_is_his_to_see_and_404_for_charlie(
    alice: Any, bob: Any, charlie: Any
) -> None:
    goals = alices_pack_world(alice)
    share, token = pack_share(
        owner=alice, goal_ids=[goals["talks"].pk], today=TODAY, recipient="bob"
    )
    assert token is None
    for user, status in ((bob, 200), (charlie, 404)):
        client = Client()
        client.force_login(user)
        page = client.get(f"/share/with-me/{share.pk}/")
        assert page.status_code == status
        assert ("clearest of the day" in page.content.decode()) is (status == 200)


@pytest.fixture
def server_mode(settings: Any) -> None:
    settings.LOCAL_MODE = False


def test_the_page_downloads_the_pack_as_pdf_or_html(
    alice: Any, alice_client: Client
) -> None:
    goals = alices_pack_world(alice)
    form = alice_client.get("/reviews/pack/").content.decode()
    assert "Speak at two conferences" in form
    for format, start in (("pdf", b"%PDF"), ("html", b"<!doctype html>")):
        response = alice_client.post(
            "/reviews/pack/",
            {
                "goals": [goals["talks"].pk],
                "format": format,
                "days": 30,
                "action": "download",
            },
        )
        assert response.status_code == 200
        assert response.content.startswith(start)
        disposition = response["Content-Disposition"]
        assert f'filename="review-pack-2026-11-23.{format}"' in disposition


def test_the_page_refuses_a_strangers_goal_and_writes_nothing(
    alice: Any, bob: Any, bob_client: Client
) -> None:
    goals = alices_pack_world(alice)
    response = bob_client.post(
        "/reviews/pack/",
        {"goals": [goals["talks"].pk], "format": "pdf", "days": 30, "action": "share"},
    )
    assert response.status_code == 200
    assert "Speak at two conferences" not in response.content.decode()
    assert not Share.objects.exists()


def test_in_local_mode_the_pages_that_share_say_why_and_offer_the_file(
    alice: Any, alice_client: Client
) -> None:
    alices_pack_world(alice)
    for page in ("/reviews/pack/", "/goals/shares/"):
        html = alice_client.get(page).content.decode()
        assert "will open only on this computer" in html
        assert 'href="/reviews/pack/"' in html
        assert "HEADWAY_PUBLIC_URL" in html


def test_with_a_public_url_the_shared_link_uses_it_and_the_warning_goes(
    alice: Any, alice_client: Client, settings: Any
) -> None:
    settings.PUBLIC_URL = "https://headway.example.org/me"
    goals = alices_pack_world(alice)
    html = alice_client.post(
        "/reviews/pack/",
        {"goals": [goals["talks"].pk], "format": "pdf", "days": 30, "action": "share"},
    ).content.decode()
    link = re.search(r'value="(https://headway\.example\.org/me/share/[^"]+)"', html)
    assert link is not None
    assert "will open only on this computer" not in html
    token = link.group(1).rsplit("/", 1)[1]
    assert Share.objects.get().pack is True
    assert Client().get(f"/share/{token}").status_code == 200


def test_cli_writes_the_pack_as_a_private_file(alice: Any, tmp_path: Path) -> None:
    from headway.cli import app

    goals = alices_pack_world(alice)
    for format in ("pdf", "html"):
        target = tmp_path / f"pack.{format}"
        result = CliRunner().invoke(
            app,
            [
                "export",
                "review-pack",
                "--goal",
                str(goals["talks"].pk),
                "--goal",
                str(goals["cloud"].pk),
                "--format",
                format,
                "-o",
                str(target),
            ],
        )
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert (tmp_path / "pack.pdf").read_bytes().startswith(b"%PDF")
    assert "Move checkout to Kubernetes" in (tmp_path / "pack.html").read_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "docx"], "Unknown format 'docx'"),
        (["--since", "last spring"], "is not a date"),
        (["--goal", "999999"], "No goal 999999 among yours"),
    ],
)
def test_cli_bad_input_gives_one_line_and_no_file(
    alice: Any, tmp_path: Path, arguments: list[str], message: str
) -> None:
    from headway.cli import app

    goals = alices_pack_world(alice)
    target = tmp_path / "pack.pdf"
    base = ["export", "review-pack", "-o", str(target)]
    if "--goal" not in arguments:
        base += ["--goal", str(goals["talks"].pk)]
    result = CliRunner().invoke(app, [*base, *arguments])
    assert result.exit_code == 1
    assert message in result.stderr
    assert not target.exists()


def test_cli_share_pack_prints_the_public_url_link(alice: Any, settings: Any) -> None:
    from headway.cli import app

    settings.PUBLIC_URL = "https://headway.example.org"
    goals = alices_pack_world(alice)
    result = CliRunner().invoke(
        app, ["share", "create", "--goal", str(goals["talks"].pk), "--pack"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("https://headway.example.org/share/")
    assert "only on this computer" not in result.stderr
    assert Share.objects.get().pack is True


def test_cli_share_in_local_mode_says_the_link_stays_here(alice: Any) -> None:
    from headway.cli import app

    goals = alices_pack_world(alice)
    result = CliRunner().invoke(
        app, ["share", "create", "--goal", str(goals["talks"].pk)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("http://127.0.0.1:8000/share/")
    assert "opens only on this computer" in result.stderr
    assert "headway export review-pack" in result.stderr


def test_the_api_shares_a_pack_and_lists_it_as_one(
    alice: Any, alice_token: str
) -> None:
    goals = alices_pack_world(alice)
    headers = {"Authorization": f"Bearer {alice_token}"}
    created = Client().post(
        "/api/v1/shares",
        {"goal_ids": [goals["talks"].pk], "pack": True},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["pack"] is True
    share = Share.objects.get()
    kinds = set(share.entries.values_list("kind", flat=True))
    assert kinds == {"talk", "feedback"}
    assert not share.entries.filter(title__contains="slides were long").exists()
    listed = Client().get("/api/v1/shares", headers=headers).json()
    assert [item["pack"] for item in listed] == [True]
    page = Client().get(body["url"].removeprefix("http://testserver"))
    assert "Review pack from" in page.content.decode()
