"""Factories for contacts and touches; children inherit their parent's owner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from headway.network.models import Contact, Interaction, InteractionKind
from headway.network.services import contact_touches_refresh
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

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        # The services keep each contact's touch summary current; so must we.
        touch = super()._create(model_class, *args, **kwargs)
        contact_touches_refresh(owner=touch.owner, contact_ids=[touch.contact_id])
        return touch
