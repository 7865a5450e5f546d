"""Hostile text in every text field, and every page that shows it escaped.

Alice owns one row of every kind (the archive tests' `fill`); then every
free-text field of every row she owns is overwritten, straight in the
database so no form's cleaning helps, with a payload from a small corpus of
ways to break out of text, attributes and URLs. Every page she can open, and
the page her share link opens, must show the payloads as text: no tag, no
handler and no `javascript:` link built from them.
"""

from __future__ import annotations

import itertools
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from headway.goals.models import Goal
from headway.sharing.shares import share_create
from tests.reviews.archive_data import fill
from tests.test_privacy import ID_ROUTES, PLAIN_ROUTES, body_of
from tests.test_privacy import fill as fill_route

CORPUS = [
    "<script>hwxss()</script>",
    '"><img src=x onerror=hwxss()>',
    "'><svg onload=hwxss()>",
    '<a href="javascript:hwxss()">click</a>',
    "<iframe srcdoc='<script>hwxss()</script>'>",
    "javascript:hwxss()",
    "</textarea><script>hwxss()</script>",
    "{{ hwxss }}{% hwxss %}",
]


class Markup(HTMLParser):
    """What the browser would build from a page: the payloads that became
    elements, attributes or script rather than text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.broken_out: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "hwxss" in value:
                self.broken_out.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and value.startswith(
                "javascript:"
            ):
                self.broken_out.append(f"<{tag} {name}={value!r}>")
            if name == "srcdoc" and "hwxss" in value:
                self.broken_out.append(f"<{tag} srcdoc>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "hwxss" in data:
            self.broken_out.append(f"<script>{data[:60]}")


# Fields that are not free text: secrets, digests and keys the code matches on.
NOT_TEXT = {"digest", "sha256", "source_key", "key", "catalog_key", "content_type"}


def text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not field.unique
        and field.name not in NOT_TEXT
        and not field.name.endswith("password")
    ]


def poison(owner: Any) -> int:
    """Every free-text field of every row the owner has gets a payload."""
    payloads = itertools.cycle(CORPUS)
    poisoned = 0
    for model in apps.get_models():
        if model._meta.app_label not in {
            "accounts",
            "growth",
            "goals",
            "journal",
            "network",
            "reviews",
        }:
            continue
        fields = text_fields(model)
        owner_path = next(
            (
                path
                for path in ("owner", "share__owner", "ranking__owner")
                if path.split("__")[0] in {f.name for f in model._meta.fields}
            ),
            None,
        )
        if not fields or owner_path is None or model is type(owner):
            continue
        for pk in model.objects.filter(**{owner_path: owner}).values_list(
            "pk", flat=True
        ):
            values: dict[str, Any] = {}
            for field in fields:
                payload = next(payloads)
                if isinstance(field, models.URLField):
                    payload = "javascript:hwxss()"
                if field.max_length and len(payload) > field.max_length:
                    payload = "<b>hwxss</b>"[: field.max_length]
                values[field.name] = payload
            for field in model._meta.concrete_fields:
                if field.name == "links":
                    values["links"] = ["javascript:hwxss()", "data:text/html,hwxss"]
                if field.name == "details":
                    values["details"] = {
                        "url": "javascript:hwxss()",
                        "impact": CORPUS[1],
                    }
            model.objects.filter(pk=pk).update(**values)
            poisoned += len(values)
    return poisoned


def assert_escaped(url: str, response: Any) -> None:
    if "html" not in response.get("Content-Type", ""):
        return
    markup = Markup()
    markup.feed(body_of(response).decode("utf-8", "replace"))
    assert markup.broken_out == [], url


@pytest.mark.django_db
def test_every_page_shows_hostile_text_as_text(
    alice: Any, alice_client: Client
) -> None:
    fill(alice)
    goal_ids = list(Goal.objects.filter(owner=alice).values_list("pk", flat=True))
    _, token = share_create(owner=alice, goal_ids=goal_ids, include_entries=True)
    assert poison(alice) > 40  # the corpus reached every kind of row
    ids = sorted(
        {
            pk
            for model in apps.get_models()
            if any(field.name == "owner" for field in model._meta.fields)
            for pk in model.objects.filter(owner=alice).values_list("pk", flat=True)
        }
    )
    shown = 0
    for route, _ in PLAIN_ROUTES:
        url = fill_route(route, 0)
        response = alice_client.get(url)
        assert response.status_code < 500, url
        assert_escaped(url, response)
    for route, _ in ID_ROUTES:
        for pk in ids:
            url = fill_route(route, pk)
            response = alice_client.get(url)
            assert response.status_code < 500, url
            if response.status_code == 200:
                shown += 1
                assert_escaped(url, response)
    assert shown >= 8  # the detail pages of entries, goals, contacts, …
    share_page = Client().get(f"/share/{token}")
    assert share_page.status_code == 200
    assert b"hwxss" in share_page.content  # the shared goal's payload is there…
    assert_escaped("the share page", share_page)  # …as text
