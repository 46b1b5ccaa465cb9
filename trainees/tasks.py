"""Background work of trainees. Thin: services do the work; safe to run twice."""

from celery import shared_task

from .people import privacy


@shared_task
def raw_logs_prune() -> dict[str, int]:
    """Daily (Celery beat): raw logs past RAW_LOG_RETENTION_DAYS, see people.privacy."""
    return privacy.raw_logs_prune()
