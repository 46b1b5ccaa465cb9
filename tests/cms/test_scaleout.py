"""Several machines (issue 12, scale-out): two gunicorn web processes and two Celery workers
on 127.0.0.1, with the production settings, sharing one PostgreSQL database (the test's),
one Redis (a throwaway redis-server: broker in db 0, cache in db 1) and one S3-compatible
bucket (moto's server). Each process has folders of its own, as separate machines would.

Through web A a trainer signs in, issues a session's certificates and an editor uploads a
lesson picture; web B knows them signed in, hands out the PDFs the workers rendered — both
workers take some — and serves the picture. The requests go as the proxy would send them:
`Host` the public name, `X-Forwarded-Proto: https`.
"""

import base64
import io
import os
import re
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.test import override_settings
from PIL import Image as PILImage

from certificates.factories import held_session_with
from certificates.models import Certificate
from tests.conftest import PASSWORD, free_port
from tests.conftest import S3_BUCKET as BUCKET
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import Role

ROOT = Path(__file__).resolve().parents[2]
HOST = "learn.example.org"
PEOPLE = 6

# Real workers on the test database: in a pytest process of their own (make test).
pytestmark = [
    pytest.mark.own_process,
    pytest.mark.celery,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL"), reason="the processes share the test's PostgreSQL"
    ),
]


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


