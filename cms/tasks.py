"""The site's own background work: sending tasks kept while the broker was down."""

from celery import shared_task

from . import outbox


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180)
def task_outbox_drain() -> int:
    """Beat, every minute, and each worker as it starts: send what the outbox holds."""
    return outbox.outbox_drain()
