"""The warm worker's side: warm up, wait for one command, run it as its caller.

`headway.warm` is the client and describes the whole arrangement; this module
runs as `python -P -m headway.warm_worker` in "/" (see `warm.spawn`).
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from headway.warm import (
    COMPLETE_VAR,
    DECLINED,
    FORWARDED,
    HANDSHAKE_SECONDS,
    IDLE_SECONDS,
    IDLE_WORKERS,
    WARM_UP_NICE,
    _folder,
    _receive,
    _send,
    _socket_path,
    code_fingerprint,
    imported_since,
    key,
    spawn,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


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
    # Listings link to pages (the agenda's links): read the URLconf, and with
    # it every view module and the API, here rather than on the user's clock.
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (the property imports the URLconf)
    return True


# How often an idle worker looks whether its data directory or its socket is
# gone (a stat each; it then leaves within this time).
WATCH_SECONDS = 1.0


def _accept(listener: socket.socket, path: str, inode: int) -> socket.socket | None:
    """The next client, unless the data directory or this socket goes first."""
    from django.conf import settings

    deadline = time.monotonic() + IDLE_SECONDS
    listener.settimeout(WATCH_SECONDS)
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
        or not (argv or COMPLETE_VAR in dict(request.get("env", {})))
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
