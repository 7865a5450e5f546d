"""The log forms: shape the input; the service decides what is valid."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.journal.kinds import DetailField, kind_fields
from headway.journal.models import BODY_MAX, NEAR_MAX, TITLE_MAX, EntryKind

DETAIL_PREFIX = "d_"
NEAR_FIELDS = ("numbers", "example", "achievement", "result")
TITLE_SHORT = 80  # a capture longer than this splits after its first sentence


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the service checks each one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [file for file in files if file]


class QuickCaptureForm(forms.Form):
    """One line; quick capture reads its kind, its fields and its contact."""

    text = forms.CharField(
        label="Quick capture",
        max_length=TITLE_MAX + BODY_MAX,
        help_text="One line, as you would say it: the kind is read from it.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "placeholder": "passed the CKA exam · coffee with my mentor",
            }
        ),
    )

    def title_and_body(self) -> tuple[str, str]:
        """A short line is the title; a long one is cut after its first
        sentence (or at a word near the limit), the rest becomes the body."""
        text = " ".join(self.cleaned_data["text"].split())
        if len(text) <= TITLE_SHORT:
            return text, ""
        ends = [text.find(mark, 0, TITLE_MAX) for mark in (". ", "! ", "? ")]
        cut = min((end + 1 for end in ends if end > 0), default=0)
        if not cut and len(text) <= TITLE_MAX:
            return text, ""
        cut = cut or text.rfind(" ", 0, TITLE_MAX) or TITLE_MAX
        return text[:cut].strip(), text[cut:].strip()


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
    starred = forms.BooleanField(
        required=False, label="Best of the quarter", help_text="Mark it as best-of."
    )
    body = forms.CharField(
        required=False,
        max_length=BODY_MAX,
        label="Notes",
        help_text="Anything else, in Markdown.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    skills = forms.CharField(
        required=False,
        help_text="Skills it shows, separated by commas.",
        widget=forms.TextInput(attrs={"placeholder": "kubernetes, public speaking"}),
    )
    goal_ids = forms.TypedMultipleChoiceField(
        label="Goals",
        required=False,
        coerce=int,
        choices=[],
        help_text="The goals it moves forward.",
        widget=forms.CheckboxSelectMultiple,
    )
    attachments = MultipleFileField(
        label="Work samples (files)", help_text="Any type, up to 25 MB each."
    )
    links = forms.CharField(
        required=False,
        label="Work samples (links)",
        help_text="One https:// link per line.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, kind: str = "", goals: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        chosen = kind or self._chosen_kind()
        self.kind_value = chosen if chosen in EntryKind.values else "accomplishment"
        self.fields["kind"].initial = self.kind_value
        goal_field = self.fields["goal_ids"]
        assert isinstance(goal_field, forms.TypedMultipleChoiceField)
        goal_field.choices = [(goal.pk, goal.statement) for goal in goals]
        if not goal_field.choices:
            del self.fields["goal_ids"]
        for detail in kind_fields(self.kind_value):
            self.fields[DETAIL_PREFIX + detail.name] = detail_form_field(detail)
        if self.kind_value != EntryKind.ACCOMPLISHMENT:
            for name in NEAR_FIELDS:
                del self.fields[name]

    def _chosen_kind(self) -> str:
        source = self.data if self.is_bound else self.initial
        return str(source.get("kind") or "")

    @property
    def detail_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(DETAIL_PREFIX)]

    @property
    def near_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in NEAR_FIELDS if name in self.fields]

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if name not in NEAR_FIELDS and not name.startswith(DETAIL_PREFIX)
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["tags"] = data["tags"].replace(",", " ").split()
        data["skills"] = [s for s in data.pop("skills").split(",") if s.strip()]
        data["links"] = data["links"].split()
        data["details"] = {
            name.removeprefix(DETAIL_PREFIX): data.pop(name)
            for name in list(data)
            if name.startswith(DETAIL_PREFIX)
        }
        return data


def detail_form_field(detail: DetailField) -> forms.Field:
    common: dict[str, Any] = {
        "label": detail.label,
        "required": False,
        "help_text": detail.help,
    }
    if detail.shape == "choice":
        choices = [("", "—")] + [
            (value, value.replace("_", " ").capitalize()) for value in detail.choices
        ]
        return forms.ChoiceField(choices=choices, **common)
    if detail.shape == "text":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), **common)
    if detail.shape in {"int", "number"}:
        return forms.CharField(
            widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common
        )
    if detail.shape == "url":
        return forms.CharField(
            widget=forms.URLInput(attrs={"placeholder": "https://"}), **common
        )
    return forms.CharField(**common)


class SearchForm(forms.Form):
    """The Log page's search box and filters; the selector reads the dates."""

    q = forms.CharField(required=False, label="Search", max_length=200)
    kind = forms.ChoiceField(
        required=False,
        label="Show only",
        choices=[("", "Any kind"), *EntryKind.choices],
    )
    tag = forms.CharField(
        required=False, label="Tagged", help_text="All must match; spaces between."
    )
    goal = forms.TypedChoiceField(
        required=False,
        label="For goal",
        coerce=int,
        empty_value=None,
        choices=[("", "Any goal")],
    )
    skill = forms.CharField(required=False, label="Showing skill", max_length=100)
    date_from = forms.CharField(
        required=False,
        label="From",
        widget=forms.TextInput(attrs={"placeholder": "last march"}),
    )
    date_to = forms.CharField(
        required=False,
        label="To",
        widget=forms.TextInput(attrs={"placeholder": "today"}),
    )
    starred = forms.BooleanField(required=False, label="Best-of only")

    def __init__(self, *args: Any, goals: Any = (), **kwargs: Any) -> None:
        # Its own ids: the entry form on the same page has a "kind" field too.
        kwargs.setdefault("auto_id", "search_%s")
        super().__init__(*args, **kwargs)
        goal_field = self.fields["goal"]
        assert isinstance(goal_field, forms.TypedChoiceField)
        goal_field.choices = [("", "Any goal")] + [
            (goal.pk, goal.statement[:60]) for goal in goals
        ]

    def filter_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "query": data["q"],
            "kind": data["kind"],
            "tags": data["tag"].replace(",", " ").split(),
            "goal": data["goal"],
            "skill": data["skill"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "starred": data["starred"],
        }


class SampleForm(forms.Form):
    attachments = MultipleFileField(label="Files", help_text="Up to 25 MB each.")
    links = forms.CharField(
        required=False,
        label="Links",
        help_text="One https:// link per line.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DraftKeepForm(forms.Form):
    """A drafted accomplishment as the owner edits it before keeping it."""

    title = forms.CharField(label="Title", max_length=300)
    occurred_on = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"})
    )
    numbers = forms.CharField(
        label="Numbers", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    example = forms.CharField(
        label="Example", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    achievement = forms.CharField(
        label="Achievement", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    result = forms.CharField(
        label="Result: what changed, for whom?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The history cannot say; only you can.",
    )

    @classmethod
    def for_draft(cls, draft: Any, data: Any = None) -> DraftKeepForm:
        initial = {
            name: getattr(draft, name)
            for name in ("title", "occurred_on", "numbers", "example")
        }
        initial["achievement"], initial["result"] = draft.achievement, draft.result
        return cls(data, initial=initial, prefix=f"draft-{draft.pk}")
