"""The packaging tests run once a suite: on its SQLite pass.

What they check (a build, an install, a server on its own SQLite data
directory) does not depend on the suite's database, so the PostgreSQL pass of
`make test` would only repeat them.
"""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        skip = pytest.mark.skip(reason="runs on the SQLite pass only")
        for item in items:
            if item.get_closest_marker("packaging"):
                item.add_marker(skip)
