"""`headway harvest git` on a real repository made with `git init`, and the
drafts page where the owner keeps or discards what it drafted."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from headway.journal.models import DraftStatus, Entry, EntryDraft

ADA = "ada@example.com"


def git(repo: Path, *arguments: str, when: str = "2026-03-30T10:00:00") -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(
        ["git", "-C", str(repo), *arguments],
        check=True,
        capture_output=True,
        env=environment,
    )


def commit(
    repo: Path, name: str, lines: int, subject: str, when: str, email: str
) -> None:
    (repo / name).write_text("".join(f"line {n}\n" for n in range(lines)))
    git(repo, "add", name, when=when)
    git(
        repo,
        "-c",
        f"user.email={email}",
        "-c",
        "user.name=Someone",
        "commit",
        "-q",
        "-m",
        subject,
        when=when,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two weeks of ada's commits and one of bob's, in `payments`."""
    path = tmp_path / "payments"
    path.mkdir()
    git(path, "init", "-q")
    git(path, "config", "user.email", ADA)
    commit(path, "retry.py", 12, "Add the payments retry", "2026-03-30T09:00:00", ADA)
    commit(path, "test_retry.py", 40, "Test the retry", "2026-04-01T09:00:00", ADA)
    commit(path, "README.md", 3, "Bob's readme", "2026-04-02T09:00:00", "bob@x.org")
    commit(path, "retry.py", 20, "Retry with backoff", "2026-04-08T09:00:00", ADA)
    return path


def harvest(*arguments: str) -> Any:
    from headway.cli import app

    return CliRunner().invoke(app, ["harvest", "git", *arguments])


def test_harvest_drafts_one_accomplishment_per_week_of_the_authors_commits(
    alice: Any, repo: Path
) -> None:
    result = harvest(str(repo), "--author", ADA)
    assert result.exit_code == 0, result.output
    assert "3 commits by ada@example.com in payments, 2 weeks: 2 new drafts" in (
        result.stdout
    )
    drafts = list(EntryDraft.objects.for_owner(alice).order_by("period"))
    assert [d.period for d in drafts] == ["2026-W14", "2026-W15"]
    first = drafts[0]
    assert first.kind == "accomplishment"
    assert first.title == "payments: Add the payments retry; Test the retry"
    assert first.numbers == "2 commits, 2 files changed, 52 lines added and 0 removed"
    assert first.example.startswith("The payments repository, week 2026-W14")
    assert first.result == ""  # never invented
    assert str(first.occurred_on) == "2026-04-01"
    assert "Bob's readme" not in first.body
    assert Entry.objects.count() == 0


def test_the_author_defaults_to_the_repositorys_user_email(
    alice: Any, repo: Path
) -> None:
    result = harvest(str(repo / "."), "--json", "--since", "2026-04-06")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["author"], found["commits"], found["drafted"]) == (ADA, 1, 1)
    assert found["repository"] == str(repo.resolve())


def test_harvesting_again_drafts_no_week_twice(alice: Any, repo: Path) -> None:
    assert harvest(str(repo), "--author", ADA).exit_code == 0
    draft = EntryDraft.objects.order_by("period").first()
    assert draft is not None
    EntryDraft.objects.filter(pk=draft.pk).update(status=DraftStatus.DISCARDED)
    again = harvest(str(repo), "--author", ADA)
    assert again.exit_code == 0, again.output
    assert "0 new drafts, 2 drafted before" in again.stdout
    assert EntryDraft.objects.count() == 2


def test_another_owners_harvest_of_the_same_repository_is_their_own(
    alice: Any, bob: Any, repo: Path
) -> None:
    from headway.journal.harvest import harvest_git

    harvest_git(owner=alice, path=repo, author=ADA)
    found = harvest_git(owner=bob, path=repo, author=ADA)
    assert (found.created, found.known) == (2, 0)
    assert EntryDraft.objects.for_owner(bob).count() == 2


@pytest.mark.parametrize(
    ("target", "arguments", "message"),
    [
        ("plain", [], "is not a git repository"),
        ("missing", [], "No folder"),
        ("repo", ["--author", "nobody@example.com"], "No commits by nobody@"),
        ("repo", ["--since", "2027-01-01"], "since 2027-01-01"),
        ("repo", ["--since", "31/12/2026"], "is not a date"),
        ("empty", ["--author", ADA], "No commits by ada@"),
    ],
)
def test_bad_input_gives_one_line_and_writes_nothing(
    alice: Any,
    repo: Path,
    tmp_path: Path,
    target: str,
    arguments: list[str],
    message: str,
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "empty").mkdir()
    git(tmp_path / "empty", "init", "-q")
    path = repo if target == "repo" else tmp_path / target
    result = harvest(str(path), *arguments)
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not EntryDraft.objects.exists()


