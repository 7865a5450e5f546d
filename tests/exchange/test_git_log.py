"""`git log --numstat` text read into commits and weekly drafts (no git run)."""

from __future__ import annotations

from datetime import date

import pytest

from headway.exchange.git_log import (
    RECORD,
    UNIT,
    Commit,
    GitLogError,
    by_author,
    parse_log,
    weekly_drafts,
)


def header(sha: str, email: str, day: str, subject: str) -> str:
    return RECORD + UNIT.join((sha, email, day, subject)) + "\n"


# As git prints it: a header per commit, a blank line, then --numstat lines.
CAPTURED = (
    header("a" * 40, "ada@example.com", "2026-03-30", "Add the payments retry")
    + "\n12\t3\tsrc/pay/retry.py\n40\t0\ttests/test_retry.py\n"
    + header("b" * 40, "ADA@example.com", "2026-04-02", "Fix a flaky test")
    + "\n1\t1\ttests/test_retry.py\n-\t-\tdocs/diagram.png\n"
    + header("c" * 40, "bob@example.com", "2026-04-01", "Bob's change")
    + "\n5\t5\tREADME.md\n"
    + header("d" * 40, "ada@example.com", "2026-04-07", "Empty commit")
)


def test_each_commit_is_read_with_its_files_and_line_counts() -> None:
    commits = parse_log(CAPTURED)
    assert [c.sha[0] for c in commits] == ["a", "b", "c", "d"]
    first = commits[0]
    assert first.email == "ada@example.com"
    assert first.day == date(2026, 3, 30)
    assert first.subject == "Add the payments retry"
    assert first.files == ("src/pay/retry.py", "tests/test_retry.py")
    assert (first.added, first.removed) == (52, 3)
    binary = commits[1]
    assert binary.files == ("tests/test_retry.py", "docs/diagram.png")
    assert (binary.added, binary.removed) == (1, 1)
    assert commits[3].files == ()


def test_a_subject_keeps_tabs_and_unicode_as_written() -> None:
    text = header("e" * 40, "z@example.com", "2026-01-05", "Räumen:\tlint & docs")
    assert parse_log(text)[0].subject == "Räumen:\tlint & docs"


def test_the_author_is_matched_by_email_whatever_its_case() -> None:
    commits = by_author(parse_log(CAPTURED), "Ada@Example.com ")
    assert [c.sha[0] for c in commits] == ["a", "b", "d"]


def test_no_output_means_no_commits() -> None:
    assert parse_log("") == []


@pytest.mark.parametrize(
    "text",
    [
        "commit 1234\nAuthor: someone\n",
        RECORD + "only-a-hash\n",
        header("f" * 40, "a@b.c", "yesterday", "x"),
        header("f" * 40, "a@b.c", "2026-01-01", "x") + "\nnot a numstat line\n",
    ],
)
def test_text_in_another_format_is_refused(text: str) -> None:
    with pytest.raises(GitLogError):
        parse_log(text)


def test_commits_are_grouped_into_iso_weeks_oldest_first() -> None:
    ada = by_author(parse_log(CAPTURED), "ada@example.com")
    weeks = weekly_drafts(ada, repository="payments")
    assert [w.period for w in weeks] == ["2026-W14", "2026-W15"]
    first = weeks[0]
    assert first.first_day == date(2026, 3, 30)
    assert first.last_commit_day == date(2026, 4, 2)
    assert (len(first.commits), first.files, first.added, first.removed) == (
        2,
        3,
        53,
        4,
    )


def test_a_draft_states_only_facts_from_the_history() -> None:
    ada = by_author(parse_log(CAPTURED), "ada@example.com")
    week = weekly_drafts(ada, repository="payments")[0]
    assert week.title == "payments: Add the payments retry; Fix a flaky test"
    assert week.numbers == ("2 commits, 3 files changed, 53 lines added and 4 removed")
    assert week.example == (
        "The payments repository, week 2026-W14 (2026-03-30 to 2026-04-05)"
    )
    assert week.subjects == ["Add the payments retry", "Fix a flaky test"]
    assert f"`{'a' * 10}` Add the payments retry" in week.body


def test_a_week_counts_one_commit_and_one_file_in_the_singular() -> None:
    commit = Commit("1" * 40, "a@b.c", date(2026, 1, 5), "Tidy", ("a.py",), 1, 0)
    week = weekly_drafts([commit], repository="r")[0]
    assert week.numbers == "1 commit, 1 file changed, 1 line added and 0 removed"


def test_a_long_week_names_three_subjects_and_counts_the_rest() -> None:
    commits = [
        Commit(str(n) * 40, "a@b.c", date(2026, 1, 5), f"Change {n}", (), 0, 0)
        for n in range(1, 6)
    ]
    week = weekly_drafts(commits, repository="r")[0]
    assert week.title == "r: Change 1; Change 2; Change 3 (and 2 more)"
    long = [Commit("9" * 40, "a@b.c", date(2026, 1, 5), "x" * 400, (), 0, 0)]
    assert len(weekly_drafts(long, repository="r")[0].title) == 300


def test_since_leaves_out_earlier_weeks() -> None:
    ada = by_author(parse_log(CAPTURED), "ada@example.com")
    weeks = weekly_drafts(ada, repository="payments", since=date(2026, 4, 3))
    assert [w.period for w in weeks] == ["2026-W15"]
