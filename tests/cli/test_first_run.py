"""The real `headway` program against a fresh data directory, as a user runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_file


def headway(
    data_dir: Path, *arguments: str | bytes, **env: str
) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    base["HEADWAY_WARM"] = "0"  # the cold path; tests/cli/test_warm.py has the other
    base.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "headway", *arguments],
        env=base | {"HEADWAY_DATA_DIR": str(data_dir)} | env,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("first-run") / "headway"


def test_the_first_command_initialises_an_empty_data_directory(data_dir: Path) -> None:
    result = headway(data_dir, "log", "Shipped the first release", "--json")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["title"] == "Shipped the first release"
    assert b"Welcome" not in result.stderr  # not a terminal: no welcome
    database = data_dir / "headway.sqlite3"
    assert database.exists()
    with sqlite3.connect(database) as connection:
        users = connection.execute("SELECT count(*) FROM auth_user").fetchone()[0]
    assert users == 1


def test_later_commands_see_what_was_logged(data_dir: Path) -> None:
    result = headway(data_dir, "entries", "--json")
    assert result.returncode == 0, result.stderr.decode()
    assert [e["title"] for e in json.loads(result.stdout)] == [
        "Shipped the first release"
    ]


def test_init_alone_prepares_the_data_directory(tmp_path: Path) -> None:
    result = headway(tmp_path / "fresh", "init")
    assert result.returncode == 0, result.stderr.decode()
    assert b"Headway is ready" in result.stdout
    assert b"guided start" in result.stdout
    assert (tmp_path / "fresh" / "headway.sqlite3").exists()


def test_a_non_utf8_argument_is_one_line_on_stderr(data_dir: Path) -> None:
    result = headway(data_dir, "log", b"caf\xe9 \xff")
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert b"not valid UTF-8" in result.stderr
    assert b"Traceback" not in result.stderr


def test_an_unexpected_error_shows_no_traceback_without_debug(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("a file where the data directory should be")
    result = headway(blocked, "entries")
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("not a directory")
    result = headway(blocked, "--debug", "entries")
    assert result.returncode == 1
    assert b"Traceback" in result.stderr


def test_help_answers_without_a_data_directory(tmp_path: Path) -> None:
    result = headway(tmp_path / "never-created", "--help")
    assert result.returncode == 0
    assert b"log" in result.stdout
    assert not (tmp_path / "never-created").exists()


def test_an_import_leaves_no_write_ahead_log_behind(tmp_path: Path) -> None:
    # Left in the WAL, a big import is copied again by every later commit.
    journal = tmp_path / "journal.txt"
    journal.write_text(
        "\n".join(
            f"[2025-01-{day % 28 + 1:02d} 09:{day % 60:02d}] Entry {day} about the "
            f"billing pipeline and its {day} retries.\n"
            for day in range(3_000)
        ),
        encoding="utf-8",
    )
    data_dir = tmp_path / "headway"
    result = headway(data_dir, "import", "jrnl", str(journal))
    assert result.returncode == 0, result.stderr
    assert b"Imported 3000 entries" in result.stdout
    wal = data_dir / "headway.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_first_command_at_a_terminal_points_to_the_guided_start(
    tmp_path: Path,
) -> None:
    # script(1) gives the command a terminal, as a person typing it has.
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    env |= {"HEADWAY_WARM": "0", "HEADWAY_DATA_DIR": str(tmp_path / "headway")}
    command = f"{sys.executable} -m headway log 'First entry'"
    first = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert first.returncode == 0, first.stdout.decode()
    assert b"guided start" in first.stdout
    assert b"headway --help" in first.stdout
    again = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert b"Welcome" not in again.stdout
