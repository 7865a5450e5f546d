"""Forms of the accounts pages."""

from __future__ import annotations

from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        required=False,
        help_text="To recognise it later, e.g. “laptop” or “CI”.",
    )
