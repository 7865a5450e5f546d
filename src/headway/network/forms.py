"""Network forms: they shape the input; the services decide what is valid."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from headway.exchange.contact_records import MAX_IMPORT_BYTES
from headway.network.models import (
    NAME_MAX,
    NOTES_MAX,
    ORG_MAX,
    QUESTION_MAX,
    ROLE_MAX,
    InteractionKind,
    MetHow,
)

_SPLIT = re.compile(r"[,\n]+")
STRENGTHS = [
    (5, "5 — closest ties"),
    (4, "4 — strong"),
    (3, "3 — good"),
    (2, "2 — acquaintance"),
    (1, "1 — barely know"),
]


def split(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


class ContactForm(forms.Form):
    name = forms.CharField(max_length=NAME_MAX)
    organisation = forms.CharField(max_length=ORG_MAX, required=False)
    role = forms.CharField(max_length=ROLE_MAX, required=False)
    strength = forms.TypedChoiceField(
        choices=STRENGTHS, coerce=int, initial=3, help_text="Quality over count."
    )
    tags = forms.CharField(
        required=False,
        help_text="mentor, manager, mentee, peer, influencer, recruiter, or your own.",
    )
    met_how = forms.ChoiceField(
        label="How we met", choices=[("", "—"), *MetHow.choices], required=False
    )
    met_where = forms.CharField(label="Where we met", required=False, max_length=200)
    met_on = forms.CharField(
        label="Met on", required=False, help_text="2025-05-04, last friday…"
    )
    emails = forms.CharField(required=False, help_text="Separated by commas.")
    phones = forms.CharField(required=False, help_text="Separated by commas.")
    profile_url = forms.CharField(label="Profile URL", required=False)
    links = forms.CharField(label="Other links", required=False)
    cadence_ideal_days = forms.IntegerField(
        label="Touch every (days)",
        required=False,
        min_value=1,
        help_text="Empty: the cadence of their strength.",
    )
    cadence_max_days = forms.IntegerField(
        label="Overdue after (days)", required=False, min_value=1
    )
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in ("tags", "emails", "phones", "links"):
            data[name] = split(data[name])
        return data


class TouchForm(forms.Form):
    kind = forms.ChoiceField(choices=InteractionKind.choices, initial="coffee")
    occurred_on = forms.CharField(
        label="When", required=False, help_text="Empty means today."
    )
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    promised = forms.BooleanField(label="Help I promised and still owe", required=False)
    follow_up_by = forms.CharField(
        label="Follow up by", required=False, help_text="A date, if you owe one."
    )
    goal_ids = forms.TypedMultipleChoiceField(
        label="Goals it served",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional: the active goals this touch moved forward.",
    )

    def __init__(self, *args: Any, goals: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal_ids"].choices = goals  # type: ignore[attr-defined]
        if not goals:
            del self.fields["goal_ids"]


class QuickTouchForm(forms.Form):
    kind = forms.ChoiceField(choices=InteractionKind.choices, initial="coffee")


class ImportForm(forms.Form):
    source = forms.ChoiceField(
        label="Format",
        choices=[
            ("linkedin", "LinkedIn Connections.csv"),
            ("vcard", "vCard (.vcf)"),
        ],
    )
    file = forms.FileField(help_text="Up to 50 MB.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is over 50 MB; nothing imported.")
        return upload


class QuestionForm(forms.Form):
    text = forms.CharField(label="Question", max_length=QUESTION_MAX)


class MeetingForm(forms.Form):
    occurred_on = forms.CharField(label="When", required=False)
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_ups = forms.CharField(
        label="Follow-ups",
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CadenceForm(forms.Form):
    """Ideal and maximum days for each strength; both empty means no cadence."""

    def __init__(
        self, *args: Any, tiers: dict[int, Any], preferences: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for strength in range(5, 0, -1):
            tier = tiers[strength]
            self.fields[f"ideal_{strength}"] = forms.IntegerField(
                label=f"Strength {strength}: touch every (days)",
                required=False,
                min_value=1,
                initial=tier.ideal_days,
            )
            self.fields[f"max_{strength}"] = forms.IntegerField(
                label=f"Strength {strength}: overdue after (days)",
                required=False,
                min_value=1,
                initial=tier.max_days,
            )
        rhythm = {
            "mentor_update_days": "Progress update to each mentor every (days)",
            "mentor_thanks_days": "Thank a mentor within (days of a meeting)",
            "event_follow_up_days": "Follow up with someone met at an event within",
        }
        for name, label in rhythm.items():
            self.fields[name] = forms.IntegerField(
                label=label, min_value=1, initial=getattr(preferences, name)
            )
