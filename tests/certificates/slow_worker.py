"""The project's Celery app for the worker-killed test: the first render in a pool process
writes its pid to CERTIFICATE_TEST_MARKER and waits, so the test can SIGKILL it mid-render.

Run as `celery -A tests.certificates.slow_worker worker` (see test_tasks.py).
"""

import os
import time
from pathlib import Path

from celery.signals import worker_process_init

from cms.celery import app

__all__ = ["app"]


@worker_process_init.connect
def slow_first_render(**kwargs):
    from certificates import rendering

    real = rendering.html_to_pdf
    marker = Path(os.environ["CERTIFICATE_TEST_MARKER"])

    def render(document: str) -> bytes:
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(120)  # killed here
        return real(document)

    rendering.html_to_pdf = render
