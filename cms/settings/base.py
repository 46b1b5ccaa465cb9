"""Settings shared by every environment; secure by default.

Everything that differs between a laptop, CI and production comes from the environment
through `cms.settings.env`. `dev` and `test` relax what a laptop needs relaxed; `production`
only adds checks. See https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
"""

from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.conf.locale import LANG_INFO
from django.utils.translation import pgettext_lazy

from cms.cache import LOGGER_NAME as CACHE_LOGGER
from cms.cache import redis_cache

from .env import BASE_DIR, env

DEBUG = env("DJANGO_DEBUG")
# No fallback: an empty SECRET_KEY makes Django refuse to start, which is what we want
# anywhere that is not a developer's laptop.
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, in dependency order: coverage → certificates → trainees → courses → cms.
    "coverage",
    "certificates",
    "trainees",
    "courses",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "trainees.apps.WagtailUsersConfig",  # wagtail.users with phone-number user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_celery_beat",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # Wagtail's search and some lookups need it on PostgreSQL
]

MIDDLEWARE = [
    # Outermost, so it sees every answer under /api/, whichever layer made it.
    "cms.middleware.api_errors_as_json",
    "django.middleware.security.SecurityMiddleware",
    # Gzip for public answers only (BREACH: see the class).
    "cms.middleware.PublicGZipMiddleware",
    # WhiteNoise serves compressed, far-future-cached static files without a separate server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 answers: a phone revalidating a kept public page downloads nothing new.
    # Outside the policy's middleware, so a 304 carries the policy its 200 would (see the class).
    "cms.middleware.ConditionalGetMiddleware",
    # Content-Security-Policy on every HTML answer; the admin's own policy (see below).
    "cms.middleware.ContentSecurityPolicyMiddleware",
    # Outside sessions and locale, to correct the Vary they add to public pages.
    "cms.middleware.public_vary",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.remember_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Private unless a page says it is public (docs/architecture.md).
    "cms.middleware.private_by_default",
    # Before any middleware or view reads the body (CSRF reads the form).
    "cms.middleware.limit_request_body",
    "cms.middleware.admin_for_staff_only",
    # Wagtail's admin views look up ids as given: one that is no number is a 404, not a 500.
    "cms.middleware.AdminIdsThatAreNoNumbersNotFound",
    "cms.middleware.AdminDeadEndsNotFound",
    # Who viewed or exported personal data in bulk (AUDITED_URLS).
    "trainees.middleware.audit_personal_data",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After authentication: some limits count per account (see RATE_LIMITS).
    "cms.ratelimit.RateLimitMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite unless DATABASE_URL is set, so one command runs everything on a laptop.
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
if env("DATABASE_URL"):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: every query here is short, and PostgreSQL's cost estimate for a
    # many-CTE statement (the coverage summaries' upkeep) passes jit_above_cost, so it would
    # spend 0.5–11 s of CPU compiling a statement that runs in milliseconds.
    # https://www.postgresql.org/docs/current/jit-decision.html
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
else:
    Path(env("SQLITE_PATH")).parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH"),
            # Wait for a writer instead of failing with "database is locked".
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# django-redis when REDIS_URL is set. It must name a different Redis database from the
# Celery broker, so flushing the cache never drops queued tasks. A cache that is down is a
# slower site, not a broken one: see cms.cache.
if env("REDIS_URL"):
    CACHES = {"default": redis_cache(env("REDIS_URL"))}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages are kept whole, per URL (so per language), and answered without routing or
# rendering; a save or delete of a page or of these models starts afresh. See cms/page_cache.py.
PAGE_CACHE_SECONDS = 600
PAGE_CACHE_MODELS = {
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "cms.CampaignSettings",
    "courses.H5PPackage",
    "courses.H5PLibrary",
    "courses.Narration",
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = CACHE_LOGGER

# --- Celery ---------------------------------------------------------------------------------
# Without a broker, tasks run eagerly in the web process: the embedded install needs no Redis.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_ALWAYS_EAGER = not env("CELERY_BROKER_URL")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
# A task is acknowledged when it has run, not when a worker takes it, and handed back when
# the worker process dies: a worker killed mid-task (a deploy, out of memory) loses nothing.
# Every task is idempotent, so running one again is harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task runs for ever: soft limit (the task may clean up), then the process is killed.
# Tasks that need longer say so on their decorator.
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
# A message taken by a worker that then vanished (SIGKILL, power loss) goes back to the
# queue after this long; it must exceed the longest task plus the longest retry countdown.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 2}
# The web must not wait on a broker that is down: one quick retry, then the task waits in
# the database outbox (cms.outbox) and the page carries on.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# A worker whose broker goes away waits for it for ever instead of exiting.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
# A worker process is replaced after this many tasks: WeasyPrint's memory grows by about
# 0.2 MB per certificate rendered, and a fresh process gives it back.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env("CERTIFICATE_WORKER_MAX_TASKS")
# Periodic tasks (the weekly coverage reports, the nightly reconcile) live in the database,
# editable in the admin: https://django-celery-beat.readthedocs.io/
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- People ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "trainees.User"
AUTHENTICATION_BACKENDS = ["trainees.people.backends.PhoneNumberBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Named URLs, so they resolve to the home page of the language in use.
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# --- Languages ------------------------------------------------------------------------------
# Vietnamese first; H'Mông (ISO 639-2 "hmn") is unknown to Django, so we declare it.
# Django refuses a language with no compiled catalogue: `make setup` compiles locale/.
LANG_INFO["hmn"] = {
    "bidi": False,
    "code": "hmn",
    "name": "Hmong",
    "name_local": "Hmoob",
}
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", pgettext_lazy("language", "Vietnamese")),
    ("en", pgettext_lazy("language", "English")),
    ("hmn", pgettext_lazy("language", "Hmong")),
]
# What each language calls itself, shown in the language switcher.
LANGUAGE_NAMES_LOCAL = {"vi": "Tiếng Việt", "en": "English", "hmn": "Hmoob"}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats for H'Mông, which Django lacks (cms/formats/hmn/formats.py); Vietnamese and
# English keep Django's. https://docs.djangoproject.com/en/5.2/topics/i18n/formatting/
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [
    # The H5P player from npm (`make setup`); never committed.
    ("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
    # The offline certificate check: QR decoding where the browser has no BarcodeDetector,
    # COSE/CBOR parsing, inflate where there is no DecompressionStream, and Ed25519 where
    # WebCrypto lacks it (older Android WebViews).
    ("vendor/jsqr", BASE_DIR / "node_modules" / "jsqr" / "dist"),
    ("vendor/cbor-x", BASE_DIR / "node_modules" / "cbor-x" / "dist"),
    ("vendor/fflate", BASE_DIR / "node_modules" / "fflate" / "umd"),
    ("vendor/noble-ed25519", BASE_DIR / "node_modules" / "@noble" / "ed25519"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
# Lesson pictures are served by the site itself (cms.views.public_media), in production
# too; a proxy that serves these folders itself may turn that off. Nothing else under
# MEDIA_ROOT is public: documents, H5P content and reports have views that check who asks.
SERVE_MEDIA = env("SERVE_MEDIA")
# Narration clips are read aloud beside public lesson steps (courses.models.narration).
PUBLIC_MEDIA_PREFIXES = ["images/", "original_images/", "narration/"]
MEDIA_MAX_AGE = 86_400
# How long a reverse proxy or CDN may serve its copy of a public page (s-maxage) before
# asking again; browsers always ask (max-age=0, answered 304 when unchanged). A published
# edit reaches every reader at most this much later. See cms/http_cache.py.
PUBLIC_PAGE_PROXY_MAX_AGE = env("PUBLIC_PAGE_PROXY_MAX_AGE")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
    # Certificate PDFs: outside MEDIA_ROOT, served only through a view that checks who asks.
    # Rendering again overwrites the one file of a certificate.
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("PRIVATE_MEDIA_ROOT"), "allow_overwrite": True},
    },
}
# --- Media on S3-compatible storage (optional) -----------------------------------------------
# With AWS_STORAGE_BUCKET_NAME set, uploads (pictures, documents, H5P uploads, coverage
# reports) and certificate PDFs go to one private bucket — AWS S3, MinIO, Ceph, or any
# S3-compatible service at AWS_S3_ENDPOINT_URL — so every web and worker machine sees the
# same files without a shared disk. Pictures are still linked and served under our /media/
# (cms.storage.MediaStorage), so offline saving keeps working; documents go through
# Wagtail's checked view. Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or boto3's
# own chain (an instance role) when they are empty.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
if env("AWS_STORAGE_BUCKET_NAME"):
    _s3 = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        "access_key": env("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
        "default_acl": None,  # private: the bucket's own policy, never public-read
        "querystring_auth": True,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "cms.storage.MediaStorage",
        "OPTIONS": {**_s3, "location": "media"},
    }
    STORAGES["certificates"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "certificates", "file_overwrite": True},
    }
    # Wagtail would redirect to the file's URL; stream it through its checked view instead.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Extracted H5P packages: a local folder on each machine (MEDIA_ROOT/h5p when empty), rebuilt
# from the uploaded package (in the storage above) when missing, so it needs no shared disk
# (courses/h5p/storage.py).
H5P_ROOT = env("H5P_ROOT")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies (cms.middleware.limit_request_body answers 413 beyond them). Form fields
# and JSON: Django's 2.5 MB. Files: 5 MB anywhere, unless the path says more — the admin
# takes lesson audio, video and H5P packages (each at most 100 MB, courses.h5p.validation),
# the coverage import spreadsheets of a whole province (coverage.imports.MAX_BYTES).
# Forms check their own smaller limits (a roster import: 2 MB) and say so beside the field.
# Set the proxy's limit (nginx client_max_body_size) to the largest of these.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
UPLOAD_MAX_BYTES_BY_PREFIX = {"/admin/": 110 * 1024 * 1024}
UPLOAD_MAX_BYTES_BY_URL = {"coverage:import": 21 * 1024 * 1024}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# --- Security (secure by default; dev and test relax it) -----------------------------------
# https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Nothing may frame the site. (The H5P player's iframe is written by script, not loaded
# from a URL, so it is unaffected; a view that must be framed says so with a decorator.)
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp) ------------------------------------------------
# On every HTML answer (cms.middleware.ContentSecurityPolicyMiddleware); JSON, files and
# scripts get none, except the service worker, media and H5P content files, which set their
# own. No nonces: public pages are the same bytes for everyone (docs/architecture.md), so
# every script is a file of ours (`script-src 'self'`) and none is inline. Each exception is
# explained in README.md ("Content-Security-Policy"); a change here must keep
# tests/cms/test_csp.py and the browser tests (`pytest -m browser`) free of violations.
# https://django-csp.readthedocs.io/en/latest/configuration.html
CSP_REPORT_URL = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the empty favicon.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "media-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        # H5P's jQuery parses markup in a scratch document whose <base> is this page.
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": [CSP_REPORT_URL],
    }
}
# Added on pages that play H5P activities (courses.models.LessonPage.serve), and only
# there: H5P libraries are code from the package's authors that we cannot change.
CONTENT_SECURITY_POLICY_H5P = {
    "DIRECTIVES": {
        # EmbeddedJS (the templates of QuestionSet and MultiChoice) compiles with eval().
        "script-src": [UNSAFE_EVAL],
        # The H5P core and content types write `style="…"` into the markup they build
        # (sizes, positions); <style> elements stay forbidden.
        "style-src-attr": [UNSAFE_INLINE],
        # Icon fonts that libraries carry inside their CSS.
        "font-src": ["data:"],
    }
}
# The Wagtail admin (/admin/) builds its pages with inline <script> elements and style
# attributes we must not override, so it gets a policy of its own; it still loads nothing
# from another site, and only its own preview may frame a page.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-elem": [SELF, UNSAFE_INLINE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Paths that answer with the admin's policy (Wagtail's admin and its log-in page).
CSP_ADMIN_PREFIXES = ("/admin/",)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Bình dân học vụ số"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx"]
WAGTAIL_PASSWORD_RESET_ENABLED = False
# The admin's login is throttled like the site's (trainees.people.throttle).
WAGTAILADMIN_USER_LOGIN_FORM = "trainees.people.forms.AdminLoginForm"
# The admin does not ask releases.wagtail.org for a newer version: it loads nothing from
# other sites (Content-Security-Policy); upgrades come through pyproject.toml.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Slugs are ASCII ("dung-dien-thoai", not "dùng-điện-thoại"), so a page's URL reads the same
# in every language and survives being typed, shared by SMS or printed on a QR code.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-allow-unicode-slugs
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# "Translate this page" makes a draft: a copy of the Vietnamese page is not published as if
# it were English or H'Mông. The translator publishes it from the translation editor, and
# until every string is translated the page says it is partly in Vietnamese (see
# courses.models.pages.FallbackRoutingMixin.translation_state).
# https://wagtail-localize.org/stable/reference/settings/
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"cache_down": {"()": "cms.cache.CacheDownFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    # Wagtail logs every page action and background task at INFO; keep only the problems.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # WeasyPrint logs each rendering step at INFO: thousands of lines per bulk issue.
        "weasyprint": {"level": "WARNING"},
        CACHE_LOGGER: {"level": "WARNING", "filters": ["cache_down"]},
    },
}

