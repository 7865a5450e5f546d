"""The review pack's form: which goals, since when, as what."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from headway.sharing.shares import SHARE_DAYS_DEFAULT, SHARE_DAYS_MAX


class PackForm(forms.Form):
    goals = forms.TypedMultipleChoiceField(
        label="Goals in the pack", coerce=int, widget=forms.CheckboxSelectMultiple
    )
    since = forms.DateField(
        label="Evidence and feedback since (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for everything linked to the goals.",
    )
    format = forms.ChoiceField(
        label="File format",
        choices=[("pdf", "PDF"), ("html", "One HTML page")],
        initial="pdf",
    )
    days = forms.IntegerField(
        label="Days a share link works",
        min_value=1,
        max_value=SHARE_DAYS_MAX,
        initial=SHARE_DAYS_DEFAULT,
    )
    recipient = forms.CharField(
        label="Share with user (optional)", required=False, max_length=150
    )

    def __init__(self, *args: Any, goals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goals"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(g.pk, g.statement) for g in goals]
        if settings.LOCAL_MODE:
            # One owner, nobody to name: sharing is by link only.
            del self.fields["recipient"]
