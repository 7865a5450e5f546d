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

A worker cannot be turned against its owner (issue 15): it starts in "/" with
no working directory on its path, so a module planted where a command ran is
never imported; it runs each command with the caller's umask, nice and
resource limits; it dies with its command as soon as the client is gone, so a
killed client saves nothing; it serves no code older than what is installed
(its own files, every installed distribution, and every module it imported);
at most IDLE_WORKERS wait per user; and it warms up at a low priority.

The client side imports nothing but the standard library, so it costs a few
milliseconds; the worker side lives in `headway.warm_worker`.
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
from contextlib import suppress

TYPE_CHECKING = False  # the client path stays clear of the typing module
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

IDLE_SECONDS = 600
# Idle workers a user keeps (one per recently used setting); older ones leave.
IDLE_WORKERS = 3
# A successor's warm-up yields the CPUs to whatever the user is doing.
WARM_UP_NICE = 10
# The resource limits a command inherits that change what it may do.
LIMITS = (
    "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_AS", "RLIMIT_NOFILE",
    "RLIMIT_CORE",
)  # fmt: skip
# Commands that need the user's terminal as their own (a password prompt
# turns echo off through /dev/tty) or the whole app registry.
# `demo` binds Django to a data directory of its own, which a worker's
# settings, loaded already, cannot follow.
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
    """Changes when any of the package's files, or any installed distribution, does.

    Taken before the worker imports anything of its own; `imported_since`
    covers what changes while it imports.
    """
    from pathlib import Path

    files = sorted(Path(_package()).rglob("*.py"))
    stamps = [f"{path}:{path.stat().st_mtime_ns}" for path in files]
    stamps += _distributions()
    return hashlib.sha256("|".join(stamps).encode()).hexdigest()


def _distributions() -> list[str]:
    """Every distribution on the path: its name and version (the folder's name),
    when its RECORD last changed, and when its folder gained or lost a module."""
    stamps = []
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry))
            stamps.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                found = _stamp(os.path.join(entry, name, "RECORD"))
                stamps.append(f"{name}:{found or _stamp(os.path.join(entry, name))}")
            elif name.endswith((".pth", ".egg-link")):
                stamps.append(f"{name}:{_stamp(os.path.join(entry, name))}")
    return stamps


def _stamp(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError:
        return ""
    return f"{status.st_mtime_ns}/{status.st_size}"


def imported_since(started: int) -> list[str]:
    """Files of imported modules changed at or after `started` (ns since the epoch).

    What the worker imported may predate such an edit or not: either way it is
    not what a fresh process would run.
    """
    changed = []
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not isinstance(path, str):
            continue
        try:
            if os.stat(path).st_mtime_ns >= started:
                changed.append(path)
        except OSError:
            continue
    return changed


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
            "caller": caller_attributes(),
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


def caller_attributes() -> dict[str, Any]:
    """What a command run here would inherit besides its environment."""
    import resource

    mask = os.umask(0o077)
    os.umask(mask)
    return {
        "umask": mask,
        "nice": os.getpriority(os.PRIO_PROCESS, 0),
        "limits": {
            name: resource.getrlimit(getattr(resource, name))
            for name in LIMITS
            if hasattr(resource, name)
        },
    }


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

    # -P and "/": nothing from the directory the command ran in is importable
    # (a `typer.py` planted there would otherwise serve every later command).
    with suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-P", "-m", "headway.warm_worker"],
            cwd="/",
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=environment,
        )
