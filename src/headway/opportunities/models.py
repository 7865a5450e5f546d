"""Opportunities: companies the owner would work for, openings they pursue, and
the people they ask to mentor them."""

from __future__ import annotations

from datetime import date

from django.db import models

from headway.coach import opportunities as coach
from headway.core.models import OwnedModel, OwnedQuerySet

NAME_MAX = 200
ROLE_MAX = 200
WHY_MAX = 5_000
LINK_MAX = 500
NOTES_MAX = 5_000
MESSAGE_MAX = 5_000


class Fit(models.TextChoices):
    FITS = "fits", "Fits"
    NEUTRAL = "neutral", "Neutral"
    CONFLICTS = "conflicts", "Conflicts"


class Source(models.TextChoices):
    REFERRAL = "referral", "Referral by a contact"
    RECRUITER = "recruiter", "A recruiter"
    POSTING = "posting", "A posting"
    INBOUND = "inbound", "An inbound ask"


class Stage(models.TextChoices):
    INTERESTED = "interested", "Interested"
    APPLIED = "applied", "Applied"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class MentorStage(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    ASKED = "asked", "Asked"
    MET = "met", "Met"
    AGREED = "agreed", "Agreed"
    DECLINED = "declined", "Declined"
    NOT_NOW = "not_now", "Not now"


class TargetCompany(OwnedModel):
    name = models.CharField(max_length=NAME_MAX)
    # The name as it compares (coach.organisation_key): "Acme Inc." is "acme".
    name_key = models.CharField(max_length=NAME_MAX, editable=False)
    why = models.TextField(blank=True, max_length=WHY_MAX)
    target_role = models.CharField(max_length=ROLE_MAX, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "company"
        verbose_name_plural = "companies"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name_key"], name="company_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CompanyFit(models.Model):
    """How the company fits one of the owner's priorities."""

    company = models.ForeignKey(
        TargetCompany, on_delete=models.CASCADE, related_name="fits"
    )
    priority = models.ForeignKey(
        "growth.Priority", on_delete=models.CASCADE, related_name="company_fits"
    )
    fit = models.CharField(max_length=10, choices=Fit.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "priority"], name="company_fit_once"
            ),
            models.CheckConstraint(
                condition=models.Q(fit__in=Fit.values), name="company_fit_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fit} for priority {self.priority_id}"


class Opening(OwnedModel):
    company = models.ForeignKey(
        TargetCompany, on_delete=models.CASCADE, related_name="openings"
    )
    role = models.CharField(max_length=ROLE_MAX)
    link = models.CharField(max_length=LINK_MAX, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    referrer = models.ForeignKey(
        "network.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    stage = models.CharField(
        max_length=12, choices=Stage.choices, default=Stage.INTERESTED
    )
    stage_on = models.DateField()
    followed_up_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-stage_on", "-id"]
        indexes = [models.Index(fields=["owner", "stage"], name="opening_stage")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage__in=Stage.values), name="opening_stage_known"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=Source.values),
                name="opening_source_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.company_id}"

    @property
    def next_follow_up(self) -> date | None:
        return coach.opening_follow_up_on(
            self.stage, self.stage_on, self.followed_up_on
        )


class StageMove(OwnedModel):
    """One dated step of an opening, with the owner's notes; the first is its start."""

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="moves")
    from_stage = models.CharField(max_length=12, blank=True)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    moved_on = models.DateField()
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    forced = models.BooleanField(default=False)
    checkin = models.ForeignKey(
        "goals.CheckIn",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["moved_on", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage or 'new'} → {self.to_stage} on {self.moved_on}"


class MentorCandidate(OwnedModel):
    """A contact the owner may ask to mentor them, and how far the ask has got."""

    contact = models.ForeignKey(
        "network.Contact", on_delete=models.CASCADE, related_name="mentor_candidacies"
    )
    stage = models.CharField(
        max_length=12, choices=MentorStage.choices, default=MentorStage.IDENTIFIED
    )
    stage_on = models.DateField()
    asked_on = models.DateField(null=True, blank=True)
    why = models.TextField(blank=True, max_length=WHY_MAX)
    hope_to_learn = models.TextField(blank=True, max_length=WHY_MAX)
    message = models.TextField(blank=True, max_length=MESSAGE_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-stage_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "contact"], name="mentor_candidate_once"
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=MentorStage.values),
                name="mentor_candidate_stage_known",
            ),
        ]

    def __str__(self) -> str:
        return f"mentor candidate {self.contact_id} ({self.stage})"
