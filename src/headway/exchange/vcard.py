"""vCard 3.0 and 4.0 files (one card or many) in and out, through vobject.

Cards are split on their BEGIN/END lines first so every problem names the line
its card starts on. Export writes vCard 3.0 with the fields Headway keeps in
X-HEADWAY-* properties, so an exported file re-imports to the same contacts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

import vobject
from vobject.base import VObjectError

from headway.exchange.contact_records import (
    ContactRecord,
    ContactSource,
    NotText,
    ParsedContacts,
    StreamedContacts,
    text_from_bytes,
    text_lines,
)

WHAT = "vCard file (.vcf)"
_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)
_TEL_URI = re.compile(r"^tel:", re.IGNORECASE)


def _cards(lines: Iterable[str], parsed: ContactSource) -> Iterator[tuple[int, str]]:
    """(line of BEGIN, the card's text) for every card, as the lines are read."""
    start: int | None = None
    card: list[str] = []
    found = False
    for number, line in enumerate(_split(lines), start=1):
        if _BEGIN.match(line):
            if start is not None:
                parsed.errors.append(f"Line {start}: this card has no END:VCARD.")
            start, card = number, [line]
        elif start is not None:
            card.append(line)
            if _END.match(line):
                found = True
                yield start, "\r\n".join(card) + "\r\n"
                start, card = None, []
        elif line.strip():
            parsed.errors.append(
                f"Line {number}: text outside a card (expected BEGIN:VCARD)."
            )
            break
    if start is not None:
        parsed.errors.append(f"Line {start}: this card has no END:VCARD.")
    if not found and not parsed.errors:
        parsed.errors.append("No card found: a vCard starts with BEGIN:VCARD.")


def _split(lines: Iterable[str]) -> Iterator[str]:
    """Each line without its end, split as `str.splitlines` splits a whole text."""
    for chunk in lines:
        yield from chunk.splitlines() or [""]


def parse(data: bytes) -> ParsedContacts:
    parsed = ParsedContacts()
    try:
        text = text_from_bytes(data, what=WHAT)
    except NotText as error:
        parsed.errors.append(str(error))
        return parsed
    parsed.records.extend(_records([text], parsed))
    return parsed


def parse_stream(stream: IO[bytes]) -> StreamedContacts:
    """As `parse`, reading the file as the records are consumed."""
    streamed = StreamedContacts()
    lines = text_lines(stream, what=WHAT, errors=streamed.errors)
    streamed.records = _records(lines, streamed)
    return streamed


def _records(lines: Iterable[str], parsed: ContactSource) -> Iterator[ContactRecord]:
    for line, card_text in _cards(lines, parsed):
        try:
            card = vobject.readOne(card_text)
        except (VObjectError, ValueError, AttributeError, IndexError) as error:
            parsed.errors.append(f"Line {line}: cannot read this card ({error}).")
            continue
        record = _record(line, card, parsed)
        if record is not None:
            yield record


def _values(card: Any, name: str) -> list[Any]:
    return [item.value for item in card.contents.get(name, [])]


def _first(card: Any, name: str) -> str:
    values = _values(card, name)
    if not values:
        return ""
    value = values[0]
    if isinstance(value, list):
        return ", ".join(str(part) for part in value if part)
    return str(value).strip()


def _name(card: Any) -> str:
    name = _first(card, "fn")
    if not name and card.contents.get("n"):
        parts = card.n.value
        name = " ".join(
            str(part)
            for part in (parts.prefix, parts.given, parts.additional, parts.family)
            if part and not isinstance(part, list)
        )
    return " ".join(name.split())


def _record(line: int, card: Any, parsed: ContactSource) -> ContactRecord | None:
    name = _name(card)
    if not name:
        parsed.errors.append(f"Line {line}: this card has no name (FN or N).")
        return None
    strength_text = _first(card, "x-headway-strength")
    strength: int | None = None
    if strength_text:
        if not strength_text.isdigit() or not 1 <= int(strength_text) <= 5:
            parsed.errors.append(
                f"Line {line}: strength {strength_text!r} is not 1 to 5."
            )
            return None
        strength = int(strength_text)
    met_on_text = _first(card, "x-headway-met-on")
    try:
        met_on = date.fromisoformat(met_on_text) if met_on_text else None
    except ValueError:
        parsed.errors.append(f"Line {line}: cannot read the date {met_on_text!r}.")
        return None
    urls = [str(url).strip() for url in _values(card, "url") if str(url).strip()]
    profile = _first(card, "x-headway-profile") or next(
        (url for url in urls if "linkedin.com" in url.lower()), ""
    )
    org = _values(card, "org")
    categories = [
        str(tag) for value in _values(card, "categories") for tag in value if tag
    ]
    return ContactRecord(
        line=line,
        name=name,
        organisation=str(org[0][0]).strip() if org and org[0] else "",
        role=_first(card, "title") or _first(card, "role"),
        emails=tuple(str(e).strip() for e in _values(card, "email") if str(e).strip()),
        phones=tuple(
            _TEL_URI.sub("", str(t)).strip()
            for t in _values(card, "tel")
            if str(t).strip()
        ),
        links=tuple(url for url in urls if url != profile),
        profile_url=profile,
        met_how=_first(card, "x-headway-met-how"),
        met_where=_first(card, "x-headway-met-where"),
        met_on=met_on,
        strength=strength,
        tags=tuple(categories),
        notes=_first(card, "note"),
    )


def export(contacts: Iterable[Any]) -> str:
    """vCard 3.0 text for these contacts (Contact rows with tags prefetched)."""
    return "".join(_card(contact).serialize() for contact in contacts)


def _card(contact: Any) -> Any:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    words = contact.name.split()
    family = words[-1] if len(words) > 1 else ""
    given = " ".join(words[:-1]) if len(words) > 1 else contact.name
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("uid").value = f"headway-contact-{contact.pk}"
    if contact.organisation:
        card.add("org").value = [contact.organisation]
    if contact.role:
        card.add("title").value = contact.role
    for email in contact.emails:
        card.add("email").value = email
    for phone in contact.phones:
        card.add("tel").value = phone
    for url in [contact.profile_url, *contact.links]:
        if url:
            card.add("url").value = url
    if contact.notes:
        card.add("note").value = contact.notes
    tags = contact.tag_names
    if tags:
        card.add("categories").value = tags
    extras = {
        "x-headway-strength": str(contact.strength),
        "x-headway-profile": contact.profile_url,
        "x-headway-met-how": contact.met_how,
        "x-headway-met-where": contact.met_where,
        "x-headway-met-on": contact.met_on.isoformat() if contact.met_on else "",
    }
    for key, value in extras.items():
        if value:
            card.add(key).value = value
    return card
