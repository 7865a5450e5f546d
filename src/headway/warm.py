"""A warm worker: the CLI's start-up paid before the command is typed.

Importing Django and the commands costs a `headway` command most of its time
(bench/README.md, "Command start-up"). After a command runs, the CLI leaves
one worker behind: a process that has already imported everything and set
Django up, waiting on a Unix socket for a single command. The next `headway`
hands it its arguments, environment, working directory and its stdin, stdout
and stderr (the file descriptors themselves), the worker runs the command and
sends back the exit code, and a fresh worker takes its place. Each worker
serves one command, so nothing carries over from one command to the next.

Anything unusual makes the client run the command itself, as before: no
worker, a worker started with other settings or older code, a database that
needs migrating, or a command that needs a terminal of its own (`serve`,
`init`, `user add`'s password prompt). A worker leaves after ten idle minutes
or as soon as its data directory is gone. `HEADWAY_WARM=0` turns it all off.

The client side imports nothing but the standard library, so it costs a few
milliseconds; the worker side lives in `serve_one`.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import signal
import socket
import stat
import struct
import sys
import time
from contextlib import contextmanager, suppress

TYPE_CHECKING = False  # the client path stays clear of the typing module
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from typing import Any

IDLE_SECONDS = 600
# Commands that need the user's terminal as their own (a password prompt
# turns echo off through /dev/tty), the whole app registry, or (`demo`) a
# data directory of their own, which a worker's loaded settings cannot change.
DECLINED = frozenset({"serve", "init", "user", "demo"})
# The environment start-up reads: a worker only serves a client that agrees.
KEY_PREFIXES = ("HEADWAY_", "DJANGO_", "PYTHON", "LC_", "XDG_")
KEY_NAMES = frozenset({"DATABASE_URL", "HOME", "LANG", "TZ"})
HANDSHAKE_SECONDS = 2.0
# Room for the folder in a socket path: "/headway-<uid>/<20 hex>.sock" follows.
SOCKET_ROOM = 107 - len("/headway-4294967295/") - 25
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
TRUE = frozenset({"1", "true", "yes", "on"})
# A shell completion has no arguments: its words come in the environment.
COMPLETE_VAR = "_HEADWAY_COMPLETE"
FALSE = frozenset({"0", "false", "no", "off"})


def enabled(environment: Mapping[str, str] | None = None) -> bool:
    given = os.environ if environment is None else environment
    return given.get("HEADWAY_WARM", "1").strip().lower() not in FALSE


def _package() -> str:
    return os.path.dirname(os.path.realpath(__file__))


def key() -> str:
    """Which worker may serve this process: same Python, code and settings."""
    seen = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name.startswith(KEY_PREFIXES) or name in KEY_NAMES
    )
    # A relative data directory or SQLite path means "from where I stand".
    data = os.environ.get("HEADWAY_DATA_DIR", "")
    relative = (data and not os.path.isabs(os.path.expanduser(data))) or (
        os.environ.get("DATABASE_URL", "").startswith("sqlite")
    )
    seen.append(("cwd", os.getcwd() if relative else ""))
    seed = repr([sys.executable, _package(), seen])
    return hashlib.sha256(seed.encode()).hexdigest()[:20]


def _folder() -> str | None:
    """A folder only this user can enter, or None when that cannot be had.

    The first of $XDG_RUNTIME_DIR, $TMPDIR and /tmp short enough for a socket
    path (the kernel takes at most 107 bytes).
    """
    bases = [os.environ.get("XDG_RUNTIME_DIR"), os.environ.get("TMPDIR"), "/tmp"]
    base = next(b for b in bases if b is not None and len(b) <= SOCKET_ROOM)
    folder = os.path.join(base, f"headway-{os.getuid()}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        status = os.lstat(folder)
    except OSError:
        return None
    private = status.st_uid == os.getuid() and (status.st_mode & 0o777) == 0o700
    return folder if private and stat.S_ISDIR(status.st_mode) else None


def _socket_path(folder: str, name: str) -> str:
    return os.path.join(folder, f"{name}.sock")


def code_fingerprint() -> str:
    """Changes when any of the package's files is replaced or edited."""
    from pathlib import Path

    files = sorted(Path(_package()).rglob("*.py"))
    seed = "|".join(f"{path}:{path.stat().st_mtime_ns}" for path in files)
    return hashlib.sha256(seed.encode()).hexdigest()


