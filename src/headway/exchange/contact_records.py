"""What a contact importer produces: records with their line, and line-numbered errors.

Each format (LinkedIn CSV, vCard) turns bytes into `ParsedContacts`; the
network's import service decides what is new and what matches, and writes all
of it or none of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MAX_IMPORT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ContactRecord:
    line: int
    name: str
    organisation: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    profile_url: str = ""
    met_how: str = ""
    met_where: str = ""
    met_on: date | None = None
    strength: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""


@dataclass
class ParsedContacts:
    records: list[ContactRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: int = 0


class NotText(ValueError):
    """The bytes are not a UTF-8 text file."""


def text_from_bytes(data: bytes, *, what: str) -> str:
    """UTF-8 text without a byte-order mark; refuses binaries and huge files."""
    if len(data) > MAX_IMPORT_BYTES:
        size = len(data) / 1024 / 1024
        raise NotText(
            f"The {what} is {size:.0f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB."
        )
    if b"\x00" in data[:65536]:
        raise NotText(f"This is not a text file; expected a {what}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NotText(
            f"Line {line}: this is not UTF-8 text; expected a {what} "
            "(save it again as UTF-8)."
        ) from None
    return text.lstrip("\ufeff")
