"""How the demo words one entry of each kind, from the moment in the career.

Accomplishments come in three qualities (full NEAR, partial, a bare title) so
the NEAR coach has something to say; feedback received carries what the owner
will adjust; certifications carry their expiry.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from headway.goals.models import Goal
from headway.journal.models import EntryKind
from headway.reviews.demo import words
from headway.reviews.demo.career import Career, Role
from headway.reviews.demo.people import Cast


@dataclass
class Draft:
    kind: str
    title: str
    occurred_on: date
    body: str = ""
    numbers: str = ""
    example: str = ""
    achievement: str = ""
    result: str = ""
    starred: bool = False
    details: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    goal_ids: list[int] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Scene:
    """Where the owner stands on the entry's day."""

    career: Career
    cast: Cast
    day: date
    goals: list[Goal]
    number: int
    rng: random.Random

    @property
    def role(self) -> Role:
        return self.career.role_on(self.day)

    def project(self) -> str:
        return self.rng.choice(self.role.projects)

    def skills(self, most: int = 2) -> list[str]:
        return self.rng.sample(self.role.skills, self.rng.randint(1, most))

    def goal_ids(self, chance: float) -> list[int]:
        if self.goals and self.rng.random() < chance:
            return [self.rng.choice(self.goals).pk]
        return []


def slug(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in kept.split("-") if part)[:40]


def draft(kind: str, scene: Scene, given: dict[str, Any] | None = None) -> Draft:
    return WRITERS[kind](scene, given or {})


def _accomplishment(scene: Scene, given: dict[str, Any]) -> Draft:
    rng, project = scene.rng, scene.project()
    quality = (
        given.get("quality")
        or rng.choices(("full", "partial", "bare"), (40, 35, 25))[0]
    )
    item = Draft(
        EntryKind.ACCOMPLISHMENT,
        f"Worked on {project}",
        scene.day,
        tags=[slug(project)],
        skills=scene.skills(),
        goal_ids=scene.goal_ids(0.35),
    )
    if quality == "bare":
        return item
    before, after, teams = rng.randint(40, 90), rng.randint(5, 30), rng.randint(2, 9)
    item.title = f"Cut the run time of {project} from {before} to {after} minutes"
    item.achievement = "Profiled the slow steps, rewrote the joins and added a cache."
    item.result = "Faster and more reliable."
    if quality == "full":
        item.numbers = f"{before} → {after} minutes; {teams} teams"
        item.example = f"The nightly run of {project} kept missing the 7 am deadline."
        item.result = (
            f"{teams} teams get their reports before stand-up; support tickets "
            f"about late data fell by {rng.randint(20, 80)}%."
        )
    return item


def _learning(scene: Scene, given: dict[str, Any]) -> Draft:
    rng = scene.rng
    subtype = (
        given.get("subtype")
        or rng.choices(
            ("course", "exam", "certification", "book", "workshop"),
            (30, 10, 15, 30, 15),
        )[0]
    )
    if "expires_in" in given:
        subtype = "certification"
    course, cert = rng.choice(words.COURSES), rng.choice(words.CERTIFICATIONS)
    titles = {
        "course": (f"Completed the course {course}", "completed"),
        "exam": (f"Passed the {cert} practice exam", f"score {rng.randint(70, 98)}%"),
        "certification": (f"Certified: {cert}", "passed"),
        "book": (f"Read {course}", "completed"),
        "workshop": (f"Workshop: {course}", "completed"),
    }
    title, outcome = titles[subtype]
    details: dict[str, Any] = {
        "subtype": subtype,
        "provider": rng.choice(words.PROVIDERS),
        "hours": float(rng.choice((2, 4, 6, 8, 12, 16, 24, 40))),
        "outcome": outcome,
    }
    if subtype == "certification":
        lapse = scene.day + timedelta(days=rng.choice((730, 1095)))
        if "expires_in" in given:
            lapse = scene.career.today + timedelta(days=given["expires_in"])
        details["expires_on"] = lapse.isoformat()
    return Draft(
        EntryKind.LEARNING,
        title,
        scene.day,
        details=details,
        tags=["learning"],
        skills=scene.skills(1),
        goal_ids=scene.goal_ids(0.4),
    )


def _content(scene: Scene, given: dict[str, Any]) -> Draft:
    rng, project = scene.rng, scene.project()
    subtype = rng.choice(("blog_post", "article", "video", "open_source"))
    title = f"What we learned rebuilding {project}"
    url = f"https://blog.example.com/{slug(title)}-{scene.number}"
    return Draft(
        EntryKind.CONTENT,
        title,
        scene.day,
        body=f"A write-up of {project}: the plan, the surprises, the numbers.",
        details={
            "subtype": subtype,
            "published_where": rng.choice(words.CONTENT_PLACES),
            "url": url,
        },
        tags=["writing"],
        skills=scene.skills(1),
        goal_ids=scene.goal_ids(0.3),
        links=[url],
    )


AUDIENCES = {"user_group": (15, 60), "meetup": (30, 120), "conference": (150, 900),
             "internal": (20, 200)}  # fmt: skip


