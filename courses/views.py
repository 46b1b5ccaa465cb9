"""The offline pieces served from the site root: the service worker and the app manifest."""

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Bump when sw.js changes in a way that must drop old caches.
SW_VERSION = "1"


@require_GET
@cache_control(max_age=0, no_cache=True)
def service_worker(request):
    """The service worker, at /sw.js so its scope is the whole site."""
    body = render_to_string(
        "courses/sw.js",
        {
            "version": SW_VERSION,
            "shell": [
                static("cms/site.css"),
                static("courses/courses.css"),
                static("courses/lesson.js"),
                "/vi/",
                "/offline/",
            ],
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


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
def offline(request):
    """The page the service worker shows for a page never visited while online."""
    return HttpResponse(render_to_string("courses/offline.html", request=request))
