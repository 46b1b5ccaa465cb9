"""/healthz/<part>: one answer per part, so a load balancer or monitor can act on each.

The broker is a dead port or a throwaway redis-server; the shared Redis is never stopped.
"""

import os

import pytest

from cms.models import TaskOutbox
from tests.conftest import free_port

pytestmark = pytest.mark.django_db


def test_web_and_database_answer(client):
    assert client.get("/healthz/web").content == b"ok"
    assert client.get("/healthz/db").content == b"ok"
    assert client.get("/healthz/cache").content == b"ok"
    assert "no-cache" in client.get("/healthz/web")["Cache-Control"]


def test_broker_down_is_503_and_says_how_many_tasks_wait(client, broker_at):
    broker_at(f"redis://127.0.0.1:{free_port()}/0")
    TaskOutbox.objects.create(task="cms.tasks.task_outbox_drain")
    response = client.get("/healthz/broker")
    assert response.status_code == 503
    assert response.content.decode() == "broker down; 1 task(s) waiting in the outbox"
    # The site itself stays up: the load balancer keeps the node.
    assert client.get("/healthz").status_code == 200


def test_broker_up_but_no_worker(client, broker_at, throwaway_redis):
    broker_at(throwaway_redis.start().url)
    assert client.get("/healthz/broker").content == b"ok"
    response = client.get("/healthz/workers")
    assert (response.status_code, response.content) == (503, b"no worker answers")


@pytest.mark.celery
def test_a_running_worker_answers(client, celery_worker):
    response = client.get("/healthz/workers")
    assert (response.status_code, response.content) == (200, b"ok")
    if os.environ.get("CELERY_BROKER_URL"):
        assert celery_worker is not None