def test_drafts_count_nowhere_until_kept(
    alice: Any, alice_client: Client, repo: Path
) -> None:
    harvest(str(repo), "--author", ADA)
    draft = EntryDraft.objects.get(period="2026-W15")
    log = alice_client.get("/log/").content.decode()
    assert "Retry with backoff" not in log
    assert "2 drafted accomplishments waiting for your review" in log
    found = alice_client.get("/log/", {"q": "backoff"}).content.decode()
    assert "Retry with backoff" not in found
    brag = alice_client.get("/profile/brag/", {"year": 2026, "format": "md"})
    assert b"Retry with backoff" not in brag.content
    page = alice_client.post(
        f"/log/drafts/{draft.pk}/keep/",
        {
            f"draft-{draft.pk}-title": "Retry with backoff for payments",
            f"draft-{draft.pk}-occurred_on": "2026-04-08",
            f"draft-{draft.pk}-numbers": draft.numbers,
            f"draft-{draft.pk}-example": draft.example,
            f"draft-{draft.pk}-achievement": "Added retries with backoff",
            f"draft-{draft.pk}-result": "failed payments fell by half",
        },
    )
    assert page.status_code == 302
    entry = Entry.objects.get()
    assert (entry.kind, entry.title) == (
        "accomplishment",
        "Retry with backoff for payments",
    )
    assert entry.result == "failed payments fell by half"
    draft.refresh_from_db()
    assert (draft.status, draft.entry_id) == (DraftStatus.ACCEPTED, entry.pk)
    assert (
        "Retry with backoff for payments" in alice_client.get("/log/").content.decode()
    )
    found = alice_client.get("/log/", {"q": "backoff"}).content.decode()
    assert "Retry with backoff for payments" in found
    remaining = alice_client.get("/log/drafts/").content.decode()
    assert "2026-W14" in remaining
    assert "2026-W15" not in remaining


def test_discarding_a_draft_from_the_page(
    alice: Any, alice_client: Client, repo: Path
) -> None:
    harvest(str(repo), "--author", ADA)
    draft = EntryDraft.objects.get(period="2026-W14")
    page = alice_client.get("/log/drafts/").content.decode()
    assert "payments: Add the payments retry; Test the retry" in page
    response = alice_client.post(f"/log/drafts/{draft.pk}/discard/", follow=True)
    assert "Discarded the draft for 2026-W14" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DISCARDED
    assert Entry.objects.count() == 0
    assert alice_client.post(f"/log/drafts/{draft.pk}/discard/").status_code == 404


def test_keeping_without_a_title_shows_the_error_and_keeps_nothing(
    alice: Any, alice_client: Client, repo: Path
) -> None:
    harvest(str(repo), "--author", ADA)
    draft = EntryDraft.objects.get(period="2026-W14")
    page = alice_client.post(
        f"/log/drafts/{draft.pk}/keep/",
        {f"draft-{draft.pk}-title": "", f"draft-{draft.pk}-occurred_on": "2026-04-01"},
    )
    assert page.status_code == 200
    assert "This field is required" in page.content.decode()
    assert Entry.objects.count() == 0
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING


def test_another_user_can_neither_see_nor_keep_nor_discard_alices_drafts(
    alice: Any, bob_client: Client, repo: Path
) -> None:
    harvest(str(repo), "--author", ADA)
    draft = EntryDraft.objects.get(period="2026-W14")
    assert "payments" not in bob_client.get("/log/drafts/").content.decode()
    keep = bob_client.post(
        f"/log/drafts/{draft.pk}/keep/",
        {
            f"draft-{draft.pk}-title": "Mine",
            f"draft-{draft.pk}-occurred_on": "2026-04-01",
        },
    )
    assert keep.status_code == 404
    assert bob_client.post(f"/log/drafts/{draft.pk}/discard/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PENDING
    assert Entry.objects.count() == 0


def test_the_cli_lists_the_drafts_waiting(alice: Any, bob: Any, repo: Path) -> None:
    from headway.cli import app
    from headway.journal.harvest import harvest_git

    harvest_git(owner=bob, path=repo, author=ADA)
    empty = CliRunner().invoke(app, ["harvest", "drafts"])
    assert "No drafts waiting" in empty.stdout
    harvest(str(repo), "--author", ADA)
    listed = CliRunner().invoke(app, ["harvest", "drafts", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [row["period"] for row in rows] == ["2026-W15", "2026-W14"]
    assert {row["id"] for row in rows} == set(
        EntryDraft.objects.for_owner(alice).values_list("pk", flat=True)
    )
