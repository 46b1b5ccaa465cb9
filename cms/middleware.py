from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _


def remember_language(get_response):
    """Remember the language of the last page visited, so `/` opens in it next time."""

    def middleware(request):
        response = get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite="Lax",
            )
        return response

    return middleware


API_PREFIX = "/api/"


def _api_error_message(status: int) -> str:
    messages = {
        400: _("The data sent was not readable."),
        401: _("Log in to continue."),
        403: _("You are not allowed to do this. Reload the page and try again."),
        404: _("Not found."),
        405: _("This address does not accept this kind of request."),
        413: _("The data sent is too large."),
    }
    return str(messages.get(status, _("The request could not be handled.")))


def api_errors_as_json(get_response):
    """Under /api/ every answer is JSON, errors included, whichever layer refused the request.

    Django answers some refusals itself with an HTML page (a body too large to read, a
    missing CSRF token, a wrong method); a phone's script cannot read those. A body larger
    than Django will read is refused here, before anything tries to.
    """

    def middleware(request):
        if not request.path_info.startswith(API_PREFIX):
            return get_response(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            # Before LocaleMiddleware has run: pick the language the same way it would.
            with translation.override(translation.get_language_from_request(request)):
                return JsonResponse({"detail": _api_error_message(413)}, status=413)
        response = get_response(request)
        content_type = response.get("Content-Type", "")
        if response.status_code >= 400 and not content_type.startswith("application/json"):
            return JsonResponse(
                {"detail": _api_error_message(response.status_code)},
                status=response.status_code,
            )
        return response

    return middleware


PRIVATE = "private, no-store"


def private_by_default(get_response):
    """Whatever does not say how it may be kept is kept nowhere when it may be personal.

    A page is public or private (docs/architecture.md). Public pages say so themselves
    (`cms.models.PublicPageMixin`, the certificate check screen). Any other answer that
    names no cache policy is `private, no-store` when it could hold something personal: an
    answer to a signed-in visitor, one that carries a CSRF token (a form), and anything
    under /api/ (the personal JSON call, the outbox endpoints).
    """

    def middleware(request):
        response = get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(API_PREFIX)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or (user is not None and user.is_authenticated)
        ):
            response["Cache-Control"] = PRIVATE
        return response

    return middleware
