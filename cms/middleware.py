from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from cms.http_cache import LANGUAGE_NEUTRAL, drop_vary, is_public
from cms.permissions import user_can_use_admin

# The personal JSON call every public page makes, with the page's language (cms/site.js).
ME_PATH = "/api/me/"


def remember_language(get_response):
    """Remember the language of the last page visited, so `/` opens in it next time.

    A public page may not set a cookie (a proxy would keep it, or hand it to everyone), so
    for those the cookie comes with the page's call to `/api/me/?lang=…`.
    """

    def middleware(request):
        response = get_response(request)
        if is_public(response):
            return response
        language = translation.get_language_from_path(request.path_info)
        if language is None and request.path_info == ME_PATH:
            language = request.GET.get("lang")
            if language not in dict(settings.LANGUAGES):
                language = None
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


ADMIN_PREFIX = "/admin/"
# Open to anyone: how staff sign in and out.
ADMIN_OPEN = ("/admin/login/", "/admin/logout/")


def admin_for_staff_only(get_response):
    """The Wagtail admin answers signed-in people who are not staff with 403 (cms.permissions);
    visitors who are not signed in get Wagtail's own log-in page."""

    def middleware(request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(ADMIN_OPEN)
            and request.user.is_authenticated
            and not user_can_use_admin(request.user)
        ):
            raise PermissionDenied
        return get_response(request)

    return middleware


