"""Reads of opportunities: companies and who the owner knows there, openings
and their board, mentor candidates, and the follow-ups they owe."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from difflib import get_close_matches
from itertools import combinations
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from headway.coach import opportunities as coach
from headway.coach.agenda import AgendaItem
from headway.core.errors import NotFound
from headway.growth.services import current_ranking
from headway.journal.models import Entry
from headway.network.models import Contact
from headway.network.owed import Owed
from headway.network.selectors import contact_find, touches_by_contact
from headway.opportunities.models import (
    CompanyFit,
    MentorCandidate,
    Opening,
    Stage,
    TargetCompany,
)

NEAR_MATCHES = 3


def companies_list(*, owner: Any) -> QuerySet[TargetCompany]:
    """The owner's companies with their opening count and fits, in 2 queries."""
    fits = CompanyFit.objects.select_related("priority")
    listed: QuerySet[TargetCompany] = (
        TargetCompany.objects.for_owner(owner)
        .annotate(opening_count=Count("openings"))
        .prefetch_related(Prefetch("fits", queryset=fits))
    )
    return listed


def company_get(*, owner: Any, pk: int) -> TargetCompany:
    company: TargetCompany = get_object_or_404(
        TargetCompany.objects.for_owner(owner), pk=pk
    )
    return company


def _near(text: str, names: list[str]) -> str:
    close = get_close_matches(text, names, n=NEAR_MATCHES, cutoff=0.5)
    if not close:
        lowered = text.casefold()
        close = [name for name in names if lowered in name.casefold()][:NEAR_MATCHES]
    return f" Did you mean {', '.join(close)}?" if close else ""


def company_find(*, owner: Any, name_or_id: str) -> TargetCompany:
    """A company by id or by its name compared forgivingly ("acme" is "ACME Inc.")."""
    text = name_or_id.strip()
    companies = TargetCompany.objects.for_owner(owner)
    if text.isdigit():
        found: TargetCompany | None = companies.filter(pk=int(text)).first()
        if found is not None:
            return found
    key = coach.organisation_key(text)
    by_key: TargetCompany | None = (
        companies.filter(name_key=key).first() if key else None
    )
    if by_key is not None:
        return by_key
    names = list(companies.values_list("name", flat=True))
    raise NotFound(
        f"No company matches {text!r}.{_near(text, names)} "
        "`headway company list` shows yours."
    )


def contact_named(*, owner: Any, name_or_id: str) -> Contact:
    """A contact by id or forgiving name; an unknown one lists near matches."""
    try:
        return contact_find(owner=owner, name_or_id=name_or_id)
    except NotFound:
        names = list(
            Contact.objects.for_owner(owner).values_list("name", flat=True)[:5_000]
        )
        near = _near(name_or_id.strip(), names)
        raise NotFound(
            f"No contact matches {name_or_id.strip()!r}.{near} "
            "`headway contact list` shows them all."
        ) from None


# --- who the owner knows at a company -------------------------------------------


@dataclass(frozen=True)
class WhoIKnow:
    people: list[coach.Person]
    has_strong_tie: bool
    introducers: list[coach.Introducer]


def _people(*, owner: Any) -> list[coach.Person]:
    """Every contact, without their last touch (read later for the few shown)."""
    rows = (
        Contact.objects.for_owner(owner)
        .order_by()
        .values_list("id", "name", "organisation", "strength", "met_how", "met_where")
    )
    return [
        coach.Person(pk, name, organisation, strength, None, met_how, met_where)
        for pk, name, organisation, strength, met_how, met_where in rows
    ]


def _touched(*, owner: Any, people: list[coach.Person]) -> list[coach.Person]:
    """The people with their last touch, in the order of `coach.people_at`."""
    touches = touches_by_contact(owner=owner, contact_ids=[p.id for p in people])
    return [
        replace(p, last_touch=touches[p.id].last if p.id in touches else None)
        for p in people
    ]


def _together(*, inside: list[int]) -> list[tuple[int, int]]:
    """Pairs of contacts named on the same log entry as someone inside (the
    ids inside are the owner's, so their entries and the others named on
    them are too)."""
    links = Entry.contacts.through.objects
    entries = links.filter(contact_id__in=inside).values("entry_id")
    by_entry: dict[int, list[int]] = {}
    rows = links.filter(entry_id__in=entries).values_list("entry_id", "contact_id")
    for entry_id, contact_id in rows:
        by_entry.setdefault(entry_id, []).append(contact_id)
    return [pair for ids in by_entry.values() for pair in combinations(ids, 2)]


def who_i_know(*, owner: Any, company: TargetCompany) -> WhoIKnow:
    everyone = _people(owner=owner)
    found = coach.people_at(company.name, everyone)
    inside = coach.people_at(company.name, _touched(owner=owner, people=found))
    strong = coach.has_strong_tie(inside)
    suggested: list[coach.Introducer] = []
    if not strong:
        pairs = _together(inside=[person.id for person in inside])
        suggested = coach.introducers(inside, everyone, pairs)
    return WhoIKnow(inside, strong, suggested)


def company_fits(*, owner: Any, company: TargetCompany) -> list[tuple[Any, str]]:
    """Each ranked priority, in rank order, with the company's fit ("" if unset),
    then the unranked priorities a fit was judged for."""
    fits = list(company.fits.select_related("priority"))
    chosen = {fit.priority_id: fit.fit for fit in fits}
    ranked = current_ranking(owner=owner)
    found = [(p, chosen.get(p.pk, "")) for p in ranked]
    ranked_ids = {p.pk for p in ranked}
    # A fit judged for a priority no longer ranked is still the owner's word.
    return found + [
        (f.priority, f.fit) for f in fits if f.priority_id not in ranked_ids
    ]


