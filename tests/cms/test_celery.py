"""Celery is configured from the environment: eager without a broker, a real worker with one.

The test suite runs tasks eagerly whatever the environment says; tests marked `celery` use the
broker when there is one.
"""

import os
import time

import pytest
from django.conf import settings

from cms.celery import app


def test_tasks_run_eagerly_in_tests_not_marked_celery():
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    assert app.conf.task_always_eager is True


@pytest.mark.celery
def test_tasks_run_where_the_environment_says(celery_worker):
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        # The embedded default: tasks run in the web process, no Redis needed.
        assert app.conf.task_always_eager is True
        return
    assert app.conf.broker_url == broker
    assert app.conf.task_always_eager is False
    # The worker listens for broadcasts a moment after it starts: ask again for a while.
    replies, deadline = [], time.monotonic() + 30
    while not any(replies) and time.monotonic() < deadline:
        replies = app.control.ping(timeout=2)
    assert any(reply for reply in replies), "no worker answered on the broker"
