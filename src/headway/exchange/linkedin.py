"""LinkedIn's "Connections.csv" (from its data export) into contact records.

The file has had many shapes over the years: a few "Notes:" lines before the
header, a UTF-8 byte-order mark, no URL column before 2020, columns in another
order, dates as `12 Mar 2021`, `08 Jan 2018` or `1/8/18, 6:14 PM`. Any header
with first name, last name, company, position and connected-on columns is
accepted; every problem is reported with its line number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO

from headway.exchange.contact_records import (
    ContactRecord,
    ContactSource,
    NotText,
    ParsedContacts,
    StreamedContacts,
    text_from_bytes,
    text_lines,
)

WHAT = "LinkedIn Connections.csv"
LINKEDIN_TAG = "linkedin"

# Each column we read, and the header spellings (letters only) that name it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "first": ("firstname", "first", "givenname"),
    "last": ("lastname", "last", "surname", "familyname"),
    "url": ("url", "profileurl", "linkedinurl", "profile"),
    "email": ("emailaddress", "email", "emailaddresses"),
    "company": ("company", "organization", "organisation", "companyname"),
    "position": ("position", "title", "jobtitle", "headline"),
    "connected": ("connectedon", "connected", "connectiondate", "connectedsince"),
}
REQUIRED = ("first", "last", "company", "position", "connected")
LABELS = {
    "first": "First Name",
    "last": "Last Name",
    "company": "Company",
    "position": "Position",
    "connected": "Connected On",
}
DATE_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%Y-%m-%d",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%b %d, %Y",
    "%d-%b-%y",
)
_LETTERS = re.compile(r"[^a-z]")
_CSV_LIMIT = 1_000_000


def connected_on_parse(text: str) -> date | None:
    """A connected-on date in any format LinkedIn has used; None if none fits."""
    value = " ".join(text.replace("\u202f", " ").split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    return None


def _column_key(cell: str) -> str | None:
    letters = _LETTERS.sub("", cell.strip().lstrip("\ufeff").lower())
    for key, spellings in COLUMNS.items():
        if letters in spellings:
            return key
    return None


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions when this row is a header (first and last name at least)."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _column_key(cell)
        if key and key not in positions:
            positions[key] = index
    return positions if {"first", "last"} <= set(positions) else None


def _rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, its cells); blank lines are left out."""
    csv.field_size_limit(_CSV_LIMIT)
    reader = csv.reader(lines, strict=True)
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def parse(data: bytes) -> ParsedContacts:
    """Every connection as a record, or the errors that stop the import."""
    parsed = ParsedContacts()
    try:
        text = text_from_bytes(data, what=WHAT)
    except NotText as error:
        parsed.errors.append(str(error))
        return parsed
    parsed.records.extend(_records(io.StringIO(text, newline=""), parsed))
    return parsed


def parse_stream(stream: IO[bytes]) -> StreamedContacts:
    """As `parse`, reading the file as the records are consumed."""
    streamed = StreamedContacts()
    lines = text_lines(stream, what=WHAT, errors=streamed.errors)
    streamed.records = _records(lines, streamed)
    return streamed


def _records(lines: Iterable[str], parsed: ContactSource) -> Iterator[ContactRecord]:
    rows = _rows(lines)
    try:
        positions = _find_header(rows, parsed)
        if positions is None:
            return
        width = max(v for k, v in positions.items() if k != "_width") + 1
        for line, cells in rows:
            record = _row(line, cells, positions, width, parsed)
            if record is not None:
                yield record
    except csv.Error as error:
        parsed.errors.append(f"Line {_line_of(error)}: the CSV is malformed ({error}).")


def _line_of(error: csv.Error) -> str:
    found = re.search(r"line (\d+)", str(error))
    return found.group(1) if found else "?"


def _find_header(
    rows: Iterator[tuple[int, list[str]]], parsed: ContactSource
) -> dict[str, int] | None:
    for line, cells in rows:
        positions = _header(cells)
        if positions is None:
            continue  # a "Notes:" preamble line
        missing = [LABELS[key] for key in REQUIRED if key not in positions]
        if missing:
            parsed.errors.append(
                f"Line {line}: the header has no {', '.join(missing)} column; "
                "export Connections.csv from LinkedIn again."
            )
            return None
        positions["_width"] = len(cells)
        return positions
    parsed.errors.append(
        "No header row found: expected First Name, Last Name, Company, "
        "Position and Connected On columns."
    )
    return None


def _row(
    line: int,
    cells: list[str],
    positions: dict[str, int],
    width: int,
    parsed: ContactSource,
) -> ContactRecord | None:
    header_width = positions["_width"]
    if len(cells) > header_width:
        parsed.errors.append(
            f"Line {line}: {len(cells)} columns but the header has {header_width}; "
            "a value with a comma needs quotes."
        )
        return None
    if len(cells) < width:
        parsed.errors.append(
            f"Line {line}: only {len(cells)} columns; the header has {header_width}."
        )
        return None

    def cell(key: str) -> str:
        index = positions.get(key)
        return cells[index].strip() if index is not None else ""

    name = " ".join(f"{cell('first')} {cell('last')}".split())
    if not name:
        parsed.skipped += 1  # LinkedIn blanks members who hid their name
        return None
    connected = cell("connected")
    met_on = connected_on_parse(connected) if connected else None
    if connected and met_on is None:
        parsed.errors.append(
            f"Line {line}: cannot read the date {connected!r}; expected a date "
            "like 12 Mar 2021."
        )
        return None
    email = cell("email")
    return ContactRecord(
        line=line,
        name=name,
        organisation=cell("company"),
        role=cell("position"),
        emails=(email,) if email else (),
        profile_url=cell("url"),
        met_how="online",
        met_where="LinkedIn",
        met_on=met_on,
        tags=(LINKEDIN_TAG,),
    )
