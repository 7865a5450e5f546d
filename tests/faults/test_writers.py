"""The web app and four CLI writers on one SQLite file for thirty seconds.

`headway serve` takes entries through the API while four `headway log` loops
(two warm, two cold) write to the same file. No writer may meet "database is
locked", and every write that was acknowledged must be there at the end.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tests.processes import HEADWAY, Place

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="writers share one local SQLite file; runs on the SQLite pass",
)

SECONDS = 30


@dataclass
class Writes:
    acknowledged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock = threading.Lock()

    def ok(self, title: str) -> None:
        with self.lock:
            self.acknowledged.append(title)

    def failed(self, what: str) -> None:
        with self.lock:
            self.failures.append(what)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(place: Place) -> Iterator[tuple[str, str]]:
    """A running `headway serve` on the place's database, and an API token."""
    created = place.headway("token", "create", "--name", "writers", HEADWAY_WARM="0")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().split()[-1]
    port = free_port()
    process = subprocess.Popen(
        [*HEADWAY, "serve", "--port", str(port)],
        env=place.env | {"HEADWAY_WARM": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.2)
    yield url, token
    process.terminate()
    process.wait(timeout=30)


def web_writer(url: str, token: str, until: float, writes: Writes) -> None:
    number = 0
    while time.monotonic() < until:
        title = f"Web write {number}"
        number += 1
        request = urllib.request.Request(
            f"{url}/api/v1/entries",
            data=json.dumps({"title": title, "kind": "note"}).encode(),
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 201
                writes.ok(title)
        except urllib.error.HTTPError as error:
            writes.failed(f"{title}: {error.code} {error.read()[:200]!r}")


def cli_writer(
    place: Place, name: str, warm: bool, until: float, writes: Writes
) -> None:
    number = 0
    while time.monotonic() < until:
        title = f"CLI {name} write {number}"
        number += 1
        result = place.headway("log", title, HEADWAY_WARM="1" if warm else "0")
        if result.returncode == 0 and result.stdout.strip().isdigit():
            writes.ok(title)
        else:
            writes.failed(f"{title}: {result.returncode} {result.stderr[-300:]}")


def test_web_and_four_cli_writers_lose_nothing_and_never_wait_on_a_lock(
    place: Place, server: tuple[str, str]
) -> None:
    url, token = server
    writes = Writes()
    until = time.monotonic() + SECONDS
    threads = [threading.Thread(target=web_writer, args=(url, token, until, writes))]
    threads += [
        threading.Thread(
            target=cli_writer, args=(place, f"{number}", number < 2, until, writes)
        )
        for number in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 180)

    assert writes.failures == []
    listed = place.headway("entries", "--json", "-n", "100000", HEADWAY_WARM="0")
    titles = [entry["title"] for entry in json.loads(listed.stdout)]
    assert sorted(titles) == sorted(writes.acknowledged)
    # every writer got through
    assert sum(title.startswith("Web write") for title in titles) > 10
    for number in range(4):
        assert any(title.startswith(f"CLI {number} ") for title in titles)
