"""`{{ url|outbound }}`: a link the user wrote, made safe to put in an href.

Forms accept only web addresses, but rows also arrive by imports, archives
and the API; whatever got in, a page never builds a `javascript:` or `data:`
link from it. Anything but http(s) and mailto becomes a link to nowhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template

register = template.Library()

SAFE_SCHEMES = {"http", "https", "mailto"}
NOWHERE = "#"


def is_outbound_safe(url: object) -> bool:
    text = str(url or "").strip()
    try:
        return urlsplit(text).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


@register.filter
def outbound(url: object) -> str:
    return str(url).strip() if is_outbound_safe(url) else NOWHERE
