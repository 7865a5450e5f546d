"""The Undo button a delete's message carries."""

from __future__ import annotations

import re
from typing import Any

from django import template

register = template.Library()

UNDO_TAG = re.compile(r"\btrash-(\d+)\b")


@register.filter
def undo_id(message: Any) -> int | None:
    """The trash id a "Deleted …" message can undo, or None."""
    found = UNDO_TAG.search(getattr(message, "extra_tags", "") or "")
    return int(found.group(1)) if found else None