# --- openings ------------------------------------------------------------------


def openings_list(
    *, owner: Any, stage: str = "", company: TargetCompany | None = None
) -> QuerySet[Opening]:
    openings = Opening.objects.for_owner(owner).select_related("company", "referrer")
    if stage:
        openings = openings.filter(stage=stage)
    if company is not None:
        openings = openings.filter(company=company)
    listed: QuerySet[Opening] = openings
    return listed


def opening_get(*, owner: Any, pk: int) -> Opening:
    opening: Opening = get_object_or_404(
        Opening.objects.for_owner(owner).select_related("company", "referrer"), pk=pk
    )
    return opening


@dataclass(frozen=True)
class Card:
    opening: Opening
    next_stage: str  # the one-click step forward; "" when there is none
    next_label: str


@dataclass(frozen=True)
class Column:
    stage: str
    label: str
    cards: list[Card]


def board(*, owner: Any) -> list[Column]:
    """One column per stage, in the stages' order."""
    by_stage: dict[str, list[Card]] = {stage: [] for stage in Stage.values}
    for opening in openings_list(owner=owner):
        step = coach.next_stage(opening.stage) or ""
        label = Stage(step).label if step else ""
        by_stage[opening.stage].append(Card(opening, step, label))
    return [Column(s.value, s.label, by_stage[s.value]) for s in Stage]


def opening_as_dict(opening: Opening) -> dict[str, Any]:
    follow_up = opening.next_follow_up
    return {
        "id": opening.pk,
        "company": opening.company.name,
        "role": opening.role,
        "stage": opening.stage,
        "source": opening.source,
        "referrer": opening.referrer.name if opening.referrer else None,
        "updated": opening.stage_on.isoformat(),
        "next_follow_up": follow_up.isoformat() if follow_up else None,
        "link": opening.link,
    }


def company_as_dict(
    company: TargetCompany, *, who: WhoIKnow | None = None
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": company.pk,
        "name": company.name,
        "why": company.why,
        "target_role": company.target_role,
        "fits": {fit.priority.name: fit.fit for fit in company.fits.all()},
    }
    if who is not None:
        found["contacts"] = [
            {
                "id": person.id,
                "name": person.name,
                "strength": person.strength,
                "last_touch": person.last_touch.isoformat()
                if person.last_touch
                else None,
            }
            for person in who.people
        ]
        found["introducers"] = [
            {"id": i.person.id, "name": i.person.name, "knows": list(i.knows)}
            for i in who.introducers
        ]
    return found


# --- mentor candidates --------------------------------------------------------


def candidates_list(*, owner: Any) -> QuerySet[MentorCandidate]:
    listed: QuerySet[MentorCandidate] = MentorCandidate.objects.for_owner(
        owner
    ).select_related("contact")
    return listed


def candidate_get(*, owner: Any, pk: int) -> MentorCandidate:
    candidate: MentorCandidate = get_object_or_404(candidates_list(owner=owner), pk=pk)
    return candidate


def candidate_as_dict(candidate: MentorCandidate) -> dict[str, Any]:
    follow_up = coach.mentor_follow_up_on(candidate.stage, candidate.asked_on)
    return {
        "id": candidate.pk,
        "contact_id": candidate.contact_id,
        "name": candidate.contact.name,
        "stage": candidate.stage,
        "updated": candidate.stage_on.isoformat(),
        "asked_on": candidate.asked_on.isoformat() if candidate.asked_on else None,
        "why": candidate.why,
        "hope_to_learn": candidate.hope_to_learn,
        "message": candidate.message,
        "next_follow_up": follow_up.isoformat() if follow_up else None,
    }


# --- follow-ups -----------------------------------------------------------------


def follow_up_items(*, owner: Any) -> list[AgendaItem]:
    """Every follow-up the opportunities owe, for the agenda (two queries)."""
    waiting = Opening.objects.for_owner(owner).filter(
        stage__in=sorted(coach.AWAITING_ANSWER)
    )
    openings = [
        coach.OpeningWaiting(
            o.pk, o.company.name, o.role, o.stage, o.stage_on, o.followed_up_on
        )
        for o in waiting.select_related("company")
    ]
    asked = candidates_list(owner=owner).filter(stage="asked")
    mentors = [
        coach.MentorWaiting(c.pk, c.contact.name, c.stage, c.asked_on) for c in asked
    ]
    return coach.follow_up_items(openings, mentors)


def follow_ups_due(*, owner: Any, today: date) -> list[AgendaItem]:
    return sorted(
        (item for item in follow_up_items(owner=owner) if item.due <= today),
        key=lambda item: item.due,
    )


FOLLOW_UP_PAGES = {
    "opening": "opportunities:opening-detail",
    "mentor-ask": "opportunities:candidate-detail",
}


def owed_follow_ups(owner: Any, today: date) -> list[Owed]:
    """The follow-ups due by today, as rows for the network's due list."""
    rows = []
    for item in follow_ups_due(owner=owner, today=today):
        target, ident = item.target
        page = FOLLOW_UP_PAGES.get(target)
        if page is not None:
            rows.append(Owed(item.title, item.due, reverse(page, args=[ident])))
    return rows
