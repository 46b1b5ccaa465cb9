"""The command-line export (machine names, official code first, exact dates) and a smoke run
of the benchmark with tiny sizes (the figures come from running it by hand)."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coverage.models import Campaign
from trainees.models import Role

from .conftest import make_session, mark, person

pytestmark = pytest.mark.django_db


def export(*args) -> list[list[str]]:
    out = io.StringIO()
    call_command("coverage_export", *args, stdout=out)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_coverage_export_writes_the_table_with_machine_names(
    make_user, province, commune_a, commune_b, village_a, topics
):
    admin = make_user(Role.ADMINISTRATOR, phone="0911000700")
    Campaign.objects.create(
        name="Đợt 2026", starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31)
    )
    early = make_session(admin, commune_a, dt.date(2026, 3, 2), topics=[topics["vneid"]])
    late = make_session(admin, commune_a, dt.date(2026, 3, 20))
    for i in range(3):
        mark(admin, early, person(commune_a, village_a, household=str(i)))
    mark(admin, late, person(commune_a, village_a, household=""))

    rows = export("--province", "15")  # campaign to date
    head = rows[0]
    assert head[:4] == ["code", "name", "kind", "people_trained"]
    for name in ("households_reached", "sessions_held", "certificates_issued"):
        assert name in head
    assert "people_trained_vneid" in head and "course_completions" in head
    by_code = {row[0]: dict(zip(head, row, strict=True)) for row in rows[1:]}
    assert list(by_code) == ["02683", "02761"]  # one row per commune, no total
    assert by_code["02683"]["people_trained"] == "4"
    assert by_code["02683"]["people_trained_vneid"] == "3"
    assert by_code["02683"]["households_reached"] == "3"
    assert by_code["02683"]["trained_without_household"] == "1"
    assert by_code["02683"]["sessions_held"] == "2"
    assert by_code["02683"]["people_trained_colour"] == "grey"

    rows = export("--province", "15", "--from", "2026-03-05", "--to", "2026-03-31")
    assert dict(zip(rows[0], rows[1], strict=True))["people_trained"] == "1"

    out = io.StringIO()
    call_command("coverage_export", "--province", "15", "--format", "xlsx", stdout=out)
    assert bytes.fromhex(out.getvalue()).startswith(b"PK")

    with pytest.raises(CommandError):
        export("--province", "77")
    with pytest.raises(CommandError):
        export("--province", "15", "--from", "2026-02-30")


def test_benchmark_smoke_run(topics):
    out = io.StringIO()
    call_command(
        "benchmark_coverage",
        "--trainees=120",
        "--attendance=240",
        "--communes=4",
        "--requests=2",
        "--batches=1",
        stdout=out,
    )
    text = out.getvalue()
    assert "province view (campaign to date): p50" in text
    assert "commune view: p50" in text
    assert "ratio" in text and "equal a recount" in text
