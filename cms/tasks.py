"""The site's own background work: sending tasks kept while the broker was down."""

from celery import shared_task

from . import outbox


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180)
def task_outbox_drain(follow_up: bool = False) -> int:
    """Beat, every minute, and each worker as it starts: send what the outbox holds.

    Rows younger than `outbox.DRAIN_MIN_AGE_SECONDS` are left to the process that wrote
    them. A worker that starts just after the broker came back finds such rows; with
    `follow_up` it looks once more when they are old enough, instead of leaving them to
    beat's next minute.
    """
    from cms.models import TaskOutbox

    sent = outbox.outbox_drain()
    if follow_up and TaskOutbox.objects.exists():
        task_outbox_drain.apply_async(countdown=outbox.DRAIN_MIN_AGE_SECONDS + 1)
    return sent
