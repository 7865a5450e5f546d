"""A checkout (editable install, `make run`) serves htmx from npm's node_modules."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.test import Client

NPM_HTMX = Path(__file__).parents[2] / "node_modules" / "htmx.org" / "dist"


def test_a_checkout_takes_htmx_from_node_modules() -> None:
    assert settings.HTMX_DIST == NPM_HTMX
    assert settings.STATICFILES_DIRS[0] == ("htmx", NPM_HTMX)


def test_a_checkout_serves_the_pages_with_htmx_and_htmx_itself(
    alice_client: Client,
) -> None:
    page = alice_client.get("/", follow=True)
    assert page.status_code == 200
    assert b'src="/static/htmx/htmx.min.js"' in page.content
    script = alice_client.get("/static/htmx/htmx.min.js")
    assert script.status_code == 200
    assert b"".join(script.streaming_content) == (NPM_HTMX / "htmx.min.js").read_bytes()
