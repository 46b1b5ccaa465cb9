"""A developer's laptop and `make demo`: debug on, plain HTTP, SQLite and eager tasks."""

from .base import *  # noqa: F403
from .env import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
# Without a configured key (`make demo` writes one to .env), a fixed, public development key:
# certificates signed with it prove nothing, and production refuses to start without its own.
CERTIFICATE_SIGNING_KEY = (
    env("CERTIFICATE_SIGNING_KEY") or "dev-insecure:ZGV2LW9ubHktaW5zZWN1cmUtY2VydGlmaWNhdGUta2U"
)

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False

# Serve static files straight from the apps, no collectstatic needed while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
