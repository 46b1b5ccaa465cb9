"""Whole public pages kept in the cache, per URL (so per language), until content changes.

A public page is the same HTML for every visitor (docs/architecture.md), so once built it
can be answered to the next one without routing through the page tree or rendering: one
cache read of the generation, one of the page. `serve_cached` does that for Wagtail's pages
(`cms.views.page`) and for lessons (`courses.views.lesson_serve`). Only answers the page
itself declared `Cache-Control: public` are kept, so a page behind a view restriction, a
preview, a redirect or an error never is.

**Invalidation.** A lesson page names its course and siblings, a course page its lessons,
every page the site settings: one published change can alter many pages. So every key holds
a *generation*, and any save or delete of content — a page (publishing, unpublishing,
moving, a translation), a site, a locale, the site settings, an image, an H5P activity or
library (`PAGE_CACHE_MODELS`) — starts a new generation; the old entries are never read
again and expire. The key also holds the static files' manifest, so a deploy that changes
them starts afresh, and entries live at most `PAGE_CACHE_SECONDS` (a deploy that changes
only a template is seen within that time).

Saving anything else (learners' progress, attendance…) never touches the page cache.
"""

import hashlib
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from cms.http_cache import is_public

GENERATION_KEY = "page-cache:generation"
# What an answer taken from the cache carries over from the one that was built: headers,
# and the page's own exceptions to the Content-Security-Policy (a lesson playing H5P sets
# `_csp_update`; django-csp's middleware writes the header after the view).
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Vary")
KEPT_ATTRIBUTES = ("_csp_update", "_csp_replace", "_csp_exempt")


@memoize
def static_version() -> str:
    """The static files' manifest, hashed: a deploy that changes any static file changes it."""
    path = settings.STATIC_ROOT and (settings.BASE_DIR.joinpath(settings.STATIC_ROOT))
    try:
        data = (path / "staticfiles.json").read_bytes()
    except (OSError, TypeError):
        return "-"
    return hashlib.sha256(data).hexdigest()[:12]


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # First use, or the cache was emptied: a generation nobody has written under.
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY) or 0
    return value


def page_cache_clear() -> None:
    """Start a new generation: every page is built again on its next visit."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet
        cache.add(GENERATION_KEY, 1, timeout=None)


def _key(request) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:24]
    return f"page-cache:{generation()}:{static_version()}:{digest}"


def cacheable(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method in ("GET", "HEAD")
        and not request.GET
    )


def page_cache_get(request):
    """The kept answer for this URL, or None."""
    key = _key(request)
    request._page_cache_key = key
    kept = cache.get(key)
    if kept is None:
        return None
    response = HttpResponse(kept["content"], status=200)
    for name, value in kept["headers"].items():
        response[name] = value
    for name, value in kept.get("attributes", {}).items():
        setattr(response, name, value)
    return response


def page_cache_put(request, response) -> None:
    """Keep `response` if the page declared itself public."""
    if (
        response.status_code != 200
        or response.streaming
        or not is_public(response)
        or response.cookies
    ):
        return
    if hasattr(response, "render") and callable(response.render):
        response.render()
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    attributes = {
        name: getattr(response, name) for name in KEPT_ATTRIBUTES if hasattr(response, name)
    }
    cache.set(
        getattr(request, "_page_cache_key", None) or _key(request),
        {"content": response.content, "headers": headers, "attributes": attributes},
        timeout=settings.PAGE_CACHE_SECONDS,
    )


def serve_cached(request, build):
    """The kept answer for this URL, else `build()`'s, kept when the page says it is public."""
    if not cacheable(request):
        return build()
    kept = page_cache_get(request)
    if kept is not None:
        return kept
    response = build()
    page_cache_put(request, response)
    return response


def _content_changed(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page) or sender._meta.label in settings.PAGE_CACHE_MODELS:
        page_cache_clear()
        # Again once the change is visible to others: a page built in between, from the
        # rows as they were, must not be kept under the new generation.
        transaction.on_commit(page_cache_clear)


def connect() -> None:
    """Called once by `CmsConfig.ready`."""
    post_save.connect(_content_changed, dispatch_uid="page-cache-save")
    post_delete.connect(_content_changed, dispatch_uid="page-cache-delete")
