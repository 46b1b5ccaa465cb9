"""Concurrent issues: one certificate per achievement, serials with no gap (PostgreSQL).

On SQLite the same calls run one after another (they prove nothing there, but must pass).
"""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, SerialCounter
from trainees.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_together(calls):
    """Run each call in its own thread and connection, released at the same moment."""
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(i, call):
        try:
            barrier.wait(timeout=20)
            results[i] = call()
        except Exception as e:  # noqa: BLE001 - reported in the test thread
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return results


def test_two_concurrent_issues_for_one_achievement_give_one_certificate(wagtail_base, held_session):
    person = held_session.attendances.first().person
    achievement = services.session_achievement(session=held_session)
    results = run_together(
        [lambda: services.certificate_issue(person=person, achievement=achievement)] * 2
    )
    assert results[0].pk == results[1].pk
    assert Certificate.objects.filter(recipient=person).count() == 1
    # The loser's serial was given back: the next one follows without a gap.
    year = timezone.localdate().year
    assert SerialCounter.objects.get(province_code="15", year=year).last == 1


def test_concurrent_issues_for_different_people_get_consecutive_serials(
    wagtail_base, held_session, commune_a
):
    people = [PersonFactory(commune=commune_a, full_name=f"Sùng A Dình {i}") for i in range(8)]
    achievement = services.session_achievement(session=held_session)
    results = run_together(
        [
            (lambda p=p: services.certificate_issue(person=p, achievement=achievement))
            for p in people
        ]
    )
    year = timezone.localdate().year
    serials = sorted(c.serial for c in results)
    assert serials == [f"15-{year}-{n:06d}" for n in range(1, 9)]
    assert SerialCounter.objects.get(province_code="15", year=year).last == 8


def test_a_bulk_issue_and_a_single_issue_at_once_share_the_serials(
    wagtail_base, held_session, trainer_a
):
    person = held_session.attendances.first().person
    achievement = services.session_achievement(session=held_session)
    run_together(
        [
            lambda: services.session_certificates_issue(session=held_session, by=trainer_a),
            lambda: services.certificate_issue(person=person, achievement=achievement),
        ]
    )
    valid = Certificate.objects.valid().filter(session=held_session)
    assert valid.count() == 3
    assert valid.filter(recipient=person).count() == 1
    year = timezone.localdate().year
    assert sorted(valid.values_list("serial", flat=True)) == [
        f"15-{year}-{n:06d}" for n in (1, 2, 3)
    ]
