"""Put a service's ValidationError on the form fields it names."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from headway.core.errors import HeadwayError


def add_service_error(form: forms.Form, error: ValidationError | HeadwayError) -> None:
    if isinstance(error, HeadwayError):
        form.add_error(None, error.message)
        return
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        if field == NON_FIELD_ERRORS:
            target = None
        form.add_error(target, errors)
