"""PostgreSQL goes away under requests, then comes back.

The server reaches PostgreSQL through a TCP relay the test can cut: cutting
it drops every open connection and refuses new ones, as a stopped server
does, without stopping the PostgreSQL the rest of the suite uses. While it is
cut, pages answer a 503 page in the app's look and the API a JSON 503; when
it returns, the server recovers by itself; no acknowledged write is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.processes import HEADWAY, Place

DATABASE_URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres"),
    reason="cuts the way to PostgreSQL; runs on the PostgreSQL pass",
)


class Relay:
    """Forwards a local port to PostgreSQL until cut; can be restored."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.listener: socket.socket | None = None
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self.accept, args=(listener,), daemon=True).start()

    def accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self.pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        assert self.listener is not None
        # shutdown wakes the thread blocked in accept(); close alone would not
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for end in self.open:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            self.open.clear()


def with_database(url: str, name: str, port: int | None = None) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc if port is None else f"{parts.username}@127.0.0.1:{port}"
    return urlunsplit((parts.scheme, netloc, f"/{name}", "", ""))


@pytest.fixture
def database() -> Iterator[str]:
    name = f"headway_outage_{os.getpid()}"
    with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def call(
    url: str, token: str, method: str = "GET", body: Any = None
) -> tuple[int, Any]:
    request = urllib.request.Request(
        url,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
        method=method,
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def test_a_database_outage_is_a_503_and_passes_by_itself(
    place: Place, database: str
) -> None:
    postgres = urlsplit(DATABASE_URL)
    relay = Relay((postgres.hostname or "127.0.0.1", postgres.port or 5432))
    relay.start()
    direct = place.env | {
        "HEADWAY_WARM": "0",
        "DATABASE_URL": with_database(DATABASE_URL, database),
    }
    created = subprocess.run(
        [*HEADWAY, "token", "create", "--name", "outage"],
        env=direct,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().split()[-1]

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    relayed = with_database(DATABASE_URL, database, relay.port)
    server = subprocess.Popen(
        [*HEADWAY, "serve", "--port", str(port)],
        env=direct | {"DATABASE_URL": relayed},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    site = f"http://127.0.0.1:{port}"
    entries = f"{site}/api/v1/entries"
    try:
        deadline = time.monotonic() + 60
        while not answers(f"{site}/healthz"):
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.2)
        acknowledged = []

        def write(title: str) -> int:
            status, _ = call(entries, token, "POST", {"title": title, "kind": "note"})
            if status == 201:
                acknowledged.append(title)
            return status

        assert [write(f"Before {n}") for n in range(3)] == [201, 201, 201]

        relay.cut()
        assert write("During the outage") == 503
        status, body = call(entries, token)
        assert status == 503
        assert "database cannot be reached" in json.loads(body)["detail"]
        page = urllib.request.Request(
            f"{site}/log/", headers={"Cookie": "sessionid=" + "a" * 32}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(page, timeout=30)
        assert refused.value.code == 503
        assert refused.value.headers["Retry-After"]
        html = refused.value.read().decode()
        assert "waiting for its database" in html
        assert "Traceback" not in html
        assert call(f"{site}/healthz", token)[0] == 503

        relay.start()  # the same port: PostgreSQL is back
        deadline = time.monotonic() + 30
        while call(entries, token)[0] != 200:
            assert time.monotonic() < deadline, "the server did not recover"
            time.sleep(0.5)
        assert [write(f"After {n}") for n in range(3)] == [201, 201, 201]

        status, listed = call(f"{entries}?limit=100", token)
        assert status == 200
        items = listed["items"] if isinstance(listed, dict) else listed
        titles = {item["title"] for item in items}
        assert set(acknowledged) <= titles
        assert "During the outage" not in titles
    finally:
        server.terminate()
        server.wait(timeout=30)
        relay.cut()
