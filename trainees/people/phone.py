"""Phone numbers are how people log in: many learners have no e-mail.

We keep one canonical form, E.164 with Viet Nam's +84 prefix, so "0912 345 678",
"+84 912-345-678" and "84912345678" are the same account.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EXAMPLE = "0912 345 678"


def normalise_phone(value: str) -> str:
    """Return `value` as +84…, or raise ValidationError saying what is wrong."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError(_("Enter a phone number."), code="required")
    allowed = set("0123456789+ .-()")
    if any(ch not in allowed for ch in raw):
        raise ValidationError(
            _("A phone number may contain only digits, spaces and +, for example %(example)s."),
            code="invalid_characters",
            params={"example": EXAMPLE},
        )
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("This is not a phone number. Write it like %(example)s."),
            code="invalid",
            params={"example": EXAMPLE},
        ) from exc
    if number.country_code != 84:
        raise ValidationError(
            _("Enter a Vietnamese phone number (starting with 0 or +84)."), code="not_vietnamese"
        )
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "This phone number has the wrong number of digits. "
                "Check it, for example %(example)s."
            ),
            code="invalid_length",
            params={"example": EXAMPLE},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone_national(value: str) -> str:
    """+84912345678 → "0912 345 678", the way people write it."""
    try:
        number = phonenumbers.parse(value, "VN")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
