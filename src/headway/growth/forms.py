"""Forms for direction: an own priority, the three strengths prompts."""

from __future__ import annotations

from django import forms

from headway.growth.models import (
    PRIORITY_NAME_MAX,
    SKILL_NAME_MAX,
    STRENGTH_ANSWER_MAX,
    SkillCategory,
)


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
        help_text="One per line: a skill with the level it needs (hiring:3), "
        "or an experience (led a team of 5+).",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


LEVEL_CHOICES = [
    ("", "Not rated"),
    ("1", "1 - beginner"),
    ("2", "2"),
    ("3", "3 - can do it alone"),
    ("4", "4"),
    ("5", "5 - expert"),
]


class SkillForm(forms.Form):
    category = forms.ChoiceField(label="Category", choices=SkillCategory.choices)
    level = forms.ChoiceField(
        label="My level today",
        choices=LEVEL_CHOICES,
        required=False,
        help_text="Each new rating is kept with its date.",
    )


class SkillAliasForm(forms.Form):
    alias = forms.CharField(
        label="Another name for it",
        max_length=SKILL_NAME_MAX,
        widget=forms.TextInput(attrs={"placeholder": "k8s"}),
    )
