"""A real Celery worker on Redis whose pool process dies mid-render: retried, one PDF."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate

ROOT = Path(__file__).resolve().parents[2]
needs_worker = pytest.mark.skipif(
    not (os.environ.get("CELERY_BROKER_URL") and os.environ.get("DATABASE_URL")),
    reason="needs Redis (CELERY_BROKER_URL) and PostgreSQL (DATABASE_URL) shared with a worker",
)

# Real workers on the test database: in a pytest process of their own (make test).
pytestmark = pytest.mark.own_process


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@needs_worker
@pytest.mark.celery
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_render_is_retried_and_leaves_one_pdf(
    wagtail_base, held_session, tmp_path, settings
):
    from cms.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    db = connection.settings_dict
    marker = tmp_path / "rendering.pid"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        ),
        "PRIVATE_MEDIA_ROOT": settings.STORAGES["certificates"]["OPTIONS"]["location"],
        "CERTIFICATE_TEST_MARKER": str(marker),
    }
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tests.certificates.slow_worker",
            "worker",
            "-P",
            "prefork",
            "-c",
            "1",
            "-l",
            "info",
            "-n",
            f"kill-test-{uuid.uuid4().hex[:8]}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # Issued once the worker is up: a starting worker renders what is pending itself
        # (certificates_pending_render), and this render must reach the pool child.
        wait_for(lambda: "ready." in (tmp_path / "worker.log").read_text(), 90, "the worker")
        person = held_session.attendances.first().person
        certificate = services.certificate_issue(
            person=person, achievement=services.session_achievement(session=held_session)
        )
        pid = int(wait_for(lambda: marker.exists() and marker.read_text(), 90, "the render"))
        assert pid != worker.pid  # the pool child, not the worker's main process
        os.kill(pid, signal.SIGKILL)

        def ready():
            certificate.refresh_from_db()
            return certificate.status == Certificate.Status.READY

        wait_for(ready, 90, "the retried render")
        assert certificate.render_attempts == 2
        folder = Path(certificate.pdf.path).parent
        assert sorted(
            p.name for p in folder.iterdir() if p.name.startswith(str(certificate.uuid))
        ) == [f"{certificate.uuid}.pdf"]
        assert Path(certificate.pdf.path).read_bytes()[:5] == b"%PDF-"
        assert "WorkerLostError" in (tmp_path / "worker.log").read_text()
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)
        log.close()
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
