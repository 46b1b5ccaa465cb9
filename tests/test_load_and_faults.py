"""The load and fault scripts' short mode (scripts/faults.py), against real processes:
a throwaway PostgreSQL cluster of its own (never the shared one the suite uses), a
throwaway Redis, gunicorn with the production settings and a real Celery worker, all on
127.0.0.1. One stack serves the three, in this order (the last restarts its database).

Nothing here touches the test database, so these share the main pytest process.
"""

import pytest

from scripts.faults import Stack, script_load, script_postgres_restart, script_worker_kill

pytestmark = pytest.mark.load


@pytest.fixture(scope="module")
def stack():
    with Stack() as running:
        yield running


def test_learners_and_qr_check_ins_under_load_see_no_error(stack):
    figures = script_load(stack)
    assert figures["problems"] == []
    assert figures["checked_in"] == 60
    assert {"lesson page", "answer", "QR scan", "check-in"} <= set(figures["kinds"])


def test_a_worker_killed_mid_run_and_restarted_leaves_every_certificate_once(stack):
    final = script_worker_kill(stack)
    assert final["problems"] == []
    assert final["certificates"] == final["recipients"] == final["people"]
    assert final["duplicates"] == 0
    assert all(one_file and pdf for one_file, pdf in final["files"])


def test_the_site_recovers_by_itself_after_postgresql_restarts(stack):
    result = script_postgres_restart(stack)
    assert result["problems"] == []
    assert result["failed_after"] == 0