# --- Courses ----------------------------------------------------------------------------------
# Lessons carry self-hosted audio and video (no external embeds on 3G) with WebVTT captions,
# uploaded as Wagtail documents; and the project's own drawings are SVG, which Wagtail
# accepts only when asked. https://docs.wagtail.org/en/stable/reference/settings.html#images
WAGTAILDOCS_EXTENSIONS = [*WAGTAILDOCS_EXTENSIONS, "mp3", "m4a", "ogg", "mp4", "webm", "vtt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "svg"]

# --- Certificates -----------------------------------------------------------------------------
# The Ed25519 key that signs the QR payload of new certificates ("<kid>:<base64url seed>"),
# and older keys' public halves ("<kid>:<base64url public key>", comma-separated), still
# published at /.well-known/certificate-keys.json so certificates they signed keep verifying.
# `python manage.py certificate_keygen` makes a key; see certificates/signing.py.
CERTIFICATE_SIGNING_KEY = env("CERTIFICATE_SIGNING_KEY")
CERTIFICATE_RETIRED_KEYS = env("CERTIFICATE_RETIRED_KEYS")
# Verify-page and serial lookups allowed per minute from one address.
CERTIFICATE_LOOKUPS_PER_MINUTE = 30

# --- Rate limits and the login throttle ---------------------------------------------------
# Per URL name: `limit` requests per `seconds`, per address or per signed-in account, for the
# listed methods. 429 with Retry-After beyond it; the limits fail open (served, with a
# warning in the log) while the cache is down. See cms/ratelimit.py.
# A whole village may reach us through one carrier-NAT address: QR check-in allows 240 a
# minute from one address (a roll of 40 people takes about three requests each).
RATE_LIMITS = {
    "trainees:checkin": {"limit": 240, "seconds": 60, "per": "address"},
    "trainees:sign_up": {"limit": 30, "seconds": 600, "per": "address", "methods": ["POST"]},
    "trainees:xapi_statements": {"limit": 300, "seconds": 60, "per": "user"},
    "progress:events": {"limit": 300, "seconds": 60, "per": "user"},
    "api:sync": {"limit": 60, "seconds": 60, "per": "user"},
    "api:roster": {"limit": 60, "seconds": 60, "per": "user"},
    # Browsers report Content-Security-Policy violations here (cms.views.csp_report).
    "csp_report": {"limit": 120, "seconds": 60, "per": "address"},
}
# Addresses the per-address limits never apply to (the load test's short mode, 127.0.0.1).
RATE_LIMIT_EXEMPT_ADDRESSES = env("RATE_LIMIT_EXEMPT_ADDRESSES")
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (nginx: 1). The
# address limits and the login throttle count by the address the outermost one saw.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
# Wrong passwords for one account from one address before the first cool-down; each further
# one doubles it (1 minute, 2, 4 …, at most LOGIN_COOLDOWN_MAX_SECONDS). Counts live in the
# database: the throttle holds when the cache is down. See trainees/people/throttle.py.
LOGIN_FREE_FAILURES = 5
LOGIN_COOLDOWN_SECONDS = 60
LOGIN_COOLDOWN_MAX_SECONDS = 3600

# --- Personal data (Personal Data Protection Law, from 1 January 2026) ---------------------
# Pages and files listing many people: each successful answer is written to the audit log
# (trainees.models.privacy.AuditEntry, read by administrators in the admin), with the
# exports and erasures of one person's data (trainees.people.privacy).
AUDITED_URLS = {
    "api:roster": "view",
    "trainees:session_detail": "view",
    "trainees:session_rollcall": "view",
    "trainees:duplicate_list": "view",
    "trainees:session_sheet": "export",
    "trainees:session_sheet_pdf": "export",
    "trainees:session_export": "export",
    "trainees:commune_attendance_export": "export",
    "certificates:session": "view",
    "certificates:session_zip": "export",
}
# Raw logs — xAPI statements, lesson events, quiz answers, the history of attendance marks —
# are deleted after this many days by a daily Celery beat task (trainees.tasks.raw_logs_prune);
# the summaries pages and coverage read are kept. The audit log is kept longer.
RAW_LOG_RETENTION_DAYS = env("RAW_LOG_RETENTION_DAYS")
AUDIT_LOG_RETENTION_DAYS = env("AUDIT_LOG_RETENTION_DAYS")
