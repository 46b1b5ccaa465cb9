"""Login throttling per (account, address) pair, with a cool-down that grows.

`LOGIN_FREE_FAILURES` wrong passwords for one phone number from one address are free; the
next one starts a cool-down of `LOGIN_COOLDOWN_SECONDS`, and each wrong password after a
cool-down doubles it, up to `LOGIN_COOLDOWN_MAX_SECONDS`. During a cool-down the password
is not even checked, so guessing gains nothing; the login form says how long to wait. A
right password after the cool-down clears the count. A day without a wrong password
forgets the count too.

Not a hard lock: the same account from another address (the trainer's own phone) is not
slowed by someone guessing elsewhere; and never by address alone: a village behind one
carrier-NAT address logs in as usual. The counts live in the database (`LoginThrottle`),
so the throttle holds when the cache is down. We wrote this rather than use django-axes:
axes's cool-off is fixed, and its username is the raw form field, so "0912 345 678" and
"+84912345678" would be counted apart; here the account is the normalised phone number.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import LoginThrottle
from .phone import normalise_phone

# A wrong password older than this no longer counts.
FORGET_AFTER = dt.timedelta(days=1)


def account_key(username: str | None) -> str:
    """The phone number however it was typed, else the text itself (never empty for input)."""
    username = (username or "").strip()
    if not username:
        return ""
    try:
        return normalise_phone(username)
    except ValidationError:
        return username.lower()[:64]


def _cooldown(failures: int) -> dt.timedelta | None:
    over = failures - settings.LOGIN_FREE_FAILURES
    if over < 0:
        return None
    seconds = settings.LOGIN_COOLDOWN_SECONDS * 2 ** min(over, 20)
    return dt.timedelta(seconds=min(seconds, settings.LOGIN_COOLDOWN_MAX_SECONDS))


def login_wait(*, account: str, address: str) -> int:
    """Seconds this pair must still wait before a password is checked (0: go ahead)."""
    locked_until = (
        LoginThrottle.objects.filter(account=account, address=address)
        .values_list("locked_until", flat=True)
        .first()
    )
    if locked_until is None:
        return 0
    remaining = (locked_until - timezone.now()).total_seconds()
    return max(0, int(remaining + 0.999))


def login_failed(*, account: str, address: str) -> int:
    """Count a wrong password; the seconds of cool-down it starts (0: none yet)."""
    now = timezone.now()
    for _attempt in range(2):  # two first failures at once: one insert wins, retry once
        try:
            with transaction.atomic():
                throttle, _created = LoginThrottle.objects.select_for_update().get_or_create(
                    account=account, address=address, defaults={"last_failure_at": now}
                )
                if now - throttle.last_failure_at > FORGET_AFTER:
                    throttle.failures = 0
                throttle.failures += 1
                throttle.last_failure_at = now
                cooldown = _cooldown(throttle.failures)
                throttle.locked_until = now + cooldown if cooldown else None
                throttle.save()
                return int(cooldown.total_seconds()) if cooldown else 0
        except IntegrityError:
            continue
    return 0


def login_succeeded(*, account: str, address: str) -> None:
    LoginThrottle.objects.filter(account=account, address=address).delete()


def throttles_prune() -> int:
    """Forget pairs with no wrong password for a day (the retention task calls this)."""
    deleted, _ = LoginThrottle.objects.filter(
        last_failure_at__lt=timezone.now() - FORGET_AFTER
    ).delete()
    return deleted
