"""`headway log` killed with SIGKILL at random moments, and what must hold after.

Every entry a command acknowledged (exit 0 and its id printed) must be there
afterwards, no entry may be there twice, and SQLite must find its file whole.
A kill may land before, during or after the write: what was not acknowledged
may or may not have been saved, but never half.

The moments are drawn over the length of an uninterrupted run measured just
before, so the kills fall at every stage however loaded the machine is.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time

from tests.processes import HEADWAY, Place


def log_and_kill(place: Place, title: str, after: float, *, warm: bool) -> bool:
    """Start `headway log TITLE`, SIGKILL it `after` seconds later unless it
    finished; say whether it acknowledged the entry."""
    process = subprocess.Popen(
        [*HEADWAY, "log", title],
        env=place.env | {"HEADWAY_WARM": "1" if warm else "0"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        return False
    assert "database is locked" not in stderr
    assert process.returncode == 0, stderr
    return stdout.strip().isdigit()


def timed_log(place: Place, title: str, *, warm: bool) -> float:
    started = time.monotonic()
    assert log_and_kill(place, title, 120, warm=warm)
    return time.monotonic() - started


def ready_worker(place: Place) -> None:
    """A worker waiting for the next command: the one a served command leaves,
    or, when a kill took the client before it could leave one, a new one."""
    deadline = time.monotonic() + 20  # successors warm up at a low priority
    while not place.sockets() and time.monotonic() < deadline:
        time.sleep(0.1)
    if not place.sockets():
        assert place.headway("entries", "-n", "1").returncode == 0
        place.wait_for_worker()


def kill_loop(place: Place, kills: int, *, warm: bool) -> None:
    chance = random.Random(20261203 + warm)
    acknowledged = set()
    tried = []
    for number in range(kills):
        if warm:
            ready_worker(place)
        # measured every tenth kill: the machine's load changes as the suite runs
        if number % 10 == 0:
            title = f"Measured {number}"
            length = timed_log(place, title, warm=warm)
            acknowledged.add(title)
            tried.append(title)
            if warm:
                ready_worker(place)
        title = f"Kill test {number}"
        tried.append(title)
        if log_and_kill(place, title, chance.uniform(0.02, length * 1.5), warm=warm):
            acknowledged.add(title)
    time.sleep(1)  # a worker whose client died finishes aborting

    listed = place.headway("entries", "--json", "-n", "1000", HEADWAY_WARM="0")
    assert listed.returncode == 0, listed.stderr
    titles = [entry["title"] for entry in json.loads(listed.stdout)]
    assert acknowledged <= set(titles), sorted(acknowledged - set(titles))
    assert len(titles) == len(set(titles)), "an entry was saved twice"
    assert set(titles) <= set(tried)
    killed = [title for title in tried if title not in acknowledged]
    finished = [title for title in acknowledged if title.startswith("Kill test")]
    # the kills landed at every stage: many before the answer, some after it
    assert len(killed) > kills // 4, len(killed)
    assert finished, "no run outlived its kill: the moments were all too early"

    with sqlite3.connect(place.data / "headway.sqlite3") as database:
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
