"""The warm worker: real `headway` processes handing commands to a waiting one.

Each test gets its own data directory and its own socket folder (TMPDIR), so
workers never meet the suite's or the user's; teardown removes the data
directories, which makes any worker left waiting leave, and checks it did.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from headway import warm
from tests.processes import HEADWAY, Place


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


# --- issue 15: a worker that cannot be turned against its owner ---------------

CONSOLE_SCRIPT = Path(sys.executable).parent / "headway"


def test_a_module_planted_where_the_first_command_ran_is_never_imported(
    place: Place, tmp_path: Path
) -> None:
    # The console script, as a user types it: its own sys.path has no cwd,
    # so only a worker started from that directory could pick the module up.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    marker = tmp_path / "planted-code-ran"
    (downloads / "typer.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n"
    )
    first = subprocess.run(
        [str(CONSOLE_SCRIPT), "log", "First entry"],
        env=place.env, cwd=downloads, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    place.wait_for_worker()
    served = place.headway("--debug", "entries", cwd=tmp_path)
    assert served_warm(served), served.stderr
    assert not marker.exists()


def test_a_warm_export_follows_the_callers_umask(place: Place, tmp_path: Path) -> None:
    place.headway("contact", "add", "Ada Lovelace")
    place.wait_for_worker()
    exported = place.headway(
        "--debug", "export", "vcard", "-o", "people.vcf", cwd=tmp_path, umask=0o077
    )
    assert served_warm(exported), exported.stderr
    assert (tmp_path / "people.vcf").stat().st_mode & 0o777 == 0o600


def test_a_warm_command_runs_with_the_callers_nice_and_limits(place: Place) -> None:
    import resource

    place.headway("log", "First entry")
    place.wait_for_worker()
    (waiting,) = place.workers()

    def restrained() -> None:
        os.nice(7)
        resource.setrlimit(resource.RLIMIT_NOFILE, (200, 300))

    client = subprocess.Popen(
        [*HEADWAY, "near", "-"],
        env=place.env,
        stdin=subprocess.PIPE,  # the command waits for its input meanwhile
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=restrained,  # single-threaded: safe
    )
    try:
        deadline = time.monotonic() + 30
        while place.sockets():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.5)
        stat = Path(f"/proc/{waiting}/stat").read_text().rsplit(")", 1)[1].split()
        limits = Path(f"/proc/{waiting}/limits").read_text()
    finally:
        client.communicate(b"Shipped it\n", timeout=30)
    assert int(stat[16]) == 7  # the nice field
    (files,) = [line for line in limits.splitlines() if "open files" in line]
    assert files.split()[3:5] == ["200", "300"]
    assert client.returncode == 0


def test_killing_the_client_stops_the_command_before_it_saves(
    place: Place, tmp_path: Path
) -> None:
    editor = tmp_path / "slow-editor"
    editor.write_text(
        "#!/bin/sh\nsleep 3\n"
        "printf 'title: Written after the client died\\n' > \"$1\"\n"
    )
    editor.chmod(0o755)
    place.headway("contact", "add", "Ada Lovelace")
    place.wait_for_worker()
    client = subprocess.Popen(
        [*HEADWAY, "log"],
        env=place.env | {"EDITOR": str(editor)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while place.sockets():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(1)  # the editor is open
    client.kill()
    client.wait()
    time.sleep(4)  # past the editor's save
    listed = place.headway("entries", "--json", HEADWAY_WARM="0")
    assert json.loads(listed.stdout) == []


def test_a_worker_whose_client_left_writes_nothing_to_its_terminal(
    place: Place, tmp_path: Path
) -> None:
    place.headway("log", "First entry")
    place.wait_for_worker()
    (path,) = place.sockets()
    terminal = tmp_path / "terminal"
    with terminal.open("w") as output, open(os.devnull) as nothing:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(str(path))
        request = {"key": path.stem, "argv": ["entries"], "cwd": "/", "env": place.env}
        warm._send(
            connection, request, (nothing.fileno(), output.fileno(), output.fileno())
        )
        connection.close()  # fell back before the worker answered
    time.sleep(2)
    assert "Traceback" not in terminal.read_text()


def test_idle_workers_are_capped_and_leave_no_files_behind(
    place: Place, tmp_path: Path
) -> None:
    for number in range(warm.IDLE_WORKERS + 1):  # one over the cap
        place.headway("log", "An entry", HEADWAY_DATA_DIR=str(tmp_path / f"d{number}"))
        place.wait_for_worker()
    deadline = time.monotonic() + 30
    while len(place.workers()) > warm.IDLE_WORKERS:
        assert time.monotonic() < deadline, place.workers()
        time.sleep(0.2)
    folder = next(place.run.glob("headway-*"))
    assert len(list(folder.glob("*.sock"))) <= warm.IDLE_WORKERS
    assert len(list(folder.glob("*.lock"))) <= warm.IDLE_WORKERS


def test_the_code_fingerprint_covers_installed_distributions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    record = tmp_path / "typer-0.12.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("typer/__init__.py,sha256=abc,10\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    before = warm.code_fingerprint()
    os.utime(record, ns=(0, 10**9))
    reinstalled = warm.code_fingerprint()
    assert reinstalled != before
    record.parent.rename(tmp_path / "typer-0.13.0.dist-info")
    assert warm.code_fingerprint() != reinstalled


def test_a_module_edited_while_the_worker_warmed_up_is_stale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    module = tmp_path / "edited_meanwhile.py"
    module.write_text("x = 1\n")
    started = time.time_ns()
    os.utime(module, ns=(started, started + 10**6))
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    import edited_meanwhile  # noqa: F401

    assert warm.imported_since(started) == [str(module)]
    assert warm.imported_since(started + 10**9) == []


@pytest.mark.skipif(sys.platform != "linux", reason="nice is per thread on Linux")
def test_a_worker_warms_up_at_a_low_priority_and_serves_at_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from headway import warm_worker

    seen: dict[str, int] = {}

    def warm_up() -> bool:
        tid = threading.get_native_id()
        seen["warm-up"] = os.getpriority(os.PRIO_PROCESS, tid)
        return True

    groups: list[int] = []
    monkeypatch.setattr(warm_worker, "_warm_up", warm_up)
    monkeypatch.setattr(
        warm_worker, "_autogroup_nice", lambda v: groups.append(v) or True
    )
    before = os.getpriority(os.PRIO_PROCESS, 0)
    assert warm_worker._warm_up_gently()
    assert seen["warm-up"] == min(19, before + warm.WARM_UP_NICE)
    assert os.getpriority(os.PRIO_PROCESS, 0) == before
    assert groups == [warm.WARM_UP_NICE, 0]
