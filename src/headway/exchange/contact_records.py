"""What a contact importer produces: records with their line, and line-numbered errors.

Each format (LinkedIn CSV, vCard) turns bytes into `ParsedContacts`; the
network's import service decides what is new and what matches, and writes all
of it or none of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Protocol

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


class ContactSource(Protocol):
    """What an import reads: records (a list, or a stream read as it goes), and
    the errors and skipped count, complete once the records are exhausted."""

    @property
    def records(self) -> Iterable[ContactRecord]: ...

    errors: list[str]
    skipped: int


@dataclass
class StreamedContacts:
    """Records parsed while they are read, so a file of any size is never held
    in memory; `errors` and `skipped` fill in as `records` is consumed."""

    records: Iterator[ContactRecord] = field(default_factory=lambda: iter(()))
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


SNIFF_BYTES = 65536


def text_lines(stream: IO[bytes], *, what: str, errors: list[str]) -> Iterator[str]:
    """The lines of a UTF-8 file, decoded a chunk at a time (never all at once).

    Line ends are kept as they are (csv's `newline=""`). The same refusals as
    `text_from_bytes` (too big, binary, not UTF-8) are appended to `errors`,
    which ends the lines.
    """
    raw = getattr(stream, "file", stream)  # Django's File wraps the real file
    raw.seek(0, io.SEEK_END)
    size = raw.tell()
    raw.seek(0)
    if size > MAX_IMPORT_BYTES:
        errors.append(
            f"The {what} is {size / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB."
        )
        return
    if b"\x00" in raw.read(SNIFF_BYTES):
        errors.append(f"This is not a text file; expected a {what}.")
        return
    raw.seek(0)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    number = 0
    try:
        for number, line in enumerate(text, start=1):  # noqa: B007 - used below
            yield line
    except UnicodeDecodeError:
        where = f"After line {number}" if number else "Line 1"
        errors.append(
            f"{where}: this is not UTF-8 text; expected a {what} "
            "(save it again as UTF-8)."
        )
    finally:
        text.detach()  # leave the caller's file open
