"""The cache is an optimisation: with Redis down, pages are served from the database.

Wagtail keeps its site-root paths in the cache and the lesson URL converter its catalogue
slugs; with a cache that raises, every page would answer 500. django-redis can ignore
connection errors (`IGNORE_EXCEPTIONS`): a read then misses and a write does nothing, so
callers compute from the database as on a cold cache. Its log of each ignored error would
be one traceback per cache call; `CacheDownFilter` turns them into one warning a minute.
`/healthz` reports the cache as "degraded" (see `cms.views.healthz`).

This module is read by the settings: it imports nothing from Django's apps.
"""

import logging
import time

# django-redis logs the errors it ignores to this logger (DJANGO_REDIS_LOGGER).
LOGGER_NAME = "cms.cache"
# How often a cache that stays down is mentioned in the log.
WARN_EVERY_SECONDS = 60


def redis_cache(url: str) -> dict:
    """The `CACHES["default"]` entry for the Redis at `url` (see the module docstring)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            # A Redis that does not answer must not hold a page for long: half a second to
            # connect or reply, then the page is built from the database.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


class CacheDownFilter(logging.Filter):
    """One short warning a minute while the cache is down, instead of a traceback a call."""

    def __init__(self, name: str = ""):
        super().__init__(name)
        self._last = 0.0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self._last < WARN_EVERY_SECONDS:
            return False
        self._last = now
        error = record.exc_info[1] if record.exc_info else None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "The cache is unreachable; pages are served from the database (%s)."
        record.args = (getattr(error, "__cause__", None) or error,)
        record.exc_info = record.exc_text = None
        return True
