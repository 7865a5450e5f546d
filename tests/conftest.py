"""The fixed cast: alice owns, bob is another user, charlie a stranger."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.processes import Place


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None) -> None:
    """The test database is migrated already: say so, so that CLI commands run
    in a test never try to migrate it inside the test's transaction."""
    from headway.core.bootstrap import stamp_write

    stamp_write()


@pytest.fixture
def alice(db: None) -> Any:
    # Created first, so in local mode she is the owner the CLI acts for.
    return UserFactory(username="alice")


@pytest.fixture
def bob(alice: Any) -> Any:
    return UserFactory(username="bob")


@pytest.fixture
def charlie(alice: Any) -> Any:
    return UserFactory(username="charlie")


@pytest.fixture
def alice_client(alice: Any) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: Any) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def alice_token(alice: Any) -> str:
    from headway.accounts.services import api_token_create

    return api_token_create(owner=alice, name="tests")[1]


@pytest.fixture
def bob_token(bob: Any) -> str:
    from headway.accounts.services import api_token_create

    return api_token_create(owner=bob, name="tests")[1]


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    """A data directory and socket folder for real `headway` processes;
    teardown removes the data directories, which makes any worker left
    waiting leave, and checks it did."""
    here = Place(tmp_path)
    yield here
    for folder in tmp_path.iterdir():  # every data directory a test made
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    deadline = time.monotonic() + 30
    while here.workers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert here.workers() == [], "a worker outlived its data directory"
    subprocess.run(["rm", "-rf", str(here.run)], check=True)


# The longest files first, so both workers start on them and the rest fills in
# around them: collected last, one of them would leave the other worker idle.
# (Not tests/cli/test_warm.py: its workers warm up at a low priority and wait
# longer beside the kill tests; with it first the SQLite pass took 11.5-12 min
# in two runs, against 10.5 before.)
SLOW_FIRST = ("tests/faults/", "tests/browser/test_walk.py", "tests/packaging/")


# Tests that run `headway` in processes of their own on a fresh SQLite data
# directory (the `place` fixture, or the `sqlite_file` mark) do exactly the
# same on the PostgreSQL pass of `make test`: they run on the SQLite pass.
SQLITE_FILE_ONLY = (
    "runs `headway` processes on a SQLite data directory of their own, the same "
    "on either pass; runs on the SQLite pass"
)


# The coaches are pure Python over plain data (import-linter forbids them
# Django): their tests meet no database, so the PostgreSQL pass leaves them too.
PURE = "tests/coach/"
PURE_ONLY = "the coach is pure (no Django, no database); runs on the SQLite pass"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(SLOW_FIRST))
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "place" in fixtures or item.get_closest_marker("sqlite_file"):
            item.add_marker(pytest.mark.skip(reason=SQLITE_FILE_ONLY))
        elif item.nodeid.startswith(PURE):
            item.add_marker(pytest.mark.skip(reason=PURE_ONLY))
