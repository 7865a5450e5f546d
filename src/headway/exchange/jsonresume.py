"""A JSON Resume document (jsonresume.org, schema v1) from plain data.

The caller gathers the owner's profile, roles and entries into the frozen
records below; `resume_document` lays them out in the schema's sections and
leaves out every empty value, so what is written is only what the owner has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

SCHEMA_URL = (
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
)


@dataclass(frozen=True)
class Basics:
    name: str = ""
    label: str = ""
    email: str = ""
    location: str = ""
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Work:
    position: str
    organisation: str
    start: date
    end: date | None = None
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Certificate:
    name: str
    day: date
    issuer: str = ""
    url: str = ""


@dataclass(frozen=True)
class Publication:
    name: str
    day: date
    publisher: str = ""
    url: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Award:
    title: str
    day: date
    awarder: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Volunteer:
    position: str
    day: date
    organisation: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Skill:
    name: str
    level: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resume:
    basics: Basics
    work: tuple[Work, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    publications: tuple[Publication, ...] = ()
    awards: tuple[Award, ...] = ()
    volunteer: tuple[Volunteer, ...] = ()
    skills: tuple[Skill, ...] = ()
    modified: date | None = None


def resume_document(resume: Resume) -> dict[str, Any]:
    """The document as a dict ready for `json.dumps`."""
    document: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": _basics(resume.basics),
        "work": [_work(item) for item in resume.work],
        "volunteer": [_volunteer(item) for item in resume.volunteer],
        "awards": [_award(item) for item in resume.awards],
        "certificates": [_certificate(item) for item in resume.certificates],
        "publications": [_publication(item) for item in resume.publications],
        "skills": [_skill(item) for item in resume.skills],
    }
    if resume.modified is not None:
        document["meta"] = {"version": "v1.0.0", "lastModified": _day(resume.modified)}
    cleaned: dict[str, Any] = _without_empty(document)
    return cleaned


def _basics(basics: Basics) -> dict[str, Any]:
    links = list(basics.links)
    return {
        "name": basics.name,
        "label": basics.label,
        "email": basics.email,
        "url": links[0] if links else "",
        "location": {"address": basics.location},
        "profiles": [_profile(link) for link in links],
    }


def _profile(link: str) -> dict[str, str]:
    """A link as a profile: the site's name and the last part of the path."""
    try:
        parts = urlsplit(link)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # not a web address after all: name no site
        return {"network": "", "username": "", "url": link}
    path = [piece for piece in parts.path.split("/") if piece]
    return {"network": host, "username": path[-1] if path else "", "url": link}


def _work(work: Work) -> dict[str, Any]:
    return {
        "name": work.organisation,
        "position": work.position,
        "startDate": _day(work.start),
        "endDate": _day(work.end),
        "highlights": list(work.highlights),
    }


def _volunteer(item: Volunteer) -> dict[str, Any]:
    return {
        "organization": item.organisation,
        "position": item.position,
        "startDate": _day(item.day),
        "summary": item.summary,
    }


def _award(item: Award) -> dict[str, Any]:
    return {
        "title": item.title,
        "date": _day(item.day),
        "awarder": item.awarder,
        "summary": item.summary,
    }


def _certificate(item: Certificate) -> dict[str, Any]:
    return {
        "name": item.name,
        "date": _day(item.day),
        "issuer": item.issuer,
        "url": item.url,
    }


def _publication(item: Publication) -> dict[str, Any]:
    return {
        "name": item.name,
        "publisher": item.publisher,
        "releaseDate": _day(item.day),
        "url": item.url,
        "summary": item.summary,
    }


def _skill(item: Skill) -> dict[str, Any]:
    return {"name": item.name, "level": item.level, "keywords": list(item.keywords)}


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _without_empty(value: Any) -> Any:
    """Drop empty strings, lists and objects at every depth (the schema's
    dates must match a pattern, so an empty one would not validate)."""
    if isinstance(value, dict):
        kept = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in ("", [], {})}
    if isinstance(value, list):
        kept_items = [_without_empty(item) for item in value]
        return [item for item in kept_items if item not in ("", [], {})]
    return value
