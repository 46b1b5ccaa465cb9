"""The nightly reconcile takes its locks in the order every change takes them — the people,
then their communes (coverage.services.summaries_refresh) — so a reconcile running while a
trainer's roll call is saved in the same commune waits for it; before, each held what the
other wanted and PostgreSQL broke the deadlock by failing one of them (possibly the roll call).

Real threads on PostgreSQL; on SQLite (one writer at a time) the two run in turn."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, connections, transaction

from coverage.services import LOCK_COMMUNE, LOCK_PERSON, _lock, summaries_reconcile
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


def test_a_reconcile_beside_a_roll_call_in_its_commune_waits_instead_of_deadlocking(
    make_user, commune_a, village_a, wagtail_base
):
    coordinator = make_user(Role.PROVINCE_COORDINATOR, province=commune_a.province)
    session = make_session(coordinator, commune_a, dt.date(2026, 3, 10))
    someone = person(commune_a)
    mark(coordinator, session, someone)
    if connection.vendor != "postgresql":
        assert summaries_reconcile(commune_id=commune_a.pk) == []
        return

    outcomes = {}
    person_held = threading.Event()
    reconcile_pid = []

    def roll_call():
        # What saving a mark does: lock the person, then (after reading) the commune.
        try:
            with transaction.atomic():
                _lock(LOCK_PERSON, [someone.pk])
                person_held.set()
                deadline = time.monotonic() + 10
                while not reconcile_pid and time.monotonic() < deadline:
                    time.sleep(0.02)
                while time.monotonic() < deadline and not _waiting_for_a_lock(reconcile_pid[0]):
                    time.sleep(0.02)
                _lock(LOCK_COMMUNE, [commune_a.pk])
            outcomes["roll call"] = "saved"
        except Exception as exc:  # noqa: BLE001 - asserted below
            outcomes["roll call"] = exc
        finally:
            connections.close_all()

    def reconcile():
        try:
            person_held.wait(10)
            connection.ensure_connection()
            reconcile_pid.append(connection.connection.info.backend_pid)
            outcomes["reconcile"] = summaries_reconcile(commune_id=commune_a.pk)
        except Exception as exc:  # noqa: BLE001 - asserted below
            outcomes["reconcile"] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=roll_call), threading.Thread(target=reconcile)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == {"roll call": "saved", "reconcile": []}
