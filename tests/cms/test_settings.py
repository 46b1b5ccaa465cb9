"""Settings are chosen from the environment (run in a subprocess: settings load once)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'broker': settings.CELERY_BROKER_URL, "
    "'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG, "
    "'ssl': settings.SECURE_SSL_REDIRECT, 'cookie': settings.SESSION_COOKIE_SECURE}))"
)
MANAGED = (
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CERTIFICATE_SIGNING_KEY",
    "CERTIFICATE_RETIRED_KEYS",
)
# A well-formed certificate signing key (see certificates.signing), for production probes.
SIGNING_KEY = "prod-test:" + "A" * 43


def run(module, extra_env, code=PROBE, args=None):
    env = {k: v for k, v in os.environ.items() if k not in MANAGED}
    env.update(DJANGO_SETTINGS_MODULE=module, **extra_env)
    cmd = [sys.executable, *(args or ["-c", code])]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # noqa: S603


def probe(module, **extra_env):
    result = run(module, extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_is_sqlite_with_eager_tasks_and_a_local_cache():
    s = probe("cms.settings.dev")
    assert s["engine"] == "django.db.backends.sqlite3"
    assert s["eager"] is True
    assert s["cache"].endswith("LocMemCache")


def test_database_broker_and_cache_urls_select_postgresql_celery_and_redis():
    s = probe(
        "cms.settings.dev",
        DATABASE_URL="postgres://u@db.example:5432/app",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert s["engine"] == "django.db.backends.postgresql"
    assert s["eager"] is False
    assert s["broker"] == "redis://127.0.0.1:6379/0"
    assert s["cache"] == "django_redis.cache.RedisCache"


def test_base_settings_are_secure_by_default():
    s = probe("cms.settings.base", SECRET_KEY="x" * 60)
    assert s["debug"] is False
    assert s["ssl"] is True
    assert s["cookie"] is True


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "CERTIFICATE_SIGNING_KEY"])
def test_production_refuses_to_start_without(missing):
    env = {
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "learn.example.org",
        "CERTIFICATE_SIGNING_KEY": SIGNING_KEY,
    }
    del env[missing]
    result = run("cms.settings.production", env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_deploy_check_prints_no_warnings():
    result = run(
        "cms.settings.production",
        {
            "SECRET_KEY": "p" * 20 + "Q7v!x9#" * 8,
            "ALLOWED_HOSTS": "learn.example.org",
            "CERTIFICATE_SIGNING_KEY": SIGNING_KEY,
        },
        args=["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_malformed_certificate_key():
    env = {
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "learn.example.org",
        "CERTIFICATE_SIGNING_KEY": "prod:too-short",
    }
    result = run("cms.settings.production", env)
    assert result.returncode != 0
    assert "CERTIFICATE_SIGNING_KEY must be" in result.stderr