def _talk(scene: Scene, given: dict[str, Any]) -> Draft:
    rng, project = scene.rng, scene.project()
    venue_kind = rng.choices(list(words.VENUES), (25, 25, 15, 35))[0]
    low, high = AUDIENCES[venue_kind]
    slides = f"https://slides.example.com/{slug(project)}-{scene.number}"
    return Draft(
        EntryKind.TALK,
        f"Talk: lessons from {project}",
        scene.day,
        details={
            "venue_kind": venue_kind,
            "venue": rng.choice(words.VENUES[venue_kind]),
            "audience_size": rng.randint(low, high),
            "slides_url": slides,
        },
        tags=["speaking"],
        skills=["Public speaking", *scene.skills(1)],
        goal_ids=scene.goal_ids(0.5),
        links=[slides],
    )


def _feedback(scene: Scene, given: dict[str, Any]) -> Draft:
    rng = scene.rng
    person = scene.cast.manager_on(scene.career, scene.day)
    if rng.random() < 0.5:
        person = scene.cast.someone_on(scene.career, scene.day, rng)
    received = "tone" in given or rng.random() < 0.7
    tone = (
        given.get("tone")
        or rng.choices(("positive", "constructive", "critical"), (50, 35, 15))[0]
    )
    details = {
        "direction": "received" if received else "given",
        "person": person.name,
        "tone": tone,
    }
    if received and tone != "positive":
        details["adjustment"] = rng.choice(words.FEEDBACK_ADJUSTMENTS)
        title = f"Feedback from {person.name}: {details['adjustment'].lower()}"
    elif received:
        title = f"Praise from {person.name}: {rng.choice(words.FEEDBACK_PRAISE)}"
    else:
        title = f"Gave feedback to {person.name} on their design doc"
    return Draft(
        EntryKind.FEEDBACK,
        title,
        scene.day,
        details=details,
        tags=["feedback"],
        contact_ids=[person.pk],
    )


def _reading(scene: Scene, given: dict[str, Any]) -> Draft:
    rng = scene.rng
    publication, trend = rng.choice(words.PUBLICATIONS), rng.choice(words.TRENDS)
    shared = rng.choice(("LinkedIn", "the team chat")) if rng.random() < 0.4 else ""
    details = {
        "publication": publication,
        "trend": trend,
        "point_of_view": rng.choice(words.VIEWS),
    }
    if shared:
        details["shared_where"] = shared
    return Draft(
        EntryKind.READING,
        f"{publication} on {trend}",
        scene.day,
        details=details,
        tags=[slug(trend)],
    )


def _initiative(scene: Scene, given: dict[str, Any]) -> Draft:
    subtype, title = scene.rng.choice(words.INITIATIVES)
    return Draft(
        EntryKind.INITIATIVE,
        title.format(project=scene.project()),
        scene.day,
        details={"subtype": subtype},
        tags=["initiative"],
        skills=scene.skills(1),
        goal_ids=scene.goal_ids(0.3),
    )


def _meeting(scene: Scene, given: dict[str, Any]) -> Draft:
    rng = scene.rng
    with_role = (
        given.get("with_role") or rng.choices(("manager", "mentor"), (65, 35))[0]
    )
    mentor = scene.cast.mentor_on(scene.day, rng) if with_role == "mentor" else None
    if mentor is None:  # no mentor met yet: the 1:1 is with the manager
        with_role = "manager"
    person = mentor or scene.cast.manager_on(scene.career, scene.day)
    return Draft(
        EntryKind.MEETING,
        f"1:1 with {person.name}",
        scene.day,
        details={
            "with_role": with_role,
            "agenda": rng.choice(words.MEETING_AGENDAS),
            "notes": f"Talked through {scene.project()} and what comes next.",
            "follow_ups": rng.choice(words.MEETING_FOLLOW_UPS),
        },
        tags=[with_role],
        contact_ids=[person.pk],
    )


def _setback(scene: Scene, given: dict[str, Any]) -> Draft:
    title, wrong, differently, lesson = scene.rng.choice(words.SETBACKS)
    return Draft(
        EntryKind.SETBACK,
        title,
        scene.day,
        details={
            "what_went_wrong": wrong,
            "do_differently": differently,
            "lesson": lesson,
        },
        tags=["lessons"],
    )


def _note(scene: Scene, given: dict[str, Any]) -> Draft:
    title = given.get("title") or scene.rng.choice(words.NOTES)
    body = (
        f"- {scene.role.title} at {scene.role.organisation}\n"
        f"- on my mind: {scene.project()}\n"
    )
    return Draft(EntryKind.NOTE, title, scene.day, body=body)


WRITERS: dict[str, Callable[[Scene, dict[str, Any]], Draft]] = {
    EntryKind.ACCOMPLISHMENT: _accomplishment,
    EntryKind.LEARNING: _learning,
    EntryKind.CONTENT: _content,
    EntryKind.TALK: _talk,
    EntryKind.FEEDBACK: _feedback,
    EntryKind.READING: _reading,
    EntryKind.INITIATIVE: _initiative,
    EntryKind.MEETING: _meeting,
    EntryKind.SETBACK: _setback,
    EntryKind.NOTE: _note,
}
