"""Administrators keep targets, campaigns, thresholds, populations, topics and report
schedules in the Wagtail admin; a campaign's figures are filled in when it is saved."""

import datetime as dt
import time

import pytest
from django_celery_beat.models import PeriodicTask

from coverage.models import Campaign, CommunePeriodStat, Target
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db


def test_admin_screens_and_a_target_entered_by_hand(client, make_user, commune_a, wagtail_base):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000800")
    client.force_login(admin)
    for prefix in (
        "coverage_targets",
        "coverage_campaigns",
        "coverage_legends",
        "coverage_figures",
        "coverage_schedules",
        "session_topics",
    ):
        assert client.get(f"/admin/{prefix}/").status_code == 200, prefix
    response = client.post(
        "/admin/coverage_targets/new/",
        {
            "commune": commune_a.pk,
            "indicator": "people_trained",
            "period_kind": "quarter",
            "starts_on": "2026-05-17",
            "value": "150",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    target = Target.objects.get()
    assert (target.starts_on, target.ends_on) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    # The weekly report and the nightly reconcile are editable beat schedules.
    names = set(PeriodicTask.objects.values_list("task", flat=True))
    assert {"coverage.tasks.weekly_reports_make", "coverage.tasks.summaries_reconcile_all"} <= names


@pytest.mark.celery
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_campaign_saved_in_the_admin_gets_its_figures_from_a_worker(
    celery_worker, client, make_user, commune_a, wagtail_base
):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000801")
    session = make_session(admin, commune_a, dt.date(2026, 3, 10))
    mark(admin, session, person(commune_a))
    client.force_login(admin)
    client.post(
        "/admin/coverage_campaigns/new/",
        {"name": "Mùa xuân", "starts_on": "2026-03-01", "ends_on": "2026-04-30"},
    )
    campaign = Campaign.objects.get()
    rows = CommunePeriodStat.objects.filter(
        commune=commune_a, kind="campaign", starts_on=campaign.starts_on
    )
    deadline = time.monotonic() + 60
    while not rows.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    row = rows.get()
    assert row.people_trained == 1 and row.sessions_held == 1
