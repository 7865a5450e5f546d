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
    from collections.abc import Callable, Iterator, Mapping
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
DECLINED = frozenset({"serve", "init", "user"})
# The environment start-up reads: a worker only serves a client that agrees.
KEY_PREFIXES = ("HEADWAY_", "DJANGO_", "PYTHON", "LC_", "XDG_")
KEY_NAMES = frozenset({"DATABASE_URL", "HOME", "LANG", "TZ"})
HANDSHAKE_SECONDS = 2.0
# Room for the folder in a socket path: "/headway-<uid>/<20 hex>.sock" follows.
SOCKET_ROOM = 107 - len("/headway-4294967295/") - 25
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
TRUE = frozenset({"1", "true", "yes", "on"})
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
    if not enabled() or not arguments or DECLINED.intersection(arguments):
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
            [sys.executable, "-P", "-m", "headway.warm"],
            cwd="/",
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
    import gc

    gc.disable()  # until django_setup is done, as in headway.main
    started = time.time_ns()
    fingerprint = code_fingerprint()  # before importing: see imported_since
    environment = dict(os.environ)  # before Django's setup adds to it
    sys.path[:] = [entry for entry in sys.path if entry and os.path.isabs(entry)]

    folder = _folder()
    if folder is None:
        return 0
    name = key()
    lock = _lock(folder, name)
    if lock is None:
        return 0  # another worker already waits for this key
    try:
        if not _warm_up_gently() or imported_since(started):
            return 0
        connection = _listen(folder, name)
    finally:
        _unlock(folder, name, lock)
    if connection is None:
        return 0
    return _serve(connection, name, fingerprint, started, environment)


def _lock(folder: str, name: str) -> int | None:
    """Hold this key's lock file, or None when another worker holds it."""
    import fcntl

    path = os.path.join(folder, f"{name}.lock")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # A leaving worker may have unlinked the file between open and flock.
        if os.fstat(fd).st_ino != os.stat(path).st_ino:
            raise OSError("the lock file was replaced")
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(folder: str, name: str, fd: int) -> None:
    # Ours to remove: only the holder of a lock file's lock unlinks it.
    with suppress(OSError):
        os.unlink(os.path.join(folder, f"{name}.lock"))
    os.close(fd)


def _listen(folder: str, name: str) -> socket.socket | None:
    """Wait on this key's socket for one command; None when it is time to leave."""
    path = _socket_path(folder, name)
    with suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(path)
        listener.listen(1)
        os.chmod(path, 0o600)
        inode = os.stat(path).st_ino
        _prune(folder, path)
        return _accept(listener, path, inode)
    except OSError:
        return None
    finally:
        listener.close()
        with suppress(OSError):
            if os.stat(path).st_ino == inode:
                os.unlink(path)


def _prune(folder: str, own: str) -> None:
    """Keep the IDLE_WORKERS most recently started workers; clear dead ones' files.

    A worker starts right after its setting's last command, so the oldest
    sockets are the least recently used settings.
    """
    import fcntl

    sockets, locks = [], []
    for entry in os.scandir(folder):
        with suppress(OSError):
            if entry.name.endswith(".sock") and entry.path != own:
                sockets.append(
                    (entry.stat(follow_symlinks=False).st_mtime_ns, entry.path)
                )
            elif entry.name.endswith(".lock"):
                locks.append(entry.path)
    for _, path in sorted(sockets, reverse=True)[IDLE_WORKERS - 1 :]:
        _dismiss(path)
    for path in locks:  # a lock nobody holds belonged to a worker that died
        try:
            fd = os.open(path, os.O_WRONLY)
        except OSError:
            continue
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(path)
        os.close(fd)


def _dismiss(path: str) -> None:
    """Ask the worker on `path` to leave: a request without a terminal is declined."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(HANDSHAKE_SECONDS)
    try:
        connection.connect(path)
        _send(connection, {"leave": True})
    except ConnectionRefusedError:  # its worker died and left it
        with suppress(OSError):
            os.unlink(path)
    except OSError:
        pass
    finally:
        connection.close()


def _warm_up_gently() -> bool:
    """`_warm_up` at a low priority, the waiting and serving at the caller's.

    An unprivileged process cannot undo os.nice, so on Linux the warm-up runs
    in a thread of its own (nice is per thread there), and the session's
    autogroup, which the kernel weighs as a whole, is lowered meanwhile.
    """
    import threading

    if sys.platform != "linux":
        return _warm_up()
    done: list[bool] = []

    def warm_up() -> None:
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WARM_UP_NICE)
        done.append(_warm_up())

    thread = threading.Thread(target=warm_up, name="warm-up")
    lowered = _autogroup_nice(WARM_UP_NICE)
    thread.start()
    thread.join()
    if lowered and not _autogroup_nice(0):
        return False  # it would serve at a low priority
    return done == [True]


def _autogroup_nice(value: int) -> bool:
    """Set this session's autogroup nice (Linux); False when it could not be."""
    for _ in range(3):  # the kernel takes one change per 100 ms
        try:
            with open("/proc/self/autogroup", "w") as group:
                group.write(str(value))
            return True
        except BlockingIOError:
            time.sleep(0.11)
        except OSError:
            return False
    return False


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