class Browser:
    """A phone's cookies, sent to whichever web process; HTTPS as the proxy reports it."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, base: str, method: str, path: str, **kwargs):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}{path}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **kwargs.pop("headers", {}),
        }
        response = requests.request(
            method, base + path, headers=headers, allow_redirects=False, timeout=120, **kwargs
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def sign_in(self, base: str, phone: str):
        assert self.request(base, "GET", "/vi/login/").status_code == 200
        response = self.request(
            base,
            "POST",
            "/vi/login/",
            data={
                "username": phone,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        assert response.status_code == 302, response.text[-2000:]


def _environment(tmp_path, name: str, redis_url: str, s3_endpoint: str) -> dict:
    """What one machine gets: the shared services and secrets, folders of its own."""
    own = tmp_path / name
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        CERTIFICATE_SIGNING_KEY=SIGNING_KEY,
        DATABASE_URL=_database_url(),
        CELERY_BROKER_URL=f"{redis_url}0",
        REDIS_URL=f"{redis_url}1",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        MEDIA_ROOT=str(own / "media"),
        PRIVATE_MEDIA_ROOT=str(own / "private"),
        STATIC_ROOT=str(own / "static"),
        RATE_LIMIT_EXEMPT_ADDRESSES="127.0.0.1",
        LOG_LEVEL="INFO",
    )
    return env


SECRET_KEY = base64.b64encode(os.urandom(48)).decode()
SIGNING_KEY = "scaleout:" + base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


class Processes:
    def __init__(self, tmp_path):
        self.tmp_path, self.running = tmp_path, []

    def start(self, name, args, env):
        log = (self.tmp_path / f"{name}.log").open("wb")
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.running.append((name, process, log))
        return process

    def log(self, name) -> str:
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")

    def logs(self) -> str:
        return "\n".join(f"--- {n}\n{self.log(n)[-2500:]}" for n, _p, _l in self.running)

    def stop(self):
        for _name, process, _log in self.running:
            process.terminate()
        for _name, process, log in self.running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def _wait(condition, processes, what, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        for name, process, _log in processes.running:
            assert process.poll() is None, f"{name} exited\n{processes.logs()}"
        assert time.monotonic() < deadline, f"{what}\n{processes.logs()}"
        time.sleep(0.3)


def _answers(base):
    try:
        response = requests.get(
            f"{base}/healthz/web",
            headers={"Host": HOST, "X-Forwarded-Proto": "https"},
            allow_redirects=False,
            timeout=5,
        )
        return response.status_code == 200
    except requests.RequestException:
        return False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_web_processes_and_two_workers_share_sessions_tasks_and_uploads(
    wagtail_base, throwaway_redis, s3_server, trainer_a, make_user, commune_a, village_a, tmp_path
):
    s3_endpoint, s3 = s3_server
    throwaway_redis.start()
    redis_url = throwaway_redis.url[: -len("0")]  # redis://127.0.0.1:<port>/
    session = TrainingSessionFactory(commune=commune_a, village=village_a, title="Cài VNeID")
    people = [
        PersonFactory(commune=commune_a, village=village_a, full_name=f"Giàng Thị Mỷ {i}")
        for i in range(PEOPLE)
    ]
    held_session_with(session, people)
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000102")
    # The test settings hash passwords with MD5 for speed; production does not read MD5.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        for user in (trainer_a, editor):
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])

    processes = Processes(tmp_path)
    webs = {}
    try:
        for name in ("worker-1", "worker-2"):
            processes.start(
                name,
                [sys.executable, "-m", "celery", "-A", "cms", "worker", "-P", "solo"]
                + ["-n", f"{name}-{uuid.uuid4().hex[:6]}@%h", "-l", "info", "--without-gossip"],
                _environment(tmp_path, name, redis_url, s3_endpoint),
            )
        for name in ("web-a", "web-b"):
            port = free_port()
            processes.start(
                name,
                [sys.executable, "-m", "gunicorn", "tests.cms.scaleout_wsgi:application"]
                + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120"]
                + ["--no-control-socket"],
                _environment(tmp_path, name, redis_url, s3_endpoint),
            )
            webs[name] = f"http://127.0.0.1:{port}"
        a, b = webs["web-a"], webs["web-b"]
        _wait(lambda: _answers(a) and _answers(b), processes, "the web processes did not start")
        _wait(
            lambda: all(" ready." in processes.log(w) for w in ("worker-1", "worker-2")),
            processes,
            "the workers did not start",
        )

        # Sessions: signed in on A, signed in on B.
        trainer = Browser()
        trainer.sign_in(a, trainer_a.phone)
        me = trainer.request(b, "GET", "/api/me/?lang=vi").json()
        assert me["authenticated"] and trainer_a.get_short_name() in me["account"], me

        # Tasks: issued on A, rendered by the workers, downloaded from B.
        issue = trainer.request(
            a,
            "POST",
            f"/vi/sessions/{session.uuid}/certificates/",
            data={"csrfmiddlewaretoken": trainer.cookies["csrftoken"]},
        )
        assert issue.status_code == 302, issue.text[-2000:]
        certificates = Certificate.objects.filter(session=session)
        _wait(
            lambda: (
                certificates.count() == PEOPLE
                and not certificates.exclude(status=Certificate.Status.READY).exists()
            ),
            processes,
            "the certificates were not rendered",
        )
        for certificate in certificates:
            pdf = trainer.request(b, "GET", f"/vi/certificates/{certificate.uuid}/certificate.pdf")
            assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-", certificate
        rendered = {
            w: len(re.findall(r"certificate_render\[[^\]]+\] succeeded", processes.log(w)))
            for w in ("worker-1", "worker-2")
        }
        assert sum(rendered.values()) == PEOPLE and all(rendered.values()), rendered

        # Uploads: a lesson picture uploaded through A's admin, served by B.
        from wagtail.images import get_image_model
        from wagtail.models import Collection

        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 48), (30, 120, 200)).save(buffer, "PNG")
        picture = buffer.getvalue()
        staff = Browser()
        staff.sign_in(a, editor.phone)
        added = staff.request(
            a,
            "POST",
            "/admin/images/add/",
            data={
                "title": "Mở khoá điện thoại",
                "collection": Collection.get_first_root_node().pk,
                "csrfmiddlewaretoken": staff.cookies["csrftoken"],
            },
            files={"file": ("mo-khoa.png", picture, "image/png")},
        )
        assert added.status_code == 302, added.text[-2000:]
        assert "/login/" not in added.headers["Location"], added.headers["Location"]
        image = get_image_model().objects.get(title="Mở khoá điện thoại")
        served = Browser().request(b, "GET", image.file.url)
        assert served.status_code == 200 and served.content == picture, image.file.url
        assert "public" in served.headers["Cache-Control"]
        # It reached B through the bucket: neither web process has it on its disk.
        assert s3.head_object(Bucket=BUCKET, Key=f"media/{image.file.name}")
        for name in ("web-a", "web-b"):
            assert not list((tmp_path / name).glob(f"media/**/{Path(image.file.name).name}"))
    finally:
        processes.stop()
