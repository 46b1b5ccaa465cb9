"""Certificates issued while the broker is down all render once it is back: the render
tasks wait in the database outbox, and a worker started on the returned broker sends and
runs them with no manual step. The broker is a throwaway redis-server (never the shared
one); the worker a real `celery worker` process on the test's PostgreSQL database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from certificates import services
from certificates.factories import held_session_with
from certificates.models import Certificate
from cms import outbox
from cms.models import TaskOutbox
from trainees.factories import PersonFactory

from .conftest import complete_course

ROOT = Path(__file__).resolve().parents[2]

# Real workers on the test database: in a pytest process of their own (make test).
pytestmark = pytest.mark.own_process


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


@pytest.mark.django_db
def test_a_learner_completing_a_course_while_the_broker_is_down_sees_no_error(
    broker_at, throwaway_redis, course_tree, person_a, django_capture_on_commit_callbacks
):
    broker_at(throwaway_redis.url)  # not started
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(person_a, course_tree)
    certificate = Certificate.objects.get(recipient=person_a)
    assert certificate.status == Certificate.Status.PENDING  # "being prepared"
    kept = TaskOutbox.objects.get()
    assert (kept.task, kept.args) == ("certificates.tasks.certificate_render", [certificate.pk])


@pytest.mark.celery
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"), reason="a worker process shares the test's PostgreSQL"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_certificates_issued_while_the_broker_is_down_render_when_it_returns(
    wagtail_base, broker_at, throwaway_redis, held_session, trainer_a, settings, tmp_path
):
    more = [
        PersonFactory(commune=held_session.commune, full_name=f"Vàng A Dính {i}") for i in (1, 2, 3)
    ]
    held_session_with(held_session, more)  # six attendees in all
    broker_at(throwaway_redis.url)  # down: nothing listens there yet

    result = services.session_certificates_issue(session=held_session, by=trainer_a)
    assert len(result.issued) == 6
    assert TaskOutbox.objects.count() == 6
    assert set(Certificate.objects.values_list("status", flat=True)) == {"pending"}

    throwaway_redis.start()
    # A starting worker sends the rows older than DRAIN_MIN_AGE_SECONDS (younger ones are
    # still the writing process's to send): the broker comes back after that long.
    time.sleep(outbox.DRAIN_MIN_AGE_SECONDS + 1)
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "-P", "solo", "-l", "info"]
        + ["-n", f"outbox-{uuid.uuid4().hex[:8]}@%h", "--without-gossip", "--without-mingle"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": throwaway_redis.url,
            "PRIVATE_MEDIA_ROOT": settings.STORAGES["certificates"]["OPTIONS"]["location"],
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if not Certificate.objects.exclude(status="ready").exists():
                break
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
            time.sleep(0.5)
        else:
            raise AssertionError((tmp_path / "worker.log").read_text()[-3000:])
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        log.close()
    assert not TaskOutbox.objects.exists()
    for certificate in Certificate.objects.all():
        folder = Path(certificate.pdf.path).parent
        assert [p.name for p in folder.iterdir() if p.name.startswith(str(certificate.uuid))] == [
            f"{certificate.uuid}.pdf"
        ]
        assert Path(certificate.pdf.path).read_bytes()[:5] == b"%PDF-"
