from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache


def root_redirect(request):
    """Send `/` to the visitor's language prefix (cookie, then browser, then Vietnamese)."""
    language = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{language}/")


@never_cache
def healthz(request):
    """For load balancers: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """The 500 page, in the language of the URL, without touching the database or the cache.

    When the database or Redis is what failed, anything that reads them (the session, the
    user, site settings, context processors) would fail again here, so the template is
    rendered with no request context. The API answers in JSON, as all its errors do.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Something went wrong on the server. Try again later.")},
                status=500,
            )
        html = loader.get_template("500.html").render({})
    return HttpResponseServerError(html)