class AdminIdsThatAreNoNumbersNotFound:
    """An admin URL naming an object by an id that is not a number is "not found" (404).

    Wagtail's generic views (snippets, choosers, model viewsets) take the id from the path as
    text and look it up as is; for our integer keys Django then raises "Field 'id' expected
    a number but got …" (a ValueError or TypeError), which was a server error. Only that
    error, and only under /admin/: elsewhere the URL patterns take numbers only, and any
    such error in our own views is a bug to fix where it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and isinstance(exception, ValueError | TypeError)
            and "expected a number but got" in str(exception)
        ):
            raise Http404(str(exception)) from exception
        return None


class AdminDeadEndsNotFound:
    """Two places in Wagtail's admin that can only fail are "not found" (404):

    - its page for testing the error page (`/admin/failwhale/`), a deliberate 500;
    - locking or unlocking the tree's root page (`/admin/pages/1/lock/`): Wagtail locks it,
      then fails to find its parent to go back to. The root holds no content to lock.
    """

    URL_NAMES = {"wagtailadmin_error_test"}
    ROOT_PAGE_URL_NAMES = {"wagtailadmin_pages:lock", "wagtailadmin_pages:unlock"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.models import Page

        name = request.resolver_match.view_name if request.resolver_match else ""
        if name in self.URL_NAMES:
            raise Http404
        if name in self.ROOT_PAGE_URL_NAMES and (
            Page.objects.filter(pk=view_kwargs.get("page_id"), depth=1).exists()
        ):
            raise Http404
        return None


def body_limit(request) -> int | None:
    """The most bytes a request to this path may send (see UPLOAD_MAX_BYTES in settings)."""
    path = request.path_info
    for prefix, limit in settings.UPLOAD_MAX_BYTES_BY_PREFIX.items():
        if path.startswith(prefix):
            return limit
    if settings.UPLOAD_MAX_BYTES_BY_URL:
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        if match is not None:
            name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
            if name in settings.UPLOAD_MAX_BYTES_BY_URL:
                return settings.UPLOAD_MAX_BYTES_BY_URL[name]
    if request.content_type == "multipart/form-data":
        return settings.UPLOAD_MAX_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def limit_request_body(get_response):
    """A body larger than the path allows is refused with 413 before anything reads it.

    Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) leaves file uploads out, and answers
    the rest with a bare "Bad Request". Here every body is capped — files too — and the
    answer says what happened, as a page in the visitor's language or as JSON for scripts.
    A body sent without a Content-Length (chunked) is not read by Django at all.
    """

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > min(settings.UPLOAD_MAX_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE):
            limit = body_limit(request)
            if limit is not None and length > limit:
                return _too_large(request, length, limit)
        return get_response(request)

    return middleware


def _too_large(request, length: int, limit: int):
    from cms.ratelimit import wants_json

    message = _("What was sent is too large (%(size)s): at most %(limit)s here.") % {
        "size": filesizeformat(length),
        "limit": filesizeformat(limit),
    }
    if wants_json(request):
        return JsonResponse({"ok": False, "detail": message}, status=413)
    return render(request, "cms/too_large.html", {"message": message}, status=413)


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


def public_vary(get_response):
    """A public page's `Vary` names only what its bytes depend on (cms/http_cache.py).

    Django adds `Vary: Cookie` whenever anything looked at the session — the user, the
    language, a rate limit per account — though a public page is the same for everyone; a
    proxy honouring it would keep one copy per visitor, i.e. none. Under a language prefix
    the URL names the language. Outside one, a public page's language comes from the
    visitor's language cookie or Accept-Language, and its `Vary` says both. It sits outside
    SessionMiddleware and LocaleMiddleware so it sees the headers they add.
    """

    def middleware(request):
        response = get_response(request)
        if not is_public(response):
            return response
        if getattr(response, LANGUAGE_NEUTRAL, False) or translation.get_language_from_path(
            request.path_info
        ):
            drop_vary(response, "Cookie", "Accept-Language")
        else:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return middleware


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


# What is worth compressing: text. Pictures, audio, video, woff2 and zip are compressed
# already; WhiteNoise and the H5P file views send their own gzip twins.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
    "font/ttf",
    "font/otf",
)


class PublicGZipMiddleware(GZipMiddleware):
    """Gzip for public answers only (pages the same for everyone, public JSON).

    BREACH (https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.gzip)
    reads a secret out of a compressed answer whose size an attacker can watch while making
    the victim's browser send chosen text that the answer repeats. Django masks the CSRF token
    anew for every answer, and its GZipMiddleware pads each answer by a random length; but
    a private page holds other things worth stealing (people's names and phone numbers, a
    session's check-in code) next to text taken from the request (search boxes, filters).
    A public page holds no secret at all: it is the same bytes for every visitor
    (docs/architecture.md), so compressing it reveals nothing. Private answers therefore go
    out as they are; lessons, courses, the catalogue, the offline page and the public JSON
    are compressed.
    """

    def process_response(self, request, response):
        if not is_public(response):
            return response
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's header on every HTML answer, with the admin's policy under /admin/.

    The site's policy (`CONTENT_SECURITY_POLICY`) is one fixed header, with no nonce, so a
    public page stays the same for everyone. Wagtail's admin needs inline scripts: paths in
    `CSP_ADMIN_PREFIXES` get `CONTENT_SECURITY_POLICY_ADMIN` instead, without copying or
    overriding any of Wagtail's templates. A page Wagtail renders for the admin's preview
    (a dummy request run through the middleware, path and all) keeps the site's policy, but
    the admin may frame it. JSON, CSV, PDF and script answers get no policy
    (a browser applies one only to documents and workers); a view that sets its own header
    (the service worker, media, H5P content files) keeps it.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith("text/html"):
            response._csp_exempt = True
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(settings.CSP_ADMIN_PREFIXES):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


# Headers a browser applies to the page it shows, which a 304 lets it show again from its copy.
CARRIED_BY_304 = (
    "Content-Security-Policy",
    "Content-Security-Policy-Report-Only",
    "X-Frame-Options",
)


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's ETag and 304, with the page's security headers on the 304 as well.

    RFC 9110 (15.4.5) has a 304 carry the headers the 200 would have sent; Django's copies only
    the caching ones (`django.utils.cache._not_modified`), and a 304 has no Content-Type, so
    django-csp, running after it, would see no page to protect. This middleware sits outside
    `ContentSecurityPolicyMiddleware`, so the 200 it turns into a 304 has its policy already
    (a lesson's H5P exceptions included), and the policy goes out with the 304.
    """

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and answer.status_code == 304:
            for name in CARRIED_BY_304:
                if response.has_header(name):
                    answer[name] = response[name]
        return answer
