"""The app manifest and offline page (site root), and a fast route to lesson pages."""

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from cms.http_cache import public_page
from cms.kept import prime
from cms.page_cache import serve_cached

from .models import LessonPage


@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request):
    return JsonResponse(
        {
            "name": _("Digital literacy for all"),
            "short_name": "BDHVS",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#b71c1c",
            "icons": [
                {
                    "src": static("courses/icon.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                    "purpose": "any",
                }
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@public_page()
def offline(request):
    """The page the service worker shows for a page never visited while online."""
    return HttpResponse(render_to_string("courses/offline.html", request=request))


def lesson_serve(request, index, course, lesson):
    """Serve /<lang>/<catalogue>/<course>/<lesson>/ with one query instead of Wagtail's ten.

    Wagtail routes a URL one level at a time from the home page (translation, child and
    `.specific` at each level). The shape of a lesson's URL is fixed by the page rules, so
    we find the lesson by its `url_path` directly, hand Wagtail the route, and let
    `wagtail.views.serve` do the rest (hooks, view restrictions, `serve`). Anything not
    found here (another page, an untranslated lesson) takes Wagtail's normal route.
    """
    path = f"{index}/{course}/{lesson}/"
    return serve_cached(request, lambda: _lesson_serve(request, path))


def _lesson_serve(request, path):
    prime(request)
    site = Site.find_for_request(request)
    language = translation.get_language()
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        root = next(
            (
                r.root_path
                for r in request._wagtail_cached_site_root_paths  # cms.kept.prime
                if r.site_id == site.pk and r.language_code == language
            ),
            None,
        )
        page = (
            LessonPage.objects.live()
            .select_related("locale")
            .filter(url_path=f"{root}{path}")
            .first()
            if root
            else None
        )
        if page is not None:
            page._cached_parent_obj = page.course_and_lessons(request)[0]
            request._wagtail_route_for_request = RouteResult(page)
    return wagtail_serve(request, path)
