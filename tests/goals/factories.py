"""Factories for goals, check-ins, priorities; children inherit the owner."""

from __future__ import annotations

import datetime as dt

import factory

from headway.goals.models import CheckIn, Goal
from headway.growth.models import Priority
from tests.factories import UserFactory


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Priority {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    owner = factory.SubFactory(UserFactory)
    statement = factory.Sequence(lambda n: f"Publish {n + 2} articles by June 2027")
    started_on = dt.date(2026, 11, 1)
    due = dt.date(2027, 6, 30)
    target = 4.0
    unit = "articles"


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    goal = factory.SubFactory(GoalFactory)
    owner = factory.SelfAttribute("goal.owner")
    checked_on = dt.date(2026, 11, 20)
    value = 1.0
