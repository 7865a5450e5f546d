"""Goal, check-in and share forms: they shape input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from headway.goals.models import (
    NOTE_MAX,
    REASON_MAX,
    STATEMENT_MAX,
    UNIT_MAX,
    Horizon,
    Recurrence,
)
from headway.growth.services import priorities_ensure


class GoalForm(forms.Form):
    statement = forms.CharField(
        max_length=STATEMENT_MAX,
        help_text="One sentence: what will be true, how you will know, by when.",
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )
    horizon = forms.ChoiceField(
        label="Horizon", choices=Horizon.choices, initial=Horizon.SHORT
    )
    target = forms.CharField(
        required=False,
        help_text="A number to reach, e.g. 3. Leave empty for a yes/no goal.",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    unit = forms.CharField(
        required=False,
        max_length=UNIT_MAX,
        help_text="What is counted: applications, talks, hours…",
    )
    recurrence = forms.ChoiceField(
        label="Repeats", choices=Recurrence.choices, required=False
    )
    due = forms.CharField(
        label="Due",
        required=False,
        help_text="2027-06-30, end of year, in 6 months…",
    )
    priority = forms.TypedChoiceField(
        label="Priority it serves", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["priority"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "— none —")] + [
            (p.pk, p.name) for p in priorities_ensure(owner=owner)
        ]

    def service_arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class CheckInForm(forms.Form):
    value = forms.CharField(
        label="Progress made",
        help_text="How many more since the last check-in, e.g. 1.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    checked_on = forms.CharField(
        label="On", required=False, help_text="Empty means today."
    )
    note = forms.CharField(
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DropForm(forms.Form):
    reason = forms.CharField(
        label="Why drop it?",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ShareForm(forms.Form):
    goals = forms.TypedMultipleChoiceField(
        label="Goals to share", coerce=int, widget=forms.CheckboxSelectMultiple
    )
    include_entries = forms.BooleanField(
        label="Include the log entries linked to these goals", required=False
    )
    days = forms.IntegerField(
        label="Days the link works", min_value=1, max_value=365, initial=30
    )
    recipient = forms.CharField(
        label="Share with user (server mode, optional)",
        required=False,
        max_length=150,
    )

    def __init__(self, *args: Any, goals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["goals"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(g.pk, g.statement) for g in goals]
        if settings.LOCAL_MODE:
            # One owner, nobody to name: sharing is by link only.
            del self.fields["recipient"]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.setdefault("recipient", "")
        data["goal_ids"] = data.pop("goals")
        return data


class CommentForm(forms.Form):
    goal_id = forms.IntegerField(widget=forms.HiddenInput)
    author = forms.CharField(label="Your name", max_length=120)
    text = forms.CharField(
        label="Comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
