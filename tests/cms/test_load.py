"""The load test's short mode, in CI: gunicorn on 127.0.0.1 against the test's PostgreSQL,
learners reading and answering while people check in by QR — no error, everyone checked in.

The figures of a full run (`manage.py load_test`, 200 + 200 for a minute) are in
docs/capacity.md; this run only proves the script and the site hold together under load.
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.load,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL"), reason="gunicorn shares the test's PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_short_load_run_has_no_errors(wagtail_base, tmp_path):
    db = connection.settings_dict
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}"
            f"/{db['NAME']}"
        ),
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{port}", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/web") as r:  # noqa: S310
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError((tmp_path / "gunicorn.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        figures_file = tmp_path / "figures.json"
        call_command(
            "load_test",
            base_url=f"http://127.0.0.1:{port}",
            learners=20,
            checkins=20,
            duration=20,
            json=str(figures_file),
        )
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    figures = json.loads(figures_file.read_text())
    kinds = figures["kinds"]
    assert {"lesson page", "answer", "QR scan", "check-in"} <= set(kinds)
    assert {kind: row["errors"] for kind, row in kinds.items()} == dict.fromkeys(kinds, 0), kinds
    assert kinds["lesson page"]["count"] >= 20
    assert figures["checked_in"] == 20
