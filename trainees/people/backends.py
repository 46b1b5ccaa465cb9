from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from .phone import normalise_phone


class PhoneNumberBackend(ModelBackend):
    """Log in with a phone number however it is written ("0912 345 678", "+84912345678")."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            username = normalise_phone(username or kwargs.get("phone") or "")
        except ValidationError:
            return None
        return super().authenticate(request, username=username, password=password)
