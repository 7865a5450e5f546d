"""The review flows' forms: a reflection for every review; the quarterly
review adds the best project's NEAR parts (the Log page's own fields), work
sample links, and a decision on each goal."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.journal.forms import EntryForm
from headway.reviews.flows_services import (
    REFLECTION_MAX,
    BestProject,
    GoalDecision,
)

REFLECTION_HELP = {
    "week": "A few lines: what went well, what did not, what next week is for.",
    "quarter": "What this quarter taught you, and what the next one is for.",
    "year": "In your own words: what this year meant, and what comes next.",
}
DECISION_CHOICES = [
    ("keep", "Keep it"),
    ("change", "Change it"),
    ("drop", "Drop it"),
]


class ReviewForm(forms.Form):
    reflection = forms.CharField(
        label="Your reflection",
        required=False,
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reflection"].help_text = REFLECTION_HELP[kind]


class QuarterReviewForm(ReviewForm):
    best_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(required=False, widget=forms.HiddenInput)
    numbers = EntryForm.base_fields["numbers"]
    example = EntryForm.base_fields["example"]
    achievement = EntryForm.base_fields["achievement"]
    result = EntryForm.base_fields["result"]
    links = forms.CharField(
        label="Add work samples: links, one per line",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Slides, a pull request, a published post… To upload a file, "
        "open the entry.",
    )

    def __init__(self, *args: Any, goals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, kind="quarter", **kwargs)
        self.goals = goals
        for goal in goals:
            self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
                label=goal.statement,
                choices=DECISION_CHOICES,
                initial="keep",
                widget=forms.RadioSelect,
            )
            self.fields[f"statement_{goal.pk}"] = forms.CharField(
                label="New wording (if you change it)",
                required=False,
                initial=goal.statement,
            )
            self.fields[f"reason_{goal.pk}"] = forms.CharField(
                label="Why drop it (if you drop it)", required=False
            )

    def goal_rows(self) -> list[tuple[Any, Any, Any, Any]]:
        """Each goal with its decision, new wording and reason fields."""
        return [
            (
                goal,
                self[f"goal_{goal.pk}"],
                self[f"statement_{goal.pk}"],
                self[f"reason_{goal.pk}"],
            )
            for goal in self.goals
        ]

    def near_fields(self) -> list[Any]:
        return [self[name] for name in ("numbers", "example", "achievement", "result")]

    def decisions(self) -> list[GoalDecision]:
        data = self.cleaned_data
        return [
            GoalDecision(
                goal_id=goal.pk,
                action=data.get(f"goal_{goal.pk}") or "keep",
                statement=data.get(f"statement_{goal.pk}", ""),
                reason=data.get(f"reason_{goal.pk}", ""),
            )
            for goal in self.goals
            if data.get(f"goal_{goal.pk}") in ("change", "drop")
        ]

    def best(self) -> BestProject | None:
        data = self.cleaned_data
        if not data.get("best_id"):
            return None
        return BestProject(
            entry_id=data["best_id"],
            numbers=data.get("numbers", ""),
            example=data.get("example", ""),
            achievement=data.get("achievement", ""),
            result=data.get("result", ""),
            links=tuple(line.strip() for line in data.get("links", "").splitlines()),
        )
