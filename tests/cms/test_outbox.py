"""A task asked for while the broker is down waits in the database and is sent when it
returns (cms.outbox); the page that asked for it carries on."""

import time

import pytest
import redis
from django.db import transaction

from cms import outbox
from cms.models import TaskOutbox
from cms.tasks import task_outbox_drain
from tests.conftest import free_port

pytestmark = pytest.mark.django_db


def test_a_task_asked_for_while_the_broker_is_down_waits_in_the_database(
    broker_at, django_capture_on_commit_callbacks
):
    broker_at(f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        task_outbox_drain.delay_on_commit()
        # Already in the transaction: committed exactly when the work that asked for it is.
        assert TaskOutbox.objects.filter(task="cms.tasks.task_outbox_drain").count() == 1
    assert TaskOutbox.objects.count() == 1
    # Once found down, the broker is not asked again for a while: the next page is quick.
    with django_capture_on_commit_callbacks(execute=True):
        task_outbox_drain.delay_on_commit()
    task_outbox_drain.delay()  # a plain send falls back to the outbox too
    assert TaskOutbox.objects.count() == 3
    assert time.monotonic() - started < 5


def test_a_rolled_back_transaction_leaves_no_task(broker_at):
    broker_at(f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(RuntimeError), transaction.atomic():
        task_outbox_drain.delay_on_commit()
        raise RuntimeError("the work failed")
    assert not TaskOutbox.objects.exists()


def test_kept_tasks_are_sent_oldest_first_when_the_broker_returns(
    broker_at, throwaway_redis, django_capture_on_commit_callbacks
):
    broker_at(throwaway_redis.url)  # not started: down
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            task_outbox_drain.apply_async_on_commit(kwargs={}, countdown=n)
    assert TaskOutbox.objects.count() == 3

    throwaway_redis.start()
    outbox.broker.down_until = 0.0
    assert outbox.outbox_drain(min_age=0) == 3
    assert not TaskOutbox.objects.exists()
    queued = redis.Redis(port=throwaway_redis.port).lrange("celery", 0, -1)
    assert len(queued) == 3
    assert all(b"cms.tasks.task_outbox_drain" in message for message in queued)
    # Sending is direct again: nothing more is kept.
    with django_capture_on_commit_callbacks(execute=True):
        task_outbox_drain.delay_on_commit()
    assert not TaskOutbox.objects.exists()
    assert redis.Redis(port=throwaway_redis.port).llen("celery") == 4


def test_without_a_broker_tasks_run_at_once_and_nothing_is_kept(
    django_capture_on_commit_callbacks,
):
    from cms.celery import app

    assert app.conf.task_always_eager
    with django_capture_on_commit_callbacks(execute=True):
        task_outbox_drain.delay_on_commit()
    assert not TaskOutbox.objects.exists()
