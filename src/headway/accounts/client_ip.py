"""Who is signing in: the client's address, as far as it can be trusted.

REMOTE_ADDR is the peer of the connection. Only when that peer is one of the
proxies named in HEADWAY_TRUSTED_PROXIES is X-Forwarded-For read, from the
right (the entries our proxies added) to the first address that is not one of
them: everything left of it was written by the client and proves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    import ipaddress

    Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_proxies(values: Iterable[str]) -> list[Network]:
    """Parse HEADWAY_TRUSTED_PROXIES (addresses or networks), failing loudly."""
    values = list(values)
    if not values:
        return []  # the usual case, without importing ipaddress at start-up
    import ipaddress

    try:
        return [ipaddress.ip_network(value, strict=False) for value in values]
    except ValueError as error:
        raise ImproperlyConfigured(
            f"HEADWAY_TRUSTED_PROXIES: {error}; give addresses or networks "
            "separated by commas, e.g. 127.0.0.1,10.0.0.0/8."
        ) from error


def client_ip(request: Any) -> str | None:
    """The client's address for login throttling (django-axes calls this)."""
    peer: str | None = request.META.get("REMOTE_ADDR")
    proxies: tuple[Network, ...] = tuple(getattr(settings, "TRUSTED_PROXIES", ()))
    if not peer or not _trusted(peer, proxies):
        return peer
    forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",")]):
        if not _valid(hop):
            break
        if not _trusted(hop, proxies):
            return hop
    return peer


def _valid(address: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    if not proxies:
        return False
    import ipaddress

    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)
