"""Signing in as the local owner through a one-time link, as a person would."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from headway.accounts.services import owner_ensure
from headway.cli import app
from headway.reviews.services import onboarding_finish


def sign_in(page: Page, live_server: Any, *, guided_start: bool = False) -> Any:
    """Sign the local owner in. Unless `guided_start`, the owner has left the
    guided start already, so the link lands on the dashboard."""
    owner = owner_ensure()
    if not guided_start:
        onboarding_finish(owner=owner)
    server = urlsplit(live_server.url)
    printed = CliRunner().invoke(
        app, ["login-url", "--host", server.hostname, "--port", str(server.port)]
    )
    assert printed.exit_code == 0, printed.output
    page.goto(printed.stdout.strip())
    heading = "Getting started" if guided_start else "Dashboard"
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    return owner
