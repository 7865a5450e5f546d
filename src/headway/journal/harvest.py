"""`headway harvest git`: read a local repository's history with the `git`
executable itself (no shell, no parsing of git's own files) and save one
draft accomplishment per ISO week of the author's commits."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from headway.core.errors import HeadwayError
from headway.exchange.git_log import (
    LOG_ARGUMENTS,
    GitLogError,
    by_author,
    parse_log,
    weekly_drafts,
)
from headway.journal.drafts import drafts_save_weeks

GIT_TIMEOUT_SECONDS = 300


class HarvestError(HeadwayError):
    status = 400


@dataclass(frozen=True)
class Harvest:
    repository: Path
    author: str
    commits: int
    weeks: int
    created: int
    known: int


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    # A repository's own config must not run programs for us (fsmonitor,
    # pagers); git never asks for anything on a terminal.
    command = ["git", "-c", "core.fsmonitor=false", "-C", str(root), *arguments]
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"}
    try:
        return subprocess.run(  # a fixed program and arguments, no shell
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT_SECONDS,
            env=environment,
            check=False,
        )
    except FileNotFoundError:
        raise HarvestError(
            "The `git` program is not installed (or not on PATH); install git first."
        ) from None
    except subprocess.TimeoutExpired:
        raise HarvestError(f"git took too long reading {root}.") from None


def repository_root(path: Path) -> Path:
    """The top folder of the repository `path` is in, or one clear error."""
    if not path.is_dir():
        raise HarvestError(f"No folder {path}; name a local git repository.")
    answer = _git(path, "rev-parse", "--show-toplevel")
    if answer.returncode != 0 or not answer.stdout.strip():
        raise HarvestError(f"{path} is not a git repository (no .git found).")
    return Path(answer.stdout.strip())


def default_author(root: Path) -> str:
    answer = _git(root, "config", "user.email")
    email = answer.stdout.strip()
    if answer.returncode != 0 or not email:
        raise HarvestError(
            "git knows no user.email here; name the author with --author EMAIL."
        )
    return email


def harvest_git(
    *, owner: Any, path: Path, author: str = "", since: date | None = None
) -> Harvest:
    """Draft one accomplishment per week of `author`'s commits; nothing is
    written when the repository, the author or the dates give no commit."""
    root = repository_root(path.expanduser())
    author = author.strip() or default_author(root)
    history = _history(root, author, since)
    weeks = weekly_drafts(history, repository=root.name, since=since)
    if not weeks:
        after = f" since {since.isoformat()}" if since else ""
        raise HarvestError(
            f"No commits by {author} in {root}{after}; the authors there are "
            f"listed by `git -C {root} shortlog -se`."
        )
    saved = drafts_save_weeks(owner=owner, weeks=weeks, source=str(root))
    return Harvest(root, author, len(history), len(weeks), saved.created, saved.known)


def _history(root: Path, author: str, since: date | None) -> list[Any]:
    arguments = [*LOG_ARGUMENTS, "--fixed-strings", f"--author={author}"]
    if since is not None:
        arguments.append(f"--since={since.isoformat()}")
    answer = _git(root, *arguments)
    if answer.returncode != 0:
        if "does not have any commits" in answer.stderr:
            return []
        first = (answer.stderr.strip().splitlines() or ["no message"])[0]
        raise HarvestError(f"git could not read the history of {root}: {first}")
    try:
        return by_author(parse_log(answer.stdout), author)
    except GitLogError as error:
        raise HarvestError(f"Unexpected output from git: {error}") from None
