import json
import logging
import mimetypes
import posixpath
import sys
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST, require_safe
from django.views.static import serve, was_modified_since
from wagtail import hooks
from wagtail.views import serve as wagtail_serve

from cms.http_cache import language_neutral
from cms.kept import prime
from cms.page_cache import serve_cached
from cms.validators import json_loads

logger = logging.getLogger(__name__)
csp_logger = logging.getLogger("cms.csp")


def page(request, path):
    """Wagtail's pages, public ones answered from the page cache when kept (cms.page_cache)."""
    return serve_cached(request, lambda: _serve(request, path))


def _serve(request, path):
    prime(request)
    return wagtail_serve(request, path)


def root_redirect(request):
    """Send `/` to the visitor's language prefix (cookie, then browser, then Vietnamese)."""
    language = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{language}/")


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        # Asked every few seconds by a load balancer: one line a minute, not a traceback each.
        _database_down_logged(error)
        return False
    return True


def _cache_answers() -> bool:
    # The cache ignores its own errors (cms.cache), so ask it to keep and give back a value.
    key, value = "healthz", uuid.uuid4().hex
    cache.set(key, value, 10)
    return cache.get(key) == value


@never_cache
def healthz(request):
    """For load balancers: 503 when the database is down (take the node out); 200 "degraded"
    when only the cache is (pages are slower but right, so keep the node); else 200 "ok"."""
    if not _database_answers():
        return HttpResponse("database down", status=503, content_type="text/plain")
    if not _cache_answers():
        return HttpResponse("degraded: cache down", content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def _broker_answers() -> bool:
    from cms.celery import app

    if app.conf.task_always_eager:
        return True  # no broker: tasks run in the web process
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # noqa: BLE001 - any failure to reach the broker is "down"
        logger.warning("Health check: the Celery broker does not answer", exc_info=True)
        return False
    return True


def _workers_answer() -> bool:
    from cms.celery import app

    if app.conf.task_always_eager:
        return True
    try:
        return bool(app.control.ping(timeout=1.0))
    except Exception:  # noqa: BLE001 - a broker that is down means no worker can answer
        logger.warning("Health check: no Celery worker answers", exc_info=True)
        return False


def _outbox_waiting() -> int | None:
    from cms.models import TaskOutbox

    try:
        return TaskOutbox.objects.count()
    except DatabaseError:
        return None


def _text(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain")


@never_cache
def healthz_part(request, part: str):
    """One part each, for monitors and for load balancers that check several URLs:

    - `/healthz/web`: this process answers (touches nothing else);
    - `/healthz/db`: PostgreSQL answers, else 503;
    - `/healthz/cache`: Redis (the cache) answers, else 503;
    - `/healthz/broker`: Redis (the broker) answers, else 503; says how many tasks wait in
      the database outbox (cms.outbox) meanwhile;
    - `/healthz/workers`: at least one Celery worker answers a ping within a second, else 503.

    With no broker configured (the embedded install), tasks run in the web process, so the
    broker and workers are "ok".
    """
    if part == "web":
        return _text("ok")
    if part == "db":
        return _text("ok") if _database_answers() else _text("database down", 503)
    if part == "cache":
        return _text("ok") if _cache_answers() else _text("cache down", 503)
    if part == "broker":
        waiting = _outbox_waiting()
        note = f"; {waiting} task(s) waiting in the outbox" if waiting else ""
        if _broker_answers():
            return _text("ok" + note)
        return _text("broker down" + note, 503)
    # The URL admits only the five parts: this is "workers".
    return _text("ok") if _workers_answer() else _text("no worker answers", 503)


# The service worker's own policy: it runs no other script and talks only to the site.
WORKER_CSP = "default-src 'none'; connect-src 'self'"
# Bump when sw.js changes in a way that must drop the kept shell.
SW_VERSION = "3"
# Files kept on the way (not those a learner saved): the oldest go past this many.
SW_MEDIA_MAX = 200


@require_GET
@cache_control(public=True, max_age=0, no_cache=True)
def service_worker(request):
    """The site's one service worker (docs/architecture.md), at /sw.js so its scope is the
    whole site. Its shell: the site's own files, and what each app asks to keep through the
    `offline_shell_urls` hook (public pages and their files only). The same bytes for every
    visitor, so public: compressed on the wire (cms.middleware.PublicGZipMiddleware), and
    always asked again (no-cache) so an update reaches the phone."""
    shell = [
        static("cms/site.css"),
        static("cms/site.js"),
        static("cms/offline.js"),
        static("cms/offline-migrate.js"),
        *[url for urls in hooks.get_hooks("offline_shell_urls") for url in urls()],
    ]
    body = loader.render_to_string(
        "cms/sw.js",
        {
            "version": SW_VERSION,
            "media_max": SW_MEDIA_MAX,
            "shell": json.dumps(list(dict.fromkeys(shell))).replace("</", "<\\/"),
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # A worker follows the policy of its own script: it only fetches from the site.
    response["Content-Security-Policy"] = WORKER_CSP
    return response


def _error_language(request) -> str:
    """The language of an error page, found without the database: the URL's prefix, else the
    `lang` an API call names, else the language cookie or the browser's (LocaleMiddleware's
    order, which the rest of the request may not have reached)."""
    language = translation.get_language_from_path(request.path_info)
    if language is None and request.GET.get("lang") in dict(settings.LANGUAGES):
        language = request.GET["lang"]
    return language or translation.get_language_from_request(request, check_path=False)


def server_error(request):
    """The 500 page, in the user's language, without touching the database or the cache.

    When the database or Redis is what failed, anything that reads them (the session, the
    user, site settings, context processors) would fail again here, so the template is
    rendered with no request context. The API answers in JSON, as all its errors do. An error
    that says the database cannot be reached is not a bug: it gets `site_busy`'s 503.
    """
    language = _error_language(request)
    error = sys.exc_info()[1]
    if database_unavailable(error):
        return site_busy(request, error=error, language=language)
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Something went wrong on the server. Try again later.")},
                status=500,
            )
        html = loader.get_template("500.html").render({})
    return HttpResponseServerError(html)


# What a visitor is asked to wait while the database does not answer ("try again in a
# minute"), in seconds; `Retry-After` says it to scripts and the offline outbox.
DATABASE_RETRY_AFTER = 60
# One line in the log per this many seconds while the database stays unreachable.
DATABASE_WARN_EVERY_SECONDS = 60
_database_warned = [-float(DATABASE_WARN_EVERY_SECONDS)]


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or what it came from, says the database cannot answer right now: it is
    down or restarting, refuses connections, or cancelled a query for taking too long
    (OperationalError), or a connection it held was closed (InterfaceError). Not a bug in a
    query (ProgrammingError, IntegrityError…), which stays a 500."""
    for _depth in range(5):
        if error is None:
            return False
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _database_down_logged(error) -> None:
    now = time.monotonic()
    if now - _database_warned[0] >= DATABASE_WARN_EVERY_SECONDS:
        _database_warned[0] = now
        reason = str(error).strip().splitlines()[0] if str(error or "").strip() else error
        logger.warning("The database is unreachable; answering 503 meanwhile (%s).", reason)


def site_busy(request, *, error=None, language: str | None = None):
    """503 "the site is busy, try again in a minute", with `Retry-After`, in the user's language.

    Answered instead of a 500 while the database cannot be reached (see `server_error`): a
    page that needs neither the database nor the cache, or JSON under /api/. A script or the
    offline outbox waits `Retry-After` and sends again; the service worker shows its saved
    copy of a page instead (cms/templates/cms/sw.js). Logged as one line a minute, not a
    traceback a request.
    """
    _database_down_logged(error)
    language = language or _error_language(request)
    with translation.override(language):
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"detail": _("The site is busy just now. Try again in a minute.")}, status=503
            )
        else:
            html = loader.get_template("503.html").render(
                {"refresh": DATABASE_RETRY_AFTER if request.method in ("GET", "HEAD") else None}
            )
            response = HttpResponse(html, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    # Django logs every 5xx with its traceback (django.utils.log.log_response); this one was
    # logged above, once.
    response._has_been_logged = True
    return response


def _from_storage(request, name: str):
    """A picture from object storage (S3), with `serve`'s Last-Modified and 304."""
    try:
        file = default_storage.open(name, "rb")  # S3: reads the metadata, not the bytes
    except (FileNotFoundError, SuspiciousFileOperation):
        raise Http404 from None
    mtime = default_storage.get_modified_time(name).timestamp()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), mtime):
        file.close()
        return HttpResponseNotModified()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Last-Modified"] = http_date(mtime)
    return response


# What an uploaded image may do when opened on its own: nothing (an SVG is a document that
# could run script on our origin; sandboxed, it cannot).
MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"


@require_safe
@language_neutral
def public_media(request, path):
    """Lesson pictures from MEDIA_ROOT, in production too (gunicorn has no file server).

    Only the folders in PUBLIC_MEDIA_PREFIXES: Wagtail's original images and renditions.
    Everything else under MEDIA_ROOT is served by a view that checks who asks (documents
    through Wagtail's `/documents/`, H5P content through `/h5p/`, coverage reports through
    their download view). `django.views.static.serve` refuses paths outside the folder and
    answers If-Modified-Since. A proxy in front may serve the same folders itself and set
    SERVE_MEDIA=false (README, "Media in production").
    """
    # The folder is decided on the path as `serve` will read it ("images/../x" is "x").
    clean = posixpath.normpath(path).lstrip("/")
    public = clean.startswith(tuple(settings.PUBLIC_MEDIA_PREFIXES))
    if not settings.SERVE_MEDIA or not public or clean != path:
        raise Http404
    if isinstance(default_storage, FileSystemStorage):
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        response = _from_storage(request, clean)
    response["Cache-Control"] = f"public, max-age={settings.MEDIA_MAX_AGE}"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response


# A report is a few hundred bytes; a browser sends one per thing the policy blocked.
CSP_REPORT_MAX_BYTES = 16 * 1024
CSP_REPORT_FIELDS = (
    ("document-uri", "documentURL"),
    ("effective-directive", "effectiveDirective"),
    ("blocked-uri", "blockedURL"),
    ("source-file", "sourceFile"),
    ("line-number", "lineNumber"),
    ("script-sample", "sample"),
)


def csp_violations(data) -> list[dict]:
    """The violations in a report body: report-uri's `{"csp-report": {…}}` or the
    Reporting API's list of `{"type": "csp-violation", "body": {…}}`, each as a dict of the
    report-uri field names. Anything else is a ValueError."""
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        bodies = [(data["csp-report"], 0)]
    elif isinstance(data, list) and all(isinstance(item, dict) for item in data):
        bodies = [
            (item["body"], 1)
            for item in data
            if item.get("type") == "csp-violation" and isinstance(item.get("body"), dict)
        ]
    else:
        raise ValueError("not a CSP report")
    return [
        {names[0]: str(body.get(names[which], ""))[:300] for names in CSP_REPORT_FIELDS}
        for body, which in bodies
    ]


@csrf_exempt
@require_POST
def csp_report(request):
    """Where browsers report what the Content-Security-Policy blocked (`report-uri`).

    Each violation is logged as a warning on the `cms.csp` logger, so a script or style
    that a change left inline shows up in the logs before users notice a broken page.
    Rate-limited per address (RATE_LIMITS); a body that is no report is refused with 400.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > CSP_REPORT_MAX_BYTES:
        return JsonResponse({"detail": _("The data sent is too large.")}, status=413)
    try:
        violations = csp_violations(json_loads(request.body))
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"detail": _("The data sent was not readable.")}, status=400)
    for violation in violations:
        csp_logger.warning(
            "Content-Security-Policy violation on %(document-uri)s: %(effective-directive)s "
            "blocked %(blocked-uri)s (%(source-file)s:%(line-number)s %(script-sample)s)",
            violation,
        )
    return HttpResponse(status=204)
