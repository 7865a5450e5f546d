"""The warm worker: real `headway` processes handing commands to a waiting one.

Each test gets its own data directory and its own socket folder (TMPDIR), so
workers never meet the suite's or the user's; teardown removes the data
directories, which makes any worker left waiting leave, and checks it did.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from headway import warm

HEADWAY = [sys.executable, "-m", "headway"]


class Place:
    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        # Its own short folder: pytest's paths can be too long for a socket.
        self.run = Path(tempfile.mkdtemp(prefix="hw-", dir="/tmp"))
        base = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
        base.pop("DATABASE_URL", None)
        base.pop("XDG_RUNTIME_DIR", None)
        self.env = base | {
            "HEADWAY_DATA_DIR": str(self.data),
            "HEADWAY_SECRET_KEY": "test",
            "HEADWAY_WARM": "1",
            "TMPDIR": str(self.run),
        }

    def headway(
        self, *arguments: str, stdin: str = "", cwd: Path | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*HEADWAY, *arguments],
            env=self.env | env,
            input=stdin,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def sockets(self) -> list[Path]:
        return list(self.run.glob("headway-*/*.sock"))

    def wait_for_worker(self) -> None:
        deadline = time.monotonic() + 60
        while not self.sockets():
            assert time.monotonic() < deadline, "no warm worker came up"
            time.sleep(0.1)

    def gone(self, pids: list[int]) -> bool:
        deadline = time.monotonic() + 10
        while set(pids) & set(self.workers()):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def workers(self) -> list[int]:
        found = []
        for environ in Path("/proc").glob("[0-9]*/environ"):
            try:
                if f"TMPDIR={self.run}".encode() in environ.read_bytes().split(b"\0"):
                    found.append(int(environ.parent.name))
            except OSError:
                continue
        return found


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    here = Place(tmp_path)
    yield here
    for folder in tmp_path.iterdir():  # every data directory a test made
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    deadline = time.monotonic() + 30
    while here.workers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert here.workers() == [], "a worker outlived its data directory"
    subprocess.run(["rm", "-rf", str(here.run)], check=True)


def served_warm(result: subprocess.CompletedProcess[str]) -> bool:
    return "ran in warm worker" in result.stderr


def test_a_command_leaves_a_worker_and_the_next_one_runs_in_it(place: Place) -> None:
    first = place.headway("--debug", "log", "Moved the billing jobs to the new queue")
    assert first.returncode == 0, first.stderr
    assert not served_warm(first)
    place.wait_for_worker()
    second = place.headway("--debug", "log", "Cut deploys from 40 to 12 minutes @ci")
    assert second.returncode == 0, second.stderr
    assert served_warm(second)
    assert "Logged as an accomplishment" in second.stderr
    place.wait_for_worker()  # its successor
    listed = place.headway("--debug", "entries", "--json")
    assert served_warm(listed)
    titles = [entry["title"] for entry in json.loads(listed.stdout)]
    assert titles == [
        "Cut deploys from 40 to 12 minutes @ci",
        "Moved the billing jobs to the new queue",
    ]


def test_bad_input_in_a_worker_is_one_line_and_exit_1(place: Place) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    waiting = place.workers()
    result = place.headway("entries", "--kind", "bogus")
    assert place.gone(waiting)  # that worker ran it and left
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("headway: Unknown kind 'bogus'")
    assert len(result.stderr.splitlines()) == 1
    place.wait_for_worker()  # its successor
    with_debug = place.headway("--debug", "entries", "--kind", "bogus")
    assert served_warm(with_debug)
    assert "Traceback" in with_debug.stderr
    assert with_debug.returncode == 1


def test_stdin_and_the_working_directory_are_the_clients(
    place: Place, tmp_path: Path
) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    scored = place.headway(
        "--debug", "near", "-", "--json", stdin="Shipped it\nFixed 3 bugs\n"
    )
    assert served_warm(scored)
    assert len(json.loads(scored.stdout)) == 2
    place.wait_for_worker()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    exported = place.headway(
        "--debug", "export", "jrnl", "-o", "journal.txt", cwd=elsewhere
    )
    assert served_warm(exported), exported.stderr
    assert "First entry" in (elsewhere / "journal.txt").read_text()


def test_other_settings_are_not_served_by_this_worker(
    place: Place, tmp_path: Path
) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    other = place.headway(
        "--debug", "entries", HEADWAY_DATA_DIR=str(tmp_path / "other")
    )
    assert other.returncode == 0
    assert not served_warm(other)
    assert "Nothing logged yet" in other.stdout


def test_declined_commands_and_the_off_switch_run_in_the_client(place: Place) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    assert not served_warm(place.headway("--debug", "init"))
    assert not served_warm(place.headway("--debug", "entries", HEADWAY_WARM="0"))
    place.wait_for_worker()
    assert served_warm(place.headway("--debug", "entries"))


def test_a_worker_leaves_when_its_data_directory_goes(place: Place) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    assert place.workers()
    subprocess.run(["rm", "-rf", str(place.data)], check=True)
    deadline = time.monotonic() + 30
    while place.workers():
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert place.sockets() == []


def test_the_key_follows_the_settings_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HEADWAY_DATA_DIR", "/one")
    one = warm.key()
    monkeypatch.setenv("EDITOR", "nano")
    monkeypatch.setenv("PWD", "/somewhere/else")
    assert warm.key() == one
    monkeypatch.setenv("HEADWAY_DATA_DIR", "/two")
    assert warm.key() != one
    monkeypatch.setenv("HEADWAY_DATA_DIR", "relative/data")
    here = warm.key()
    monkeypatch.chdir("/")
    assert warm.key() != here  # the same words name another directory


def test_a_folder_too_long_for_a_socket_path_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", "/tmp/" + "x" * 80)
    assert warm._folder() == f"/tmp/headway-{os.getuid()}"


def test_a_socket_folder_others_can_enter_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = Path(tempfile.mkdtemp(prefix="hw-", dir="/tmp"))  # short enough
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(base))
    try:
        assert warm._folder() == str(base / f"headway-{os.getuid()}")
        (base / f"headway-{os.getuid()}").chmod(0o755)
        assert warm._folder() is None
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=True)


def test_the_code_fingerprint_changes_when_a_file_does(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(warm, "_package", lambda: str(tmp_path))
    before = warm.code_fingerprint()
    assert warm.code_fingerprint() == before
    os.utime(tmp_path / "a.py", ns=(0, 10**9))
    assert warm.code_fingerprint() != before


def test_ctrl_c_reaches_the_command_in_the_worker(place: Place) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    waiting = place.workers()
    client = subprocess.Popen(
        [*HEADWAY, "near", "-"],
        env=place.env,
        stdin=subprocess.PIPE,  # left open: the command waits for its input
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while place.sockets():  # the waiting worker takes the command, then unlinks
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(1.5)  # past the handshake: the client now relays signals
    client.send_signal(signal.SIGINT)
    try:
        client.wait(timeout=30)  # stdin stays open: only the signal can end it
    finally:
        assert client.stdin
        assert client.stderr
        client.stdin.close()
        errors = client.stderr.read()
    assert client.returncode == 130, errors  # as Typer ends an interrupted command
    assert place.gone(waiting)
