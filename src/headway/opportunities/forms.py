"""Opportunity forms: they shape the input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.opportunities.models import (
    MESSAGE_MAX,
    NOTES_MAX,
    WHY_MAX,
    Fit,
    MentorStage,
    Source,
    Stage,
)

# No length limit here: the service names an over-long name in one message.
FIT_CHOICES = [("", "Not judged"), *Fit.choices]


class CompanyForm(forms.Form):
    name = forms.CharField(required=False, help_text="1 to 200 characters.")
    target_role = forms.CharField(
        label="Target role there", required=False, max_length=200
    )
    why = forms.CharField(
        label="Why this company",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, priorities: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.priorities = list(priorities)
        for priority in self.priorities:
            self.fields[f"fit_{priority.pk}"] = forms.ChoiceField(
                label=f"Fit with “{priority.name}”", choices=FIT_CHOICES, required=False
            )

    def fit_fields(self) -> list[Any]:
        return [self[f"fit_{priority.pk}"] for priority in self.priorities]

    def fits(self) -> dict[int, str]:
        return {
            priority.pk: self.cleaned_data[f"fit_{priority.pk}"]
            for priority in self.priorities
            if self.cleaned_data.get(f"fit_{priority.pk}")
        }


class OpeningForm(forms.Form):
    company = forms.TypedChoiceField(coerce=int, choices=())
    role = forms.CharField(required=False)
    source = forms.ChoiceField(choices=Source.choices)
    referrer = forms.TypedChoiceField(
        label="Referred by",
        coerce=int,
        required=False,
        empty_value=None,
        choices=(),
        help_text="For a referral: the contact who referred you.",
    )
    link = forms.CharField(label="Link", required=False, help_text="http(s) only.")
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: Any,
        companies: list[tuple[int, str]],
        contacts: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = companies  # type: ignore[attr-defined]
        self.fields["referrer"].choices = [("", "—"), *contacts]  # type: ignore[attr-defined]


class MoveForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)
    on = forms.CharField(label="On", required=False, help_text="Default today.")
    notes = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    force = forms.BooleanField(required=False)
    goal = forms.IntegerField(required=False, min_value=0)
    lesson = forms.CharField(
        label="Lesson (declined or rejected: logged as a setback)",
        required=False,
        max_length=NOTES_MAX,
    )
    role_started_on = forms.CharField(
        label="Role starts on (accepted: added to your profile)", required=False
    )


class CandidateForm(forms.Form):
    contact = forms.TypedChoiceField(coerce=int, choices=())
    why = forms.CharField(
        label="Why this person",
        required=False,
        max_length=WHY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What they have that your target role needs.",
    )
    hope_to_learn = forms.CharField(
        label="What you hope to learn", required=False, max_length=WHY_MAX
    )

    def __init__(self, *args: Any, contacts: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = contacts  # type: ignore[attr-defined]


class CandidateMoveForm(forms.Form):
    stage = forms.ChoiceField(choices=MentorStage.choices)
    on = forms.CharField(label="On", required=False, help_text="Default today.")
    message = forms.CharField(
        label="Message",
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
