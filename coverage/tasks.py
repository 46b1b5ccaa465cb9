"""Background work: refreshes announced after commit, reconciling, reports. Thin: services
do the work; every task takes primary keys and may safely run twice."""

import logging

from celery import shared_task
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone

from trainees.models import Commune, Province

from . import reports, services
from .models import PersonDay, PersonMonth, SessionSummary

logger = logging.getLogger(__name__)

# A database that was briefly away (a restart, a failover) is tried again: 1 s, 2 s, 4 s …
# with jitter, at most 10 minutes apart, five times. Every task here is safe to run twice.
RETRIED = {
    "autoretry_for": (DatabaseError,),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RETRIED)
def campaign_stats_build(campaign_id: int) -> None:
    services.campaign_stats_build(campaign_id=campaign_id)


@shared_task(**RETRIED)
def summaries_reconcile_commune(commune_id: int) -> int:
    return len(services.summaries_reconcile(commune_id=commune_id))


@shared_task(**RETRIED, soft_time_limit=1800, time_limit=1900)
def summaries_reconcile_all() -> int:
    """Nightly: every commune with people or figures is recounted from the raw rows."""
    communes = (
        Commune.objects.filter(
            Q(people__isnull=False)
            | Q(pk__in=PersonMonth.objects.values("commune_id"))
            | Q(pk__in=PersonDay.objects.values("commune_id"))
            | Q(pk__in=SessionSummary.objects.values("commune_id"))
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    count = 0
    for commune_id in communes.iterator():
        summaries_reconcile_commune.delay(commune_id)
        count += 1
    return count


@shared_task(**RETRIED)
def weekly_reports_make() -> int:
    """Beat: last week's report of every province (made once, whatever beat does)."""
    today = timezone.localdate()
    made = 0
    for province_id in (
        Province.objects.filter(communes__isnull=False).distinct().values_list("pk", flat=True)
    ):
        report, created = reports.weekly_report_request(province_id=province_id, today=today)
        if created:
            report_build.delay_on_commit(report.pk)
            made += 1
    return made


@shared_task(**RETRIED, soft_time_limit=900, time_limit=1000)
def report_build(report_id: int) -> None:
    reports.report_build(report_id=report_id)
