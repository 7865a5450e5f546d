"""Factories for contacts and touches; children inherit their parent's owner."""

from __future__ import annotations

import datetime as dt

import factory

from headway.network.models import Contact, Interaction, InteractionKind
from tests.factories import UserFactory


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    organisation = "Acme"
    strength = 3
    met_on = dt.date(2026, 1, 10)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    contact = factory.SubFactory(ContactFactory)
    owner = factory.LazyAttribute(lambda touch: touch.contact.owner)
    kind = InteractionKind.COFFEE
    occurred_on = dt.date(2026, 11, 1)