def _accept(listener: socket.socket, path: str, inode: int) -> socket.socket | None:
    """The next client, unless the data directory or this socket goes first."""
    from django.conf import settings

    deadline = time.monotonic() + IDLE_SECONDS
    listener.settimeout(5)
    while time.monotonic() < deadline:
        try:
            connection, _ = listener.accept()
            return connection
        except TimeoutError:
            if not os.path.isdir(settings.DATA_DIR) or not _still(path, inode):
                return None
    return None


def _still(path: str, inode: int) -> bool:
    try:
        return os.stat(path).st_ino == inode
    except OSError:
        return False


def _serve(
    connection: socket.socket,
    name: str,
    fingerprint: str,
    started: int,
    environment: dict[str, str],
) -> int:
    from headway.core import bootstrap

    connection.settimeout(HANDSHAKE_SECONDS)
    try:
        request, fds = _receive(connection, with_fds=3)
    except (OSError, ConnectionError, ValueError):
        return 0
    fresh = (
        code_fingerprint() == fingerprint
        and not imported_since(started)
        and bootstrap.schema_current()
    )
    argv = [str(part) for part in request.get("argv", [])]
    caller: dict[str, Any] = request.get("caller") or {}
    if (
        request.get("key") != name
        or len(fds) != 3
        or not fresh
        or not argv
        or DECLINED.intersection(argv)
        or not _grantable(caller)
    ):
        for fd in fds:
            os.close(fd)
        with suppress(OSError):  # the client may have given up already
            _send(connection, {"ok": False})
        return 0
    spawn(environment)  # the successor warms up while this one works
    # Behave as a command in the foreground would, whatever this process was
    # started with (a shell's background job ignores SIGINT, and so would we).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for number in FORWARDED[1:]:
        signal.signal(number, signal.SIG_DFL)
    finished = _watch(connection)
    with _attached(fds, request), _as_caller(caller):
        try:
            _send(connection, {"ok": True, "pid": os.getpid()})
        except OSError:
            return 0  # it fell back to running the command itself
        code = _run(argv)
    finished()
    connection.settimeout(None)
    with suppress(OSError):
        _send(connection, {"exit": code})
    return code


def _watch(connection: socket.socket) -> Callable[[], None]:
    """Kill this worker, and its command's children, if the client goes away.

    The client sends nothing after its request, so any sign of life on the
    socket is its end: a client killed with SIGKILL mid-command must not have
    its command go on and save (as a killed process would not). Returns what
    to call once the command is over and the client may close.
    """
    import select
    import threading

    over = threading.Event()

    def watch() -> None:
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN | select.POLLHUP)
        poller.poll()
        if not over.is_set():
            group = os.getpgrp()
            if group == os.getpid():  # its own group (spawn starts a session)
                os.killpg(group, signal.SIGKILL)
            os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="client-watch", daemon=True).start()
    return over.set


def _within(value: int, limit: int) -> bool:
    import resource

    infinite = resource.RLIM_INFINITY
    return limit == infinite or (value != infinite and value <= limit)


def _grantable(caller: Any) -> bool:
    """Whether this process can take on the caller's nice and limits.

    An unprivileged process can lower its priority and limits, never raise
    them: a worker started by a more restricted command declines, and the
    client then runs the command and leaves a worker like itself.
    """
    import resource

    try:
        if os.geteuid() == 0:
            return isinstance(caller["umask"], int) and isinstance(caller["nice"], int)
        if caller["nice"] < os.getpriority(os.PRIO_PROCESS, 0):
            return False
        return all(
            _within(hard, resource.getrlimit(getattr(resource, name))[1])
            for name, (_, hard) in caller["limits"].items()
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


@contextmanager
def _as_caller(caller: dict[str, Any]) -> Iterator[None]:
    """Run with the caller's umask, nice and limits; restore what can be.

    A lowered hard limit or a raised nice cannot be undone without privilege,
    but a worker serves one command and then leaves.
    """
    import resource

    mask = os.umask(int(caller["umask"]))
    if caller["nice"] != os.getpriority(os.PRIO_PROCESS, 0):
        with suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, int(caller["nice"]))
    saved = {}
    for name, (soft, hard) in caller["limits"].items():
        number = getattr(resource, name)
        saved[number] = resource.getrlimit(number)
        with suppress(ValueError, OSError):
            resource.setrlimit(number, _for_command(number, int(soft), int(hard)))
    try:
        yield
    finally:
        os.umask(mask)
        for number, limits in saved.items():
            with suppress(ValueError, OSError):
                resource.setrlimit(number, limits)


def _for_command(number: int, soft: int, hard: int) -> tuple[int, int]:
    """The limit as the command would see it: CPU time counts from now."""
    import resource

    if number != resource.RLIMIT_CPU:
        return soft, hard
    usage = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(usage.ru_utime + usage.ru_stime) + 1
    infinite = resource.RLIM_INFINITY
    ours = resource.getrlimit(number)[1]
    return (
        soft if soft == infinite else soft + spent,
        hard if hard == infinite or not _within(hard + spent, ours) else hard + spent,
    )


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
