"""`git log --numstat` text read into commits, and commits grouped into one
draft accomplishment per ISO week.

Pure: the caller runs git with `LOG_ARGUMENTS` and hands the text here. A
draft states only facts from the history (how many commits, files and lines,
the subjects as the author wrote them, the repository); what changed for
whom is left for the owner to write.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

RECORD = "\x1e"  # starts each commit
UNIT = "\x1f"  # separates its fields
# `git log` arguments that produce what `parse_log` reads: one header line per
# commit (hash, author e-mail, author date, subject), then its --numstat lines.
LOG_FORMAT = f"--format={RECORD}%H{UNIT}%ae{UNIT}%ad{UNIT}%s"
LOG_ARGUMENTS = ("log", "--no-merges", "--numstat", "--date=short", LOG_FORMAT)

TITLE_MAX = 300
SUBJECTS_IN_TITLE = 3


class GitLogError(ValueError):
    """The text is not what `LOG_ARGUMENTS` produce."""


@dataclass(frozen=True)
class Commit:
    sha: str
    email: str
    day: date
    subject: str
    files: tuple[str, ...]
    added: int
    removed: int


@dataclass(frozen=True)
class WeekDraft:
    """One ISO week of an author's commits in one repository."""

    period: str  # "2026-W14"
    first_day: date  # the week's Monday
    last_commit_day: date
    repository: str
    commits: tuple[Commit, ...]
    files: int
    added: int
    removed: int

    @property
    def subjects(self) -> list[str]:
        """Distinct subjects, oldest first, as the author wrote them."""
        ordered = sorted(self.commits, key=lambda commit: commit.day)
        return list(dict.fromkeys(c.subject for c in ordered if c.subject))

    @property
    def title(self) -> str:
        shown = self.subjects[:SUBJECTS_IN_TITLE]
        more = len(self.subjects) - len(shown)
        title = "; ".join(shown) or f"{len(self.commits)} commits"
        if more:
            title += f" (and {more} more)"
        title = f"{self.repository}: {title}"
        return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"

    @property
    def numbers(self) -> str:
        return (
            f"{_count(len(self.commits), 'commit')}, "
            f"{_count(self.files, 'file')} changed, "
            f"{_count(self.added, 'line')} added and {self.removed} removed"
        )

    @property
    def example(self) -> str:
        last = self.first_day + timedelta(days=6)
        return (
            f"The {self.repository} repository, week {self.period} "
            f"({self.first_day.isoformat()} to {last.isoformat()})"
        )

    @property
    def body(self) -> str:
        lines = [
            f"- {commit.day.isoformat()} `{commit.sha[:10]}` {commit.subject}"
            for commit in sorted(self.commits, key=lambda commit: commit.day)
        ]
        return "Commits, as their messages say:\n\n" + "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def parse_log(text: str) -> list[Commit]:
    """The commits in `git log` output made with `LOG_ARGUMENTS`, in its order."""
    commits = []
    for record in text.split(RECORD)[1:]:
        header, _, stats = record.partition("\n")
        commits.append(_commit(header, stats))
    if not commits and text.strip():
        raise GitLogError("This is not `git log` output in the expected format.")
    return commits


def _commit(header: str, stats: str) -> Commit:
    fields = header.split(UNIT)
    if len(fields) != 4:
        raise GitLogError(f"Unexpected commit line: {header[:80]!r}.")
    sha, email, day, subject = fields
    try:
        when = date.fromisoformat(day.strip())
    except ValueError:
        raise GitLogError(f"Unexpected commit date {day!r}.") from None
    files, added, removed = [], 0, 0
    for line in stats.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise GitLogError(f"Unexpected --numstat line: {line[:80]!r}.")
        files.append(parts[2])
        # A binary file shows "-" for both counts: a file changed, no lines.
        added += int(parts[0]) if parts[0].isdigit() else 0
        removed += int(parts[1]) if parts[1].isdigit() else 0
    return Commit(
        sha=sha.strip(),
        email=email.strip(),
        day=when,
        subject=subject.strip(),
        files=tuple(files),
        added=added,
        removed=removed,
    )


def by_author(commits: list[Commit], email: str) -> list[Commit]:
    """The commits whose author e-mail is `email` (case does not matter)."""
    wanted = email.strip().lower()
    return [commit for commit in commits if commit.email.lower() == wanted]


def weekly_drafts(
    commits: list[Commit], *, repository: str, since: date | None = None
) -> list[WeekDraft]:
    """One draft per ISO week with commits (on or after `since`), oldest first."""
    weeks: dict[tuple[int, int], list[Commit]] = defaultdict(list)
    for commit in commits:
        if since is None or commit.day >= since:
            year, week, _ = commit.day.isocalendar()
            weeks[(year, week)].append(commit)
    return [
        _week(year, week, weeks[(year, week)], repository)
        for year, week in sorted(weeks)
    ]


def _week(year: int, week: int, commits: list[Commit], repository: str) -> WeekDraft:
    return WeekDraft(
        period=f"{year}-W{week:02d}",
        first_day=date.fromisocalendar(year, week, 1),
        last_commit_day=max(commit.day for commit in commits),
        repository=repository,
        commits=tuple(commits),
        files=len({name for commit in commits for name in commit.files}),
        added=sum(commit.added for commit in commits),
        removed=sum(commit.removed for commit in commits),
    )
