"""The one typed environment schema for every settings module.

Each variable is declared here once, with its type and default, and mirrored in
`.env.example` and the README table. Settings modules read values only through `env`.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, ""),
    CELERY_BROKER_URL=(str, ""),
    REDIS_URL=(str, ""),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "var" / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "var" / "static")),
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "var" / "private")),
    SQLITE_PATH=(str, str(BASE_DIR / "var" / "db.sqlite3")),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 31_536_000),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "no-reply@localhost"),
    LOG_LEVEL=(str, "INFO"),
    CERTIFICATE_SIGNING_KEY=(str, ""),
    CERTIFICATE_RETIRED_KEYS=(list, []),
    CERTIFICATE_WORKER_MAX_TASKS=(int, 200),
    RATE_LIMIT_EXEMPT_ADDRESSES=(list, []),
    TRUSTED_PROXY_COUNT=(int, 0),
    SERVE_MEDIA=(bool, True),
    PUBLIC_PAGE_PROXY_MAX_AGE=(int, 300),
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_ACCESS_KEY_ID=(str, ""),
    AWS_SECRET_ACCESS_KEY=(str, ""),
    H5P_ROOT=(str, ""),
    RAW_LOG_RETENTION_DAYS=(int, 365),
    AUDIT_LOG_RETENTION_DAYS=(int, 730),
)

# A developer's `.env` file, if any, fills in what the real environment leaves unset.
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
