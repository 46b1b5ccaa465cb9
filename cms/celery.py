"""The Celery application. Configuration comes from Django settings (CELERY_*).

Every task is an `cms.outbox.OutboxTask`: a task sent while the broker is down waits in the
database and is sent when the broker returns (see that module).
"""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("cms", task_cls="cms.outbox:OutboxTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _send_kept_tasks(sender, **kwargs):
    """A worker that starts (the broker is back, or after a crash) empties the outbox."""
    app.send_task("cms.tasks.task_outbox_drain", kwargs={"follow_up": True})
