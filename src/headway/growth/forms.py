"""Forms for direction: an own priority, the three strengths prompts."""

from __future__ import annotations

from django import forms

from headway.growth.models import PRIORITY_NAME_MAX, STRENGTH_ANSWER_MAX


class PriorityForm(forms.Form):
    name = forms.CharField(
        label="Add a priority of your own",
        max_length=PRIORITY_NAME_MAX,
        widget=forms.TextInput(attrs={"placeholder": "Lead a team abroad"}),
    )


class StrengthsForm(forms.Form):
    energy = forms.CharField(
        label="Which tasks give me energy?",
        required=False,
        max_length=STRENGTH_ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    excel = forms.CharField(
        label="Which skills do I excel at?",
        required=False,
        max_length=STRENGTH_ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    enjoyed_roles = forms.CharField(
        label="Which past roles did I enjoy, and why?",
        required=False,
        max_length=STRENGTH_ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TargetRoleForm(forms.Form):
    name = forms.CharField(
        label="Role I am aiming for",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": "Engineering Manager"}),
    )
    needs = forms.CharField(
        label="What it needs",
        required=False,
        help_text="Skills and experiences, one per line.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
