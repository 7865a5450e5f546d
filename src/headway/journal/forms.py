"""The log form: shapes the input; the service decides what is valid."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.journal.models import BODY_MAX, NEAR_MAX, TITLE_MAX, EntryKind


class EntryForm(forms.Form):
    title = forms.CharField(
        max_length=TITLE_MAX,
        help_text="What happened, in one line.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        choices=EntryKind.choices, initial=EntryKind.ACCOMPLISHMENT
    )
    occurred_on = forms.CharField(
        label="When",
        required=False,
        help_text="2026-03-14, yesterday, last friday… Empty means today.",
        widget=forms.TextInput(attrs={"placeholder": "today"}),
    )
    tags = forms.CharField(
        required=False,
        help_text="Separated by commas or spaces.",
        widget=forms.TextInput(attrs={"placeholder": "ci, platform"}),
    )
    numbers = forms.CharField(
        required=False,
        max_length=NEAR_MAX,
        help_text="What can be counted: how many, how much, how fast.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    example = forms.CharField(
        required=False,
        max_length=NEAR_MAX,
        help_text="The concrete case.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    achievement = forms.CharField(
        required=False,
        max_length=NEAR_MAX,
        help_text="What you did.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    result = forms.CharField(
        required=False,
        max_length=NEAR_MAX,
        help_text="What changed, and for whom.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body = forms.CharField(
        required=False,
        max_length=BODY_MAX,
        label="Notes",
        help_text="Anything else, in Markdown.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["tags"] = data["tags"].replace(",", " ").split()
        return data
