"""Factories for test data; children inherit their parent's owner."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from headway.journal.models import Entry, EntryKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a long passphrase for tests")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    owner = factory.SubFactory(UserFactory)
    kind = EntryKind.ACCOMPLISHMENT
    title = factory.Sequence(lambda n: f"Shipped release {n}")
    occurred_on = dt.date(2026, 11, 20)
