"""Rendering certificates in Celery workers (see certificates.services).

Acknowledged late and rejected when the worker process dies, so a worker killed mid-render
(out of memory, a deploy) hands the task back to the queue; retried with exponential
back-off; idempotent, so a redelivery after a render that did finish changes nothing. A
worker killed outright (main process and pool) hands nothing back until Redis's visibility
timeout: every starting worker sends the pending renders again (`render_pending_after_start`).
"""

import logging

from celery import shared_task
from celery.signals import worker_init, worker_ready

from . import services

logger = logging.getLogger(__name__)


@worker_init.connect
def warm_up_before_fork(**kwargs) -> None:
    """Pool processes are forked from the worker's main process: warm it once for all."""
    from .rendering import warm_up

    try:
        warm_up()
    except Exception:  # a cold start is slower, not wrong: never keep the worker down
        logger.exception("Could not warm up certificate rendering")


@worker_ready.connect
def render_pending_after_start(sender, **kwargs) -> None:
    """A worker that starts (after a crash, a kill, a deploy) sends the pending renders again:
    those a killed worker had reserved would otherwise wait an hour in Redis."""
    certificates_pending_render.delay()


@shared_task
def certificates_pending_render() -> None:
    sent = services.certificates_pending_render_again()
    if sent:
        logger.info("Sent the render of %d pending certificate(s) again.", sent)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def certificate_render(self, certificate_id: int) -> None:
    try:
        services.certificate_render_pdf(certificate_id=certificate_id)
    except Exception as exc:
        if self.request.retries >= self.max_retries:
            # Staff see "could not be prepared" and can send it again; nothing is lost.
            logger.exception("Certificate %s could not be rendered", certificate_id)
            services.certificate_render_failed(certificate_id=certificate_id, error=repr(exc))
            return
        # 10 s, 20 s, 40 s … with jitter, at most 10 minutes.
        raise self.retry(exc=exc, countdown=min(600, 10 * 2**self.request.retries)) from exc
