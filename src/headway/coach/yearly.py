"""The yearly review's judgements on plain data: which accomplishments lead,
and which months were quiet. Everything else in the review is counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TOP_ACCOMPLISHMENTS = 5


@dataclass(frozen=True)
class Accomplishment:
    id: int
    title: str
    occurred_on: date
    starred: bool
    near_parts: int  # how many of Numbers, Example, Achievement, Result are written
    bullet: str = ""


def top_accomplishments(
    items: list[Accomplishment], *, limit: int = TOP_ACCOMPLISHMENTS
) -> list[Accomplishment]:
    """The quarter's best projects first (starred), then the fullest NEAR
    accounts, then the most recent: the ones a reader can check."""
    ranked = sorted(
        items,
        key=lambda item: (item.starred, item.near_parts, item.occurred_on, item.id),
        reverse=True,
    )
    return ranked[: max(limit, 0)]


def quiet_months(scores: dict[date, float], *, threshold: float) -> list[date]:
    """The months whose momentum stayed under the drift threshold, in order."""
    return sorted(month for month, score in scores.items() if score < threshold)
