"""A hundred and sixty cold `headway log` runs killed at random moments
(see kills.py)."""

from __future__ import annotations

import os

import pytest

from tests.faults.kills import kill_loop
from tests.processes import Place

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="kills `headway` on its local SQLite file; runs on the SQLite pass",
)


def test_every_acknowledged_entry_survives_a_hundred_and_sixty_cold_kills(
    place: Place,
) -> None:
    kill_loop(place, 160, warm=False)
