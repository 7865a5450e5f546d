"""Forms of the top layer: the guided start's own steps and the cadences."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.journal.forms import EntryForm
from headway.journal.models import TITLE_MAX
from headway.reviews.models import CadenceKind
from headway.reviews.services import EVERY_DAYS_MAX

RANK_PLACES = 3


class RankForm(forms.Form):
    """The guided start ranks the top three; the Growth page ranks them all."""

    def __init__(self, *args: Any, priorities: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "— choose —"), *((p.pk, p.name) for p in priorities)]
        for place in range(1, RANK_PLACES + 1):
            self.fields[f"place_{place}"] = forms.TypedChoiceField(
                label=f"Number {place}",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=place == 1,
            )

    def chosen(self) -> list[int]:
        places = (
            self.cleaned_data.get(f"place_{n}") for n in range(1, RANK_PLACES + 1)
        )
        return list(dict.fromkeys(pk for pk in places if pk is not None))


class AccomplishmentForm(forms.Form):
    """The guided start's first accomplishment: a title and the Log page's
    own four NEAR fields (the same definitions, help and limits)."""

    title = forms.CharField(
        label="What did you do?",
        max_length=TITLE_MAX,
        help_text="One line, starting with what you did: Cut, Led, Shipped…",
    )
    numbers = EntryForm.base_fields["numbers"]
    example = EntryForm.base_fields["example"]
    achievement = EntryForm.base_fields["achievement"]
    result = EntryForm.base_fields["result"]


class CadencesForm(forms.Form):
    """One number per cadence; empty switches it off.

    `table=True` (the rhythm page) shows them as one row per cadence: the
    inputs then belong to the save form by its id and share the one hint
    above the table. The guided start lays them out as a plain form."""

    def __init__(
        self,
        *args: Any,
        current: dict[str, int | None],
        table: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        attrs = {"inputmode": "numeric", "class": "cadence-every"}
        if table:
            attrs |= {"form": "cadence-form", "aria-describedby": "cadence-help"}
        for kind in CadenceKind:
            self.fields[kind.value] = forms.IntegerField(
                label=f"{kind.label}: every … days",
                required=False,
                min_value=1,
                max_value=EVERY_DAYS_MAX,
                initial=current.get(kind.value),
                widget=forms.NumberInput(attrs=dict(attrs)),
            )
