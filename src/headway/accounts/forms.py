"""The profile form, used by the profile page and the guided start."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.accounts.models import PROFILE_HEADLINE_MAX, PROFILE_NAME_MAX


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

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["links"] = data["links"].split()
        return data
