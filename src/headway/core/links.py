"""The address printed in links meant for other people or other apps (share
links, the calendar feed): HEADWAY_PUBLIC_URL when the owner exposes the app,
otherwise the address the request came in on, or 127.0.0.1 for the CLI."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def public_base(
    request: HttpRequest | None = None, *, host: str = "", port: int = 0
) -> str:
    """The scheme, host and path prefix to put in front of a site path.

    An explicit `host` (a CLI option) wins; then HEADWAY_PUBLIC_URL; then the
    request's own address; then http://127.0.0.1:8000.
    """
    if not host and settings.PUBLIC_URL:
        return str(settings.PUBLIC_URL)
    if not host and request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    host = host or "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port or 8000}"


def reaches_only_this_computer() -> bool:
    """A link printed now would open only on this machine: local mode with no
    public address set (nobody else can reach 127.0.0.1)."""
    return bool(settings.LOCAL_MODE and not settings.PUBLIC_URL)
