"""Rate limits on the public and costly endpoints, answered with 429 and `Retry-After`.

The limits are named by URL name in `settings.RATE_LIMITS`, so every limit of the site is
in one place and the views stay as they are. Each is a fixed window counted in the cache,
per address (public pages: the certificate check, QR check-in, sign-up) or per account
(the sync API, the roster, xAPI statements: a trainer behind a village's carrier-NAT
address must not share a budget with everyone else on it).

When the cache is down the limits **fail open**: the request is served and a warning is
logged (once a minute). A limit here protects capacity, not correctness — check-in tokens
are signed and expire in a minute, certificate codes are unguessable, and the login
throttle (`trainees.people.throttle`) keeps its counts in the database, so it still holds.
Failing closed would turn a Redis restart into a village that cannot check in.

`client_address` is the caller's address behind `TRUSTED_PROXY_COUNT` reverse proxies.
"""

from __future__ import annotations

import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60
_last_warning = [0.0]
# The clock the windows are counted by (a test moves it).
clock = time.time


def client_address(request) -> str:
    """REMOTE_ADDR, or the address the last trusted proxy saw (X-Forwarded-For)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def wait_text(seconds: int) -> str:
    """'45 seconds', '3 minutes', '1 hour' — how long to wait, in the active language."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = math.ceil(minutes / 60)
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def _cache_down(error: object = None) -> None:
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS:
        _last_warning[0] = now
        logger.warning("The cache is unreachable; rate limits are not enforced (%s).", error)


def hit(bucket: str, ident: str, *, limit: int, seconds: int) -> int | None:
    """Count one request of `ident` in `bucket`; the seconds to wait when over `limit`.

    None means "go ahead" — also when the cache is down (see the module docstring).
    """
    now = clock()
    window = int(now // seconds)
    key = f"ratelimit:{bucket}:{ident}:{window}"
    try:
        added = cache.add(key, 1, timeout=seconds + 1)
        if added is None:  # django-redis ignored a connection error
            _cache_down("no answer")
            return None
        if added:
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                count = 1
            if count is None:
                _cache_down("no answer")
                return None
    except Exception as exc:  # a cache backend that raises instead of ignoring
        _cache_down(exc)
        return None
    if count <= limit:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))


def wants_json(request) -> bool:
    return (
        request.path_info.startswith("/api/")
        or request.content_type == "application/json"
        or "application/json" in request.headers.get("Accept", "")
    )


def too_many_response(request, retry_after: int, *, template: str = "cms/too_many.html"):
    """429 with Retry-After: JSON for scripts, a page in the visitor's language for people."""
    message = _("Too many requests. Please wait %(wait)s and try again.") % {
        "wait": wait_text(retry_after)
    }
    if wants_json(request):
        response = JsonResponse(
            {"ok": False, "detail": message, "retry_after": retry_after}, status=429
        )
    else:
        response = render(
            request,
            template,
            {"message": message, "retry_after": retry_after, "wait": wait_text(retry_after)},
            status=429,
        )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "private, no-store"
    return response


class RateLimitMiddleware:
    """Applies `settings.RATE_LIMITS` to the view a URL resolved to (by its URL name).

    Each rule: `limit` requests per `seconds`, counted per `address` or per `user` (signed-in
    callers; others by address), for the listed `methods` (all when absent).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.url_name:
            return None
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        rule = settings.RATE_LIMITS.get(name)
        if not rule:
            return None
        if rule.get("methods") and request.method not in rule["methods"]:
            return None
        address = client_address(request)
        if address in settings.RATE_LIMIT_EXEMPT_ADDRESSES:
            return None
        user = getattr(request, "user", None)
        if rule.get("per") == "user" and user is not None and user.is_authenticated:
            ident = f"u{user.pk}"
        else:
            ident = f"a{address}"
        retry_after = hit(name, ident, limit=rule["limit"], seconds=rule["seconds"])
        if retry_after is None:
            return None
        return too_many_response(request, retry_after)
