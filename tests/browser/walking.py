"""The page list of the browser walk, read from the URL resolver, and the
checks made on every page (tests/browser/test_walk.py).

Every route of the resolver is one of:
- a page: a GET answers 200 with a whole HTML document. A route without
  arguments is probed and walked; a route with arguments needs an entry in
  `PAGE_ARGS` (which objects of the rich owner fill it);
- an action: a GET answers 405 (POST only); probed, never walked;
- excluded in `NOT_PAGES`, each with its reason (the API, downloads, feeds,
  htmx fragments, one-time links, server-mode-only routes).
Anything else fails the walk (test_walk.py) before it starts, naming the
route, so a new page cannot be forgotten by the walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Routes that are not pages a person opens, and why. A name ending in ":*"
# covers a whole namespace.
NOT_PAGES: dict[str, str] = {
    "api:*": "the JSON API: tests/api (schemathesis) covers it",
    "admin:*": "Django's admin: not Headway's surface",
    "healthz": "JSON for load balancers",
    "accounts:login-token": "a one-time sign-in link; tests/browser/signing_in.py",
    "accounts:logout": "POST only (sign out)",
    "reviews:calendar-feed": "an iCalendar download",
    "reviews:archive": "the whole archive as a ZIP download",
    "portfolio:sample-download": "a work sample download",
    "share:sample-for-user": "a work sample download",
    "share:sample-by-link": "a work sample download",
    "network:export-vcard": "a vCard download",
    "journal:entry-form": "htmx fragment: the fields of the kind chosen",
    "share:for-user": "server mode only (a named recipient); tests/web",
    # POST-only actions that take an argument (no-argument ones are probed).
    "reviews:cadence-done": "POST only",
    "accounts:role-remove": "POST only",
    "accounts:token-revoke": "POST only",
    "journal:entry-delete": "POST only (its confirmation belongs to safe deletes)",
    "goals:goal-checkin": "POST only",
    "goals:goal-done": "POST only",
    "shares:share-revoke": "POST only",
    "network:contact-touch": "POST only",
    "network:contact-delete": "POST only (its confirmation belongs to safe deletes)",
    "core:trash-undo": "POST only (Undo after a delete)",
    "journal:draft-keep": "POST only (a harvested draft kept)",
    "journal:draft-discard": "POST only (a harvested draft discarded)",
    "opportunities:opening-move": "POST only",
    "opportunities:opening-follow-up": "POST only",
    "opportunities:opening-role": "POST only (the role an accepted offer adds)",
    "opportunities:opening-setback": "POST only (the setback a rejection logs)",
    "opportunities:candidate-move": "POST only",
    "reviews:review-report": "a report download (md, html, pdf, json)",
    "accounts:people": "server mode, administrators only (404 here); "
    "tests/browser/test_server_accounts_pages.py",
    "accounts:invite": "server mode, opened by an invitation's one-time token; "
    "tests/browser/test_server_accounts_pages.py",
    "accounts:password-reset-confirm": "opened from a reset e-mail's one-time "
    "link; tests/accounts/test_server_accounts.py",
}


@dataclass(frozen=True)
class Route:
    name: str
    arguments: tuple[str, ...]


def routes() -> Iterator[Route]:
    """Every named route of the resolver, namespaced as `reverse` wants it."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                full = ":".join(part for part in (namespace, inner) if part)
                yield from walk(pattern.url_patterns, full)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield Route(name, tuple(pattern.pattern.converters))

    seen: set[str] = set()
    for route in walk(get_resolver().url_patterns, ""):
        if route.name not in seen:
            seen.add(route.name)
            yield route


def excluded(name: str) -> bool:
    namespace = name.split(":")[0]
    return name in NOT_PAGES or f"{namespace}:*" in NOT_PAGES


@dataclass
class World:
    """The rich owner's objects that fill the routes' arguments."""

    entry: int = 0
    entry_with_sample: int = 0
    goal: int = 0
    contact: int = 0
    mentor: int = 0
    manager: int = 0
    share_token: str = ""
    steps: tuple[str, ...] = ()
    share: int = 0
    review: int = 0
    periods: tuple[tuple[str, str], ...] = ()  # (kind, label) of this week, …
    need: int = 0
    skill: int = 0
    company: int = 0
    opening: int = 0
    candidate: int = 0


