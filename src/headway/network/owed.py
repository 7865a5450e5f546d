"""What areas above the network owe people, shown on the network's due list.

The network sits below the apps that know about openings and mentor asks,
so it never imports them: each registers a source here from its
`AppConfig.ready()`, and the due list page asks every source. A source gets
the owner and today and hands back plain rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Owed:
    """A follow-up owed outside the contact cadences: what, since when, where."""

    title: str
    due: date
    url: str


Source = Callable[[Any, date], list[Owed]]
SOURCES: list[Source] = []


def owed_register(source: Source) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def owed_list(*, owner: Any, today: date) -> list[Owed]:
    """Everything the registered areas say is owed by today, oldest first."""
    return sorted(
        (row for source in SOURCES for row in source(owner, today)),
        key=lambda row: (row.due, row.title),
    )
