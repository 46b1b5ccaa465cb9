"""A person's fields and their rules, defined once.

A villager is registered in many places: the roll call on a phone with no signal
(`trainees/static/trainees/person-fields.js`), the sync API, the sign-in sheet, QR check-in,
sign-up and the roster import. Every one of them takes its rules from here, so a name the
form refuses is refused by the API, the import and the roll-call script too, with the same
words:

- `person_fields_clean(commune=…, values=…)` checks one person's fields and returns them
  cleaned (`PersonFields`) or raises `ValidationError({field: [message, …]})`. The
  services call it; the import calls it for each row.
- `clean_<field>(value)` checks one field; forms call them from their `clean_<field>`
  methods (`PersonFieldsMixin`), so a form shows each message beside its field.
- `person_rules()` is the same rules and messages as data, for the roll-call script (which
  applies them offline, before a registration is queued) and for the API's documentation.

What a name may contain is `cms.validators.text_problem`'s rule (no NUL, no broken or
control characters); names are stored in Unicode NFC with single spaces, so the same name
typed on two phones is the same text.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.validators import text_problem_code, text_problem_messages

from ..models import Commune, Ethnicity, Person, Village, normalise_name
from .phone import normalise_phone

FULL_NAME_MAX_LENGTH = Person._meta.get_field("full_name").max_length
HOUSEHOLD_MAX_LENGTH = Person._meta.get_field("household").max_length
NOTES_MAX_LENGTH = 1000
BIRTH_YEAR_MIN = 1900
BIRTH_YEAR_RE = re.compile(r"^[0-9]{1,4}$")


def birth_year_max() -> int:
    return timezone.localdate().year


def messages() -> dict[str, str]:
    """Every message the rules give, by code, in the active language."""
    return {
        **text_problem_messages(),
        "full_name_required": _("Enter the person's full name."),
        "full_name_too_long": _("The name is too long: at most %(n)s letters.")
        % {"n": FULL_NAME_MAX_LENGTH},
        "birth_year_invalid": _("Enter a birth year like 1975."),
        "birth_year_range": _("Enter a birth year between %(min)s and %(max)s.")
        % {"min": BIRTH_YEAR_MIN, "max": birth_year_max()},
        "gender_unknown": _("Unknown gender."),
        "ethnicity_unknown": _("Unknown ethnic group."),
        "village_unknown": _("Choose a village of this commune from the list."),
        "household_too_long": _("The household is too long: at most %(n)s letters.")
        % {"n": HOUSEHOLD_MAX_LENGTH},
        "notes_too_long": _("The notes are too long: at most %(n)s letters.")
        % {"n": NOTES_MAX_LENGTH},
        "consent_required": _("The person must agree to be recorded before they are registered."),
    }


def _error(code: str) -> ValidationError:
    return ValidationError(messages()[code], code=code)


def _text(value, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    # Tabs and line breaks in a one-line field are spaces (a name pasted from a table).
    code = text_problem_code(value, multiline=True)
    if code:
        raise _error(code)
    value = unicodedata.normalize("NFC", value.replace("\ufeff", " "))
    if multiline:
        return value.strip()
    return " ".join(value.split())


def clean_full_name(value) -> str:
    name = _text(value)
    if not name:
        raise _error("full_name_required")
    if len(name) > FULL_NAME_MAX_LENGTH:
        raise _error("full_name_too_long")
    return name


def clean_birth_year(value) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _error("birth_year_invalid")
    if isinstance(value, str):
        if not BIRTH_YEAR_RE.match(value.strip()):
            raise _error("birth_year_invalid")
        value = int(value.strip())
    if not isinstance(value, int):
        raise _error("birth_year_invalid")
    if not BIRTH_YEAR_MIN <= value <= birth_year_max():
        raise _error("birth_year_range")
    return value


def clean_gender(value) -> str:
    value = value or ""
    if value and value not in Person.Gender.values:
        raise _error("gender_unknown")
    return value


def clean_ethnicity(value) -> str:
    value = value or ""
    if value and value not in Ethnicity.values:
        raise _error("ethnicity_unknown")
    return value


def clean_household(value) -> str:
    household = _text(value)
    if len(household) > HOUSEHOLD_MAX_LENGTH:
        raise _error("household_too_long")
    return household


def clean_notes(value) -> str:
    notes = _text(value, multiline=True)
    if len(notes) > NOTES_MAX_LENGTH:
        raise _error("notes_too_long")
    return notes


def clean_phone(value) -> str:
    value = _text(value)
    return normalise_phone(value) if value else ""


def clean_consent(value) -> bool:
    if value is not True:
        raise _error("consent_required")
    return True


def clean_village(value, commune: Commune | None) -> Village | None:
    if value is None:
        return None
    if not isinstance(value, Village) or commune is None or value.commune_id != commune.pk:
        raise _error("village_unknown")
    return value


CLEANERS = {
    "full_name": clean_full_name,
    "birth_year": clean_birth_year,
    "gender": clean_gender,
    "ethnicity": clean_ethnicity,
    "household": clean_household,
    "phone": clean_phone,
    "consent": clean_consent,
    "notes": clean_notes,
}


@dataclass(frozen=True)
class PersonFields:
    """One person's fields, checked: what `Person.objects.create` is given."""

    full_name: str
    birth_year: int | None = None
    gender: str = ""
    ethnicity: str = ""
    village: Village | None = None
    household: str = ""
    phone: str = ""
    consent: bool = True
    notes: str = ""

    @property
    def name_key(self) -> str:
        return normalise_name(self.full_name)

    def as_kwargs(self) -> dict:
        """The fields by name (shallow: the village stays the same object)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def as_model_fields(self) -> dict:
        return {**self.as_kwargs(), "name_key": self.name_key}


def person_fields_clean(*, commune: Commune | None, values: Mapping) -> PersonFields:
    """Check one person's fields; return them cleaned or raise ValidationError({field: …}).

    Fields missing from `values` take their defaults (and `consent` must be given).
    """
    cleaned, errors = {}, {}
    for name, clean in CLEANERS.items():
        if name not in values and name not in ("full_name", "consent"):
            continue
        try:
            cleaned[name] = clean(values.get(name))
        except ValidationError as exc:
            errors[name] = exc.messages
    try:
        cleaned["village"] = clean_village(values.get("village"), commune)
    except ValidationError as exc:
        errors["village"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return PersonFields(**cleaned)


def person_rules() -> dict:
    """The rules and messages as data, for the roll-call script and the API's documentation."""
    return {
        "full_name": {"required": True, "max_length": FULL_NAME_MAX_LENGTH},
        "birth_year": {"min": BIRTH_YEAR_MIN, "max": birth_year_max()},
        "gender": {"choices": list(Person.Gender.values)},
        "ethnicity": {"choices": list(Ethnicity.values)},
        "household": {"max_length": HOUSEHOLD_MAX_LENGTH},
        "notes": {"max_length": NOTES_MAX_LENGTH},
        "consent": {"required": True},
        "messages": messages(),
    }