# --- the wire: length-prefixed marshal messages ------------------------------


def _send(
    connection: socket.socket, message: dict[str, Any], fds: tuple[int, ...] = ()
) -> None:
    """A length-prefixed message; file descriptors ride on its first bytes."""
    payload = marshal.dumps(message)
    data = struct.pack("!I", len(payload)) + payload
    sent = socket.send_fds(connection, [data], list(fds)) if fds else 0
    connection.sendall(data[sent:])


def _exactly(connection: socket.socket, size: int) -> bytes:
    chunks = b""
    while len(chunks) < size:
        chunk = connection.recv(size - len(chunks))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks += chunk
    return chunks


def _receive(
    connection: socket.socket, *, with_fds: int = 0
) -> tuple[dict[str, Any], list[int]]:
    fds: list[int] = []
    head = b""
    if with_fds:
        head, fds, _, _ = socket.recv_fds(connection, 4, with_fds)
        if not head:
            raise ConnectionError("the other side closed the connection")
    head += _exactly(connection, 4 - len(head))
    (size,) = struct.unpack("!I", head)
    message: dict[str, Any] = marshal.loads(_exactly(connection, size))
    return message, fds


# --- the client ---------------------------------------------------------------


def run_in_worker(arguments: list[str]) -> int | None:
    """The command's exit code when a worker ran it; None to run it here."""
    # A declined command's name anywhere (even as an option's value) sends the
    # whole command the slow, safe way; options are not parsed here.
    if not enabled() or not (arguments or COMPLETE_VAR in os.environ):
        return None
    if DECLINED.intersection(arguments):
        return None
    folder = _folder()
    if folder is None:
        return None
    name = key()
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.settimeout(HANDSHAKE_SECONDS)
        connection.connect(_socket_path(folder, name))
        request = {
            "key": name,
            "argv": arguments,
            "cwd": os.getcwd(),
            "env": dict(os.environ),
        }
        _send(connection, request, (0, 1, 2))
        answer, _ = _receive(connection)
    except (OSError, ConnectionError, ValueError):
        connection.close()
        return None
    if answer.get("ok") is not True:
        connection.close()
        return None
    pid = int(answer["pid"])
    code = _wait(connection, pid)
    if "--debug" in arguments or os.environ.get("HEADWAY_DEBUG", "") in TRUE:
        sys.stderr.write(f"headway: ran in warm worker {pid}.\n")
    return code


def _wait(connection: socket.socket, pid: int) -> int:
    """Relay signals to the worker until it reports the exit code."""

    def relay(number: int, _frame: Any) -> None:
        with suppress(ProcessLookupError):
            os.kill(pid, number)

    for number in FORWARDED:
        signal.signal(number, relay)
    connection.settimeout(None)
    try:
        answer, _ = _receive(connection)
        return int(answer["exit"])
    except (OSError, ConnectionError, ValueError, KeyError):
        sys.stderr.write("headway: the command stopped before it could finish.\n")
        return 1
    finally:
        connection.close()


def spawn(environment: dict[str, str] | None = None) -> None:
    """Leave a worker behind for the next command (it exits if one is there).

    `environment` is the one the command started with: `--debug` and
    `--user` write to os.environ, and the worker's key must match the next
    command's, not this one's after its options ran.
    """
    if not enabled(environment) or _folder() is None:
        return
    import subprocess

    with suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-m", "headway.warm"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=environment,
        )


# --- the worker ---------------------------------------------------------------


