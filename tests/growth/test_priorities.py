"""Priorities: the catalog plus the owner's own, dated rankings with history."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from headway.growth import selectors, services
from headway.growth.models import Priority, PriorityRanking, StrengthsAnswer


def test_every_owner_starts_with_the_catalog(alice: Any) -> None:
    names = {p.name for p in services.priorities_ensure(owner=alice)}
    assert len(names) == 8
    assert {
        "Promotion to a more senior role",
        "Work-life balance",
        "Higher pay",
    } <= names


def test_own_priorities_join_the_catalog_once(alice: Any) -> None:
    first = services.priority_add(owner=alice, name="  Lead a team   abroad ")
    again = services.priority_add(owner=alice, name="lead a team abroad")
    assert first == again
    assert first.name == "Lead a team abroad"
    assert first.is_own
    assert Priority.objects.for_owner(alice).count() == 9


def test_ranking_by_key_name_or_part_of_a_name(alice: Any) -> None:
    services.priorities_rank_names(
        owner=alice, names=["new skill", "promotion", "Work-life balance"]
    )
    ranked = [p.catalog_key for p in services.current_ranking(owner=alice)]
    assert ranked == ["new-skill", "promotion", "balance"]


def test_an_unknown_priority_names_the_way_out(alice: Any) -> None:
    with pytest.raises(ValidationError, match="headway priorities add"):
        services.priorities_rank_names(owner=alice, names=["fame"])
    assert PriorityRanking.objects.count() == 0


def test_rankings_on_different_days_are_kept_as_history(alice: Any) -> None:
    services.priorities_rank_names(
        owner=alice, names=["travel", "pay"], ranked_on=date(2025, 3, 1)
    )
    services.priorities_rank_names(
        owner=alice, names=["promotion"], ranked_on=date(2026, 11, 23)
    )
    shown = selectors.priorities_as_dict(owner=alice, history=True)
    assert [p["key"] for p in shown["ranked"]] == ["promotion"]
    assert [h["ranked_on"] for h in shown["history"]] == ["2026-11-23", "2025-03-01"]
    assert [p["key"] for p in shown["history"][1]["ranked"]] == ["travel", "pay"]


def test_re_ranking_the_same_day_replaces_that_days_ranking(alice: Any) -> None:
    day = date(2026, 11, 23)
    services.priorities_rank_names(owner=alice, names=["travel"], ranked_on=day)
    services.priorities_rank_names(owner=alice, names=["pay"], ranked_on=day)
    assert PriorityRanking.objects.count() == 1
    assert [p.catalog_key for p in services.current_ranking(owner=alice)] == ["pay"]


def test_moving_up_and_down_and_adding_to_the_ranking(alice: Any) -> None:
    services.priorities_rank_names(owner=alice, names=["promotion", "pay", "travel"])
    travel = Priority.objects.get(owner=alice, catalog_key="travel")
    balance = Priority.objects.get(owner=alice, catalog_key="balance")
    services.priority_move(owner=alice, priority_id=travel.pk, step=-1)
    services.priority_move(owner=alice, priority_id=balance.pk, step=0)
    services.priority_unrank(
        owner=alice, priority_id=Priority.objects.get(owner=alice, catalog_key="pay").pk
    )
    order = [p.catalog_key for p in services.current_ranking(owner=alice)]
    assert order == ["promotion", "travel", "balance"]


def test_another_users_priority_cannot_be_moved(alice: Any, bob: Any) -> None:
    bobs = services.priorities_ensure(owner=bob)[0]
    with pytest.raises(Http404):
        services.priority_move(owner=alice, priority_id=bobs.pk, step=1)


def test_strengths_answers_are_dated_and_kept(alice: Any) -> None:
    services.strengths_save(
        owner=alice, energy="Teaching", answered_on=date(2025, 6, 1)
    )
    services.strengths_save(
        owner=alice,
        energy="Untangling incidents",
        excel="SQL",
        enjoyed_roles="Support lead: people",
        answered_on=date(2026, 11, 23),
    )
    history = selectors.strengths_history(owner=alice)
    assert [a.energy for a in history] == ["Untangling incidents", "Teaching"]
    assert selectors.strengths_latest(owner=alice) == history[0]


def test_empty_strengths_answers_are_refused(alice: Any) -> None:
    with pytest.raises(ValidationError, match="empty"):
        services.strengths_save(owner=alice, energy=" ", excel="")
    assert StrengthsAnswer.objects.count() == 0
