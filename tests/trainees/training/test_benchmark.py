"""The benchmark command runs, reports its figures and leaves nothing behind."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from trainees.models import Commune, Person, TrainingSession

pytestmark = pytest.mark.django_db


def test_benchmark_attendance_reports_constant_queries_and_cleans_up():
    out = StringIO()
    call_command("benchmark_attendance", batch=20, runs=2, stdout=out)
    text = out.getvalue()
    assert "sync p50:" in text and "ratio sync/raw:" in text
    counts = re.search(r"20 marks → (\d+), 1000 marks → (\d+)", text).groups()
    assert counts[0] == counts[1]
    assert not Commune.objects.filter(code="99999").exists()
    assert not Person.objects.exists() and not TrainingSession.objects.exists()
