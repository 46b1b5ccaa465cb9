"""Production: gunicorn behind HTTPS, PostgreSQL, Redis and Celery workers.

Refuses to start without the settings that cannot have a safe default.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "CERTIFICATE_SIGNING_KEY"):
    if not env(_name):
        raise ImproperlyConfigured(f"Set the {_name} environment variable to run in production.")

DEBUG = False
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

# A malformed certificate key stops the start too (certificates checks it when it loads,
# see CertificatesConfig.ready: settings may not import the apps above cms).
