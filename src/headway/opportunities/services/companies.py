"""Target companies: the name (compared forgivingly), why, fit per priority."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from headway.coach.opportunities import organisation_key
from headway.core.errors import Conflict
from headway.core.models import owned_rows
from headway.core.text import clean_text, field_error
from headway.growth.models import Priority
from headway.opportunities.models import (
    NAME_MAX,
    ROLE_MAX,
    WHY_MAX,
    CompanyFit,
    Fit,
    TargetCompany,
)


def name_clean(name: str) -> tuple[str, str]:
    """The company name as shown (spaces squeezed) and as it compares."""
    text = " ".join(
        clean_text(name, field="name", max_length=NAME_MAX, required=True).split()
    )
    key = organisation_key(text)
    if not key:
        raise field_error(
            "name", "The name needs a letter or a digit, e.g. Acme.", "empty"
        )
    return text, key[:NAME_MAX]


def _fits_clean(*, owner: Any, fits: Mapping[int, str]) -> list[tuple[Priority, str]]:
    for value in fits.values():
        if value not in Fit.values:
            raise field_error(
                "fits",
                f"{value!r} is not a fit; use fits, neutral or conflicts.",
                "fit",
            )
    priorities = owned_rows(owner=owner, model=Priority, ids=fits, field="fits")
    return [(priority, fits[priority.pk]) for priority in priorities]


def _unique(*, owner: Any, key: str, but: int | None = None) -> None:
    same = TargetCompany.objects.for_owner(owner).filter(name_key=key)
    if but is not None:
        same = same.exclude(pk=but)
    found = same.first()
    if found is not None:
        raise Conflict(
            f"You have {found.name} already (company {found.pk}); "
            "`headway company show` it or choose another name."
        )


def _fits_save(company: TargetCompany, fits: list[tuple[Priority, str]]) -> None:
    company.fits.all().delete()
    CompanyFit.objects.bulk_create(
        CompanyFit(company=company, priority=priority, fit=fit)
        for priority, fit in fits
    )


def company_create(
    *,
    owner: Any,
    name: str,
    why: str = "",
    target_role: str = "",
    fits: Mapping[int, str] | None = None,
) -> TargetCompany:
    """Add a company the owner would like to work for."""
    shown, key = name_clean(name)
    company = TargetCompany(
        owner=owner,
        name=shown,
        name_key=key,
        why=clean_text(why, field="why", max_length=WHY_MAX, required=False),
        target_role=" ".join(
            clean_text(
                target_role, field="target_role", max_length=ROLE_MAX, required=False
            ).split()
        ),
    )
    chosen = _fits_clean(owner=owner, fits=fits or {})
    _unique(owner=owner, key=key)
    company.full_clean()
    with transaction.atomic():
        company.save()
        _fits_save(company, chosen)
    return company


def company_update(
    *,
    owner: Any,
    company: TargetCompany,
    name: str | None = None,
    why: str | None = None,
    target_role: str | None = None,
    fits: Mapping[int, str] | None = None,
) -> TargetCompany:
    """Change what is given; `fits` replaces every fit."""
    if company.owner_id != owner.pk:
        raise field_error("company", "No such company among yours.", "unknown")
    if name is not None:
        company.name, company.name_key = name_clean(name)
        _unique(owner=owner, key=company.name_key, but=company.pk)
    if why is not None:
        company.why = clean_text(why, field="why", max_length=WHY_MAX, required=False)
    if target_role is not None:
        company.target_role = " ".join(
            clean_text(
                target_role, field="target_role", max_length=ROLE_MAX, required=False
            ).split()
        )
    chosen = None if fits is None else _fits_clean(owner=owner, fits=fits)
    company.full_clean()
    with transaction.atomic():
        company.save()
        if chosen is not None:
            _fits_save(company, chosen)
    return company


def company_delete(*, owner: Any, company: TargetCompany) -> None:
    if company.owner_id != owner.pk:
        raise field_error("company", "No such company among yours.", "unknown")
    with transaction.atomic():
        company.delete()