def serve_one() -> int:
    """Warm up, wait for one command, run it, report its exit code."""
    import fcntl
    import gc

    gc.disable()  # until django_setup is done, as in headway.main
    environment = dict(os.environ)  # before Django's setup adds to it

    folder = _folder()
    if folder is None:
        return 0
    name = key()
    lock = open(os.path.join(folder, f"{name}.lock"), "w")  # noqa: SIM115
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return 0  # another worker already waits for this key
    if not _warm_up():
        return 0
    fingerprint = code_fingerprint()
    path = _socket_path(folder, name)
    with suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(path)
    except OSError:
        return 0
    os.chmod(path, 0o600)
    listener.listen(1)
    try:
        connection = _accept(listener)
    finally:
        listener.close()
        with suppress(FileNotFoundError):
            os.unlink(path)
        lock.close()
    if connection is None:
        return 0
    spawn(environment)  # the successor warms up while this one works
    return _serve(connection, name, fingerprint)


def _warm_up() -> bool:
    """Import every command and set Django up; False when a run must migrate."""
    from headway.cli import lazy
    from headway.core import bootstrap

    for modules in dict.fromkeys(lazy.COMMANDS.values()):
        lazy.load(modules)
    if not bootstrap.schema_current():
        return False
    bootstrap.django_setup(web=False)
    return True


def _accept(listener: socket.socket) -> socket.socket | None:
    from django.conf import settings

    deadline = time.monotonic() + IDLE_SECONDS
    listener.settimeout(5)
    while time.monotonic() < deadline:
        try:
            connection, _ = listener.accept()
            return connection
        except TimeoutError:
            if not os.path.isdir(settings.DATA_DIR):
                return None
    return None


def _serve(connection: socket.socket, name: str, fingerprint: str) -> int:
    from headway.core import bootstrap

    connection.settimeout(HANDSHAKE_SECONDS)
    try:
        request, fds = _receive(connection, with_fds=3)
    except (OSError, ConnectionError, ValueError):
        return 0
    fresh = code_fingerprint() == fingerprint and bootstrap.schema_current()
    argv = [str(part) for part in request.get("argv", [])]
    if (
        request.get("key") != name
        or len(fds) != 3
        or not fresh
        or not (argv or COMPLETE_VAR in dict(request.get("env", {})))
        or DECLINED.intersection(argv)
    ):
        for fd in fds:
            os.close(fd)
        _send(connection, {"ok": False})
        return 0
    # Behave as a command in the foreground would, whatever this process was
    # started with (a shell's background job ignores SIGINT, and so would we).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for number in FORWARDED[1:]:
        signal.signal(number, signal.SIG_DFL)
    with _attached(fds, request):
        _send(connection, {"ok": True, "pid": os.getpid()})
        code = _run(argv)
    connection.settimeout(None)
    with suppress(OSError):
        _send(connection, {"exit": code})
    return code


@contextmanager
def _attached(fds: list[int], request: dict[str, Any]) -> Iterator[None]:
    """Become the client: its stdin/stdout/stderr, directory and environment."""
    encoding, errors = sys.stdout.encoding, sys.stdout.errors
    for number, fd in enumerate(fds):
        os.dup2(fd, number)
        os.close(fd)
    sys.stdin = open(0, encoding=encoding, errors=errors, closefd=False)  # noqa: SIM115
    sys.stdout = open(  # noqa: SIM115
        1, "w", encoding=encoding, errors=errors, closefd=False,
        buffering=1 if os.isatty(1) else -1,
    )  # fmt: skip
    sys.stderr = open(  # noqa: SIM115
        2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1
    )
    os.chdir(str(request.get("cwd") or "/"))
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in dict(request.get("env", {})).items()})
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError):
                stream.flush()


def _run(argv: list[str]) -> int:
    from headway.cli import main

    sys.argv = ["headway", *argv]
    try:
        main()
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(f"{code}\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except BaseException:  # what the interpreter would print, then exit 1
        import traceback

        traceback.print_exc()
        return 1
    return 0


if __name__ == "__main__":
    # Streams are flushed and the exit code is sent; a worker has nothing else
    # to tidy, and its client may be waiting to see it gone.
    os._exit(serve_one())
