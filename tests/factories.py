"""Factories for test data; children inherit their parent's owner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from headway.journal import search
from headway.journal.models import Entry, EntryKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    # Tests sign in with force_login; an unusable password skips Argon2, which
    # costs most of a second per user on this machine.
    password = "!unusable"


class EntryFactory(factory.django.DjangoModelFactory):
    """An entry saved directly; its search text is indexed like the service does."""

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    kind = EntryKind.ACCOMPLISHMENT
    title = factory.Sequence(lambda n: f"Shipped release {n}")
    occurred_on = dt.date(2026, 11, 20)

    @factory.post_generation
    def tags(self, create: bool, names: Any, **kwargs: Any) -> None:
        from headway.journal.services import tags_resolve

        if create and names:
            self.tags.set(tags_resolve(owner=self.owner, names=list(names)))

    @factory.post_generation
    def indexed(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        self.search_text = search.entry_document(
            self, tags=self.tag_names, samples=[s.name for s in self.samples.all()]
        )
        Entry.objects.filter(pk=self.pk).update(search_text=self.search_text)
        search.index_replace(pk=self.pk, old_text=None, new_text=self.search_text)


def upload(name: str = "slides.pdf", content: bytes = b"%PDF-1.4 slides") -> Any:
    """A file as a form or the CLI hands it to the service."""
    return ContentFile(content, name=name)
