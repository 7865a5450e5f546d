"""The profile and role forms, used by the profile page and the guided start."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.accounts.models import (
    PROFILE_HEADLINE_MAX,
    PROFILE_NAME_MAX,
    ROLE_ORGANISATION_MAX,
    ROLE_TITLE_MAX,
    Profile,
)


class ProfileForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=PROFILE_NAME_MAX)
    headline = forms.CharField(
        label="Headline",
        required=False,
        max_length=PROFILE_HEADLINE_MAX,
        help_text="One line on what you do, e.g. Product designer, payments.",
    )
    email = forms.EmailField(label="E-mail", required=False)
    location = forms.CharField(
        label="Location", required=False, max_length=PROFILE_NAME_MAX
    )
    links = forms.CharField(
        label="Public profiles",
        required=False,
        help_text="Web addresses, one per line (LinkedIn, a site, a portfolio).",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    @classmethod
    def for_profile(cls, profile: Profile, data: Any = None) -> ProfileForm:
        """The form filled with the profile as saved (and `data`, if posted)."""
        initial = {
            "name": profile.name,
            "headline": profile.headline,
            "email": profile.email,
            "location": profile.location,
            "links": "\n".join(profile.links),
        }
        return cls(data, initial=initial)

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["links"] = data["links"].split()
        return data


class RoleForm(forms.Form):
    title = forms.CharField(label="Title", max_length=ROLE_TITLE_MAX)
    organisation = forms.CharField(
        label="Organisation", max_length=ROLE_ORGANISATION_MAX
    )
    started_on = forms.CharField(
        label="Started", help_text="A date: 2023-04-01, or 'April 2023'."
    )
    ended_on = forms.CharField(
        label="Ended", required=False, help_text="Empty while you hold the role."
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        required=False,
        help_text="To recognise it later, e.g. “laptop” or “CI”.",
    )
