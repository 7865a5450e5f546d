"""Entry bodies are Markdown rendered safely: no script survives."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from headway.journal.markdown import markdown_html
from tests.factories import EntryFactory


def test_markdown_is_rendered() -> None:
    html = markdown_html("**bold** and a [link](https://example.org)\n\n- one\n- two")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org"' in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "hello <img src=x onerror=alert(1)>",
        '<a href="#" onclick="alert(1)">click</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        '<svg onload="alert(1)"></svg>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<iframe src="javascript:alert(1)"></iframe>',
        "![img](javascript:alert(1))",
    ],
)
def test_no_script_event_handler_or_javascript_link_survives(body: str) -> None:
    elements = rendered_elements(markdown_html(body))
    tags = {tag for tag, _ in elements}
    attributes = [(name, value or "") for _, attrs in elements for name, value in attrs]
    assert not tags & {"script", "img", "iframe", "svg"}
    assert not [name for name, _ in attributes if name.startswith("on")]
    assert not [
        value
        for name, value in attributes
        if name in {"href", "src"}
        and not value.startswith(("https:", "http:", "mailto:"))
    ]


def rendered_elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The real elements and attributes a browser would build from the HTML."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_the_entry_page_shows_the_body_as_safe_markdown(
    alice: Any, alice_client: Client
) -> None:
    entry = EntryFactory(
        owner=alice,
        body="## What I did\n\n<script>alert(1)</script> [x](javascript:alert(1))",
    )
    page = alice_client.get(f"/log/{entry.pk}/").content.decode()
    assert "<h2>What I did</h2>" in page
    assert "<script>alert(1)</script>" not in page
    assert 'href="javascript' not in page
