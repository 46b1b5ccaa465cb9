"""How public pages tell a reverse proxy or CDN that it may keep them (docs/architecture.md).

A public page is the same HTML for every visitor, so the answer says:

- `Cache-Control: public, max-age=<browser>, s-maxage=PUBLIC_PAGE_PROXY_MAX_AGE` — a browser
  asks again every time (the service worker goes to the network first, and an `ETag`
  makes the answer a 304 when nothing changed), while a shared cache may serve its copy for
  the shared lifetime: an edit reaches every reader at most that many seconds later.
- `Vary` without `Cookie`: the personal parts come from `/api/me/`, so the page does not
  depend on who asks, and a proxy must not keep one copy per session. Under a language
  prefix (`/vi/…`) the URL names the language, so not `Accept-Language` either. A public
  answer outside the prefixes whose language comes from the visitor (the offline page, the
  manifest) keeps `Vary: Accept-Language, Cookie`, which is the truth: the language cookie
  chooses it. Files that read the same in every language (lesson pictures, H5P library
  code) are marked `language_neutral` and vary on neither.
- no `Set-Cookie` (`cms.middleware.remember_language` leaves public answers alone), which
  most proxies would refuse to keep, or worse, hand to everyone.

This module is read by views in every app; it imports nothing from them.
"""

import functools

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

# Set on a response (or by the `language_neutral` decorator) when its bytes do not depend
# on the visitor's language.
LANGUAGE_NEUTRAL = "_language_neutral"


def mark_public(response, *, max_age: int = 0):
    """Say that `response` is a public page (see the module docstring)."""
    patch_cache_control(
        response,
        public=True,
        max_age=max_age,
        s_maxage=max(max_age, settings.PUBLIC_PAGE_PROXY_MAX_AGE),
    )
    return response


def public_page(max_age: int = 0):
    """A view whose 200 answers are public pages; any other answer says nothing here, so it
    falls to `cms.middleware.private_by_default`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                mark_public(response, max_age=max_age)
            return response

        return wrapped

    return decorator


def language_neutral(view):
    """A view whose answers are the same bytes in every language (files, keys)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, LANGUAGE_NEUTRAL, True)
        return response

    return wrapped


def is_public(response) -> bool:
    directives = {
        d.split("=", 1)[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return "public" in directives and not directives & {"private", "no-store"}


def drop_vary(response, *names: str) -> None:
    if not response.has_header("Vary"):
        return
    drop = {n.lower() for n in names}
    kept = [v.strip() for v in cc_delim_re.split(response["Vary"]) if v.strip()]
    kept = [v for v in kept if v.lower() not in drop]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
