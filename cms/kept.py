"""What nearly every page asks and rarely changes, kept in each process.

Serving a page asks the same things every time: which site answers this host, which view
restrictions lie on the page or its ancestors, the campaign settings for the footer, the
links of the language switcher; a lesson also its course and lessons (courses) and its H5P
players' configurations (courses.h5p.player). Each was a query or more. They change only
when content changes, and every such change — a save or delete of a page, a site, a view
restriction, the settings, an H5P package or library (`PAGE_CACHE_MODELS`) — already starts
a new page-cache generation (cms.page_cache). So each process keeps them under the
generation it read them in: one cache read instead of their queries, and a change is seen
by every process on its next request.

The values are shared by every request the process serves: read them, never change them.
Without a cache to read the generation from (Redis down), nothing is kept.
"""

import copy
from collections import defaultdict

from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from cms.page_cache import generation

_kept: dict = {}
GENERATION = object()  # the key under which _kept notes the generation it holds


def kept_in_process(key: str, build, current: int | None = None):
    """`build()`, or its value from an earlier call in this process under this generation
    (`current`, when the caller has read it already)."""
    if current is None:
        current = generation()
    if not current:  # no cache answered: nothing to tell a change by
        return build()
    if _kept.get(GENERATION) != current:
        # Content changed: what was kept is dropped, so the process holds one generation.
        _kept.clear()
        _kept[GENERATION] = current
    kept = _kept.get(key)
    if kept is not None and kept[0] == current:
        return kept[1]
    value = build()
    _kept[key] = (current, value)
    return value


def forget_all() -> None:
    """For tests: a rolled-back test leaves rows behind in no generation."""
    _kept.clear()


def request_generation(request) -> int:
    """The generation, read once per request."""
    if not hasattr(request, "_content_generation"):
        request._content_generation = generation()
    return request._content_generation


def find_site(request):
    """`Site.find_for_request`, kept per host and port."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = kept_in_process(
            f"site:{request.get_host()}:{request.get_port()}",
            lambda: Site._find_for_request(request),
            request_generation(request),
        )
    return request._wagtail_site


def _restrictions_by_path():
    """Every view restriction's id under its page's path, and every alias's source path."""
    restricted = defaultdict(list)
    for pk, path in PageViewRestriction.objects.values_list("pk", "page__path"):
        restricted[path].append(pk)
    aliases = dict(
        Page.objects.filter(alias_of__isnull=False).values_list("path", "alias_of__path")
    )
    return dict(restricted), aliases


def view_restrictions(page: Page):
    """`Page.get_view_restrictions` without a query when none applies (nearly always).

    The same rule as Wagtail's: the restrictions on the page and on each ancestor, an
    alias taking its source page's. A queryset still, as the admin orders it.
    """
    restricted, aliases = kept_in_process("view-restrictions", _restrictions_by_path)
    ids = []
    for depth in range(1, len(page.path) // page.steplen + 1):
        path = page.path[: depth * page.steplen]
        seen = set()
        while path in aliases and path not in seen:
            seen.add(path)
            path = aliases[path]
        ids.extend(restricted.get(path, ()))
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


def prime(request) -> None:
    """Before serving a page: the site, and the campaign settings where Wagtail's `settings`
    template context looks first (a copy: what a request does to it stays in the request)."""
    from cms.models import CampaignSettings

    current = request_generation(request)
    find_site(request)
    if not hasattr(request, "_wagtail_cached_site_root_paths"):  # read by Page.get_url
        request._wagtail_cached_site_root_paths = kept_in_process(
            "site-root-paths", Site.get_site_root_paths, current
        )
    attr = CampaignSettings.get_cache_attr_name()
    if not hasattr(request, attr):
        kept = kept_in_process("campaign-settings", CampaignSettings.load, current)
        setattr(request, attr, copy.copy(kept))


def translation_urls(request, page) -> dict:
    """{language code: URL} of the page's live translations, itself included."""

    def build():
        urls = {}
        for other in page.get_translations(inclusive=True).select_related("locale"):
            code = other.locale.language_code
            with translation.override(code):
                urls[code] = other.get_url(request)
        return urls

    site = find_site(request)
    key = f"translations:{site.pk if site else '-'}:{page.translation_key}"
    return kept_in_process(key, build, request_generation(request))