# Which objects fill a route's arguments: one or more sets of keyword arguments.
PAGE_ARGS: dict[str, Callable[[World], list[dict[str, Any]]]] = {
    "core:section": lambda w: [{"name": "reviews"}],
    "reviews:start-step": lambda w: [{"step": step} for step in w.steps],
    "journal:entry-detail": lambda w: [{"pk": w.entry}, {"pk": w.entry_with_sample}],
    "journal:entry-edit": lambda w: [{"pk": w.entry}],
    "journal:entry-samples": lambda w: [{"pk": w.entry_with_sample}],
    "goals:goal-detail": lambda w: [{"pk": w.goal}],
    "goals:goal-edit": lambda w: [{"pk": w.goal}],
    "goals:goal-drop": lambda w: [{"pk": w.goal}],
    "network:contact-detail": lambda w: [{"pk": w.contact}, {"pk": w.mentor}],
    "network:contact-edit": lambda w: [{"pk": w.contact}],
    "network:mentor-prep": lambda w: [{"pk": w.mentor}],
    "network:manager-prep": lambda w: [{"pk": w.manager}],
    "share:by-link": lambda w: [{"token": w.share_token}],
    "shares:share-delete": lambda w: [{"pk": w.share}],
    "goals:goal-delete": lambda w: [{"pk": w.goal}],
    "reviews:review-detail": lambda w: [{"pk": w.review}],
    "reviews:review-start": lambda w: [{"kind": kind} for kind, _ in w.periods],
    "reviews:review-flow": lambda w: [
        {"kind": kind, "period": label} for kind, label in w.periods
    ],
    "reviews:gap": lambda w: [{"need_id": w.need}],
    "growth:skill-detail": lambda w: [{"pk": w.skill}],
    "opportunities:company-detail": lambda w: [{"pk": w.company}],
    "opportunities:company-edit": lambda w: [{"pk": w.company}],
    "opportunities:opening-detail": lambda w: [{"pk": w.opening}],
    "opportunities:candidate-detail": lambda w: [{"pk": w.candidate}],
}


@dataclass(frozen=True)
class Candidate:
    route: str
    url: str


def candidates(world: World) -> tuple[list[Candidate], list[str]]:
    """The URLs to probe, and the routes nobody said how to fill."""
    found, uncovered = [], []
    for route in routes():
        if excluded(route.name):
            continue
        if not route.arguments:
            found.append(Candidate(route.name, reverse(route.name)))
        elif route.name in PAGE_ARGS:
            for kwargs in PAGE_ARGS[route.name](world):
                found.append(Candidate(route.name, reverse(route.name, kwargs=kwargs)))
        else:
            uncovered.append(f"{route.name} ({', '.join(route.arguments)})")
    return found, uncovered


def probe(client: Any, world: World) -> tuple[list[Candidate], list[str]]:
    """The pages (GET: a whole HTML document), and what is wrong with the rest:
    routes without a way to fill them, and GET answers that are neither a
    page, a redirect, nor a refusal of GET (405)."""
    found, problems = candidates(world)
    pages = []
    for candidate in found:
        response = client.get(candidate.url)
        if response.status_code == 405:
            continue  # an action: POST only
        streamed = getattr(response, "streaming", False)  # a file download
        body = "" if streamed else response.content.decode(errors="replace")
        body = body.lstrip().lower()
        if response.status_code in (301, 302) or (
            response.status_code == 200 and body.startswith("<!doctype html")
        ):
            pages.append(candidate)
        else:
            problems.append(
                f"{candidate.route} {candidate.url}: GET answers "
                f"{response.status_code} {response.get('Content-Type', '')}"
            )
    return pages, [f"{problem}: walk it or add it to NOT_PAGES" for problem in problems]


# One evaluation per page: what the page itself reports. Tap targets: every
# visible link, button, field, select and summary is at least 44 x 44 px at
# phone size, except a link inside a line of text (WCAG 2.5.8's inline
# exception: its size is set by the line of text around it; such a link is
# display: inline, the class .inline-link on a phone). A checkbox or
# radio counts its label when the label wraps it (the label is the target).
PAGE_REPORT = (Path(__file__).parent / "page_report.js").read_text()

# Recorded before any page script runs: CSP violations do not always reach the
# console, this listener always hears them.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""
