from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .phone import normalise_phone


class PhoneNumberFormField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_phone(value) if value else value


class PhoneNumberField(models.CharField):
    """A Vietnamese phone number, always stored as +84… (see trainees.people.phone)."""

    description = _("Phone number")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_phone(value) if value else value

    def get_prep_value(self, value):
        # Saves and lookups use the canonical form, so "0912 345 678" finds +84912345678.
        # Invalid input is left alone: it matches nothing, and full_clean reports it.
        value = super().get_prep_value(value)
        try:
            return normalise_phone(value) if value else value
        except ValidationError:
            return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneNumberFormField, **kwargs})
