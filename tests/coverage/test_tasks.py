"""The weekly report is made by a real Celery worker (with CELERY_BROKER_URL, as in CI; eager
otherwise), once per province and week, and is listed for download on the dashboard."""

import datetime as dt
import time

import pytest
from django.utils import timezone
from pypdf import PdfReader

from coverage import tasks
from coverage.models import Report
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.celery
def test_weekly_report_is_made_by_a_worker_and_listed(
    celery_worker, make_user, province, commune_a, village_a, client, topics
):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000500")
    last_week = timezone.localdate() - dt.timedelta(days=7)
    session = make_session(admin, commune_a, last_week, village=village_a)
    for _ in range(3):
        mark(admin, session, person(commune_a, village_a, household="5"))

    tasks.weekly_reports_make.delay()
    report = _wait_for_report(province)
    assert report.status == Report.Status.READY, report.error
    assert report.as_of.weekday() == 6  # the Sunday that ends last week
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(report.file.path).pages
    )
    assert "Xã Bát Xát" in text and "02683" in text

    # Beat firing twice makes no second report.
    tasks.weekly_reports_make.delay()
    time.sleep(3 if celery_worker is not None else 0)
    assert Report.objects.filter(province=province, kind=Report.Kind.WEEKLY).count() == 1

    coordinator = make_user(Role.PROVINCE_COORDINATOR, province=province, phone="0911000501")
    client.force_login(coordinator)
    page = client.get(f"/vi/coverage/province/{province.code}/").content.decode()
    download = f"/vi/coverage/reports/{report.uuid}/download"
    assert download in page
    response = client.get(download)
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def _wait_for_report(province, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        report = Report.objects.filter(province=province, kind=Report.Kind.WEEKLY).first()
        if report and report.status in (Report.Status.READY, Report.Status.FAILED):
            return report
        time.sleep(0.5)
    raise AssertionError("the worker made no report in time")
