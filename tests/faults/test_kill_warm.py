"""Forty `headway log` runs served by a warm worker, the client killed at
random moments (see kills.py): the worker must abort before it commits."""

from __future__ import annotations

import os

import pytest

from tests.faults.kills import kill_loop
from tests.processes import Place

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="kills `headway` on its local SQLite file; runs on the SQLite pass",
)


def test_every_acknowledged_entry_survives_forty_warm_kills(place: Place) -> None:
    kill_loop(place, 40, warm=True)
