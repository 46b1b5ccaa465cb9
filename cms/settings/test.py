"""The test suite: the environment picks the database and broker (see .ci/run)."""

from .dev import *  # noqa: F403
from .env import BASE_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = (
    env("MEDIA_ROOT") if "MEDIA_ROOT" in env.ENVIRON else str(BASE_DIR / "var" / "test-media")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest: tests must not depend on collectstatic having run.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env("PRIVATE_MEDIA_ROOT")
            if "PRIVATE_MEDIA_ROOT" in env.ENVIRON
            else str(BASE_DIR / "var" / "test-private"),
            "allow_overwrite": True,
        },
    },
}

# The suite looks certificates up far faster than a person; the rate-limit test sets its own.
CERTIFICATE_LOOKUPS_PER_MINUTE = 10_000
# Likewise every other limit: tests that test a limit set the real one (base.RATE_LIMITS).
RATE_LIMITS = {name: {**rule, "limit": rule["limit"] * 1000} for name, rule in RATE_LIMITS.items()}  # noqa: F405

# Tasks run in the test process even when CELERY_BROKER_URL names a broker (CI): a task one
# test sent to Redis would otherwise wait there and be run by a later test's worker against
# rows that no longer exist. Only tests marked `celery` (and the `celery_worker` fixture) use
# the broker, after emptying its queue (tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = True