# --- Forms ------------------------------------------------------------------------------


class PersonFieldsMixin:
    """For a form with some of the person fields: each is checked by its rule above.

    The fields carry no limits of their own (only the browser's `maxlength` hint), so the
    form refuses exactly what the rules refuse, with the same messages. A form that needs
    the village checked against a commune sets `self.fields["village"].queryset`.
    """

    def clean_full_name(self):
        return self._person_field("full_name")

    def clean_birth_year(self):
        return self._person_field("birth_year")

    def clean_household(self):
        return self._person_field("household")

    def clean_notes(self):
        return self._person_field("notes")

    def _person_field(self, name):
        try:
            return CLEANERS[name](self.cleaned_data.get(name))
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None


class PersonTextField(forms.CharField):
    """Text checked only by its person rule: Django's own NUL check would answer first, in
    other words than the API, the import and the roll call use."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


def full_name_field(label) -> forms.CharField:
    return PersonTextField(
        label=label,
        required=False,
        strip=False,
        widget=forms.TextInput(
            attrs={"maxlength": FULL_NAME_MAX_LENGTH, "required": True, "autocomplete": "name"}
        ),
    )


def birth_year_field() -> forms.CharField:
    return PersonTextField(
        label=gettext_lazy("Birth year"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
    )


def household_field() -> forms.CharField:
    return PersonTextField(
        label=gettext_lazy("Household"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"maxlength": HOUSEHOLD_MAX_LENGTH}),
    )
