"""How fast the roll-call sync stores a batch of marks, against the database's raw insert rate.

Works on its own throw-away commune (code 99999), removed afterwards, so it can run against
a real database. Each run syncs a fresh batch of new marks through the JSON API (session
auth, validation, scoping, audit trail, upsert, commit). The raw rate is the same rows
written with one `executemany` per table and a commit, with no validation at all.
"""

import datetime as dt
import json
import statistics
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from trainees.models import (
    Attendance,
    AttendanceChange,
    Commune,
    Person,
    Province,
    Role,
    Team,
    TrainingSession,
    User,
    Village,
    normalise_name,
)
from trainees.training import services

BENCH_PROVINCE = "99"
BENCH_COMMUNE = "99999"
BENCH_PHONE = "+84900999999"
BENCH_TEAM = "Benchmark team"


class Command(BaseCommand):
    help = "Time the attendance sync: p50 of a 200-mark batch, rows/s, ratio to raw inserts."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=200)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, batch, runs, **options):
        from django.test.utils import override_settings

        self._cleanup()
        # As in production: with DEBUG on, Django logs every statement and, on SQLite,
        # re-quotes every parameter of it, which would be timed too.
        try:
            with override_settings(DEBUG=False):
                self._run(batch, runs)
        finally:
            self._cleanup()

    def _setup(self, people_count):
        province = Province.objects.create(
            code=BENCH_PROVINCE, name="Benchmark", kind="province", codename="benchmark"
        )
        commune = Commune.objects.create(
            code=BENCH_COMMUNE,
            name="Xã Benchmark",
            kind="commune",
            codename="benchmark",
            province=province,
        )
        village = Village.objects.create(commune=commune, name="Thôn Benchmark")
        trainer = User.objects.create_user(BENCH_PHONE, None, role=Role.TRAINER)
        team = Team.objects.create(name=BENCH_TEAM, kind=Team.Kind.COMMUNITY)
        team.communes.add(commune)
        team.members.add(trainer)
        Person.objects.bulk_create(
            Person(
                full_name=f"Người Thử {n}",
                name_key=normalise_name(f"Người Thử {n}"),
                commune=commune,
                village=village,
                consent=True,
            )
            for n in range(people_count)
        )
        people = list(Person.objects.filter(commune=commune).values_list("pk", flat=True))
        return commune, village, trainer, people

    def _session(self, commune, village):
        start = timezone.now().replace(microsecond=0)
        return TrainingSession.objects.create(
            title="Benchmark",
            commune=commune,
            village=village,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
        )

    def _marks(self, session, people):
        now = timezone.now()
        return [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session.uuid),
                "person_id": pk,
                "status": "present",
                "method": "roll_call",
                "recorded_at": (now - dt.timedelta(seconds=i)).isoformat(),
            }
            for i, pk in enumerate(people)
        ]

    def _run(self, batch, runs):
        commune, village, trainer, people = self._setup(max(batch, 1000))
        client = Client()
        client.force_login(trainer)

        def post(marks) -> float:
            """Server time for one batch: the request body is encoded before the clock starts
            and the answer checked after it stops."""
            body = json.dumps({"marks": marks})
            started = time.perf_counter()
            response = client.post(
                "/api/attendance/sync", body, content_type="application/json", HTTP_HOST="localhost"
            )
            elapsed = time.perf_counter() - started
            if response.status_code != 200 or response.json()["marks_new"] != len(marks):
                raise RuntimeError(f"sync failed: {response.status_code} {response.content[:300]}")
            return elapsed

        post(self._marks(self._session(commune, village), people[:batch]))  # warm-up
        sync_times, raw_times = [], []
        for _ in range(runs):
            sync_times.append(post(self._marks(self._session(commune, village), people[:batch])))
            raw_times.append(self._raw_insert(self._session(commune, village), people[:batch]))

        queries = {}
        for size in (20, batch, 1000):
            marks = [
                services.MarkData(
                    uuid=uuid.UUID(m["uuid"]),
                    session=uuid.UUID(m["session"]),
                    person_id=m["person_id"],
                    status="present",
                    method="roll_call",
                    recorded_at=dt.datetime.fromisoformat(m["recorded_at"]),
                )
                for m in self._marks(self._session(commune, village), people[:size])
            ]
            with CaptureQueriesContext(connection) as ctx:
                services.attendance_sync(by=trainer, marks=marks)
            queries[size] = len(ctx.captured_queries)

        p50 = statistics.median(sync_times)
        raw_p50 = statistics.median(raw_times)
        rate, raw_rate = batch / p50, batch / raw_p50
        out = self.stdout.write
        out(f"database: {connection.vendor}")
        out(f"batch: {batch} marks, {runs} runs (through the JSON API, one commit each)")
        out(
            f"sync p50: {p50 * 1000:.1f} ms/batch  (min {min(sync_times) * 1000:.1f}, "
            f"max {max(sync_times) * 1000:.1f})  target ≤ 200 ms"
        )
        out(f"sync rate: {rate:,.0f} marks/s")
        out(
            f"raw insert p50: {raw_p50 * 1000:.1f} ms for the same {batch} rows in both tables "
            f"= {raw_rate:,.0f} rows/s"
        )
        out(f"ratio sync/raw: {rate / raw_rate:.2f}x  target ≥ 0.5x")
        out(
            "queries per batch: "
            + ", ".join(f"{size} marks → {n}" for size, n in sorted(queries.items()))
            + " (BEGIN, 2 SELECTs, 2 INSERTs, COMMIT, and the UPDATE that marks a planned"
            " session as held)"
        )

    def _raw_insert(self, session, people) -> float:
        """The same rows as a sync of new marks writes, with nothing but executemany."""
        now = timezone.now()
        changes, attendances = [], []
        uuid_field = AttendanceChange._meta.get_field("uuid")
        date_field = AttendanceChange._meta.get_field("recorded_at")
        for i, pk in enumerate(people):
            u = uuid_field.get_db_prep_save(uuid.uuid4(), connection)
            when = date_field.get_db_prep_save(now - dt.timedelta(seconds=i), connection)
            changes.append((u, session.pk, pk, "present", "roll_call", when, when))
            attendances.append((u, session.pk, pk, "present", "roll_call", when, when))
        change_table = connection.ops.quote_name(AttendanceChange._meta.db_table)
        attendance_table = connection.ops.quote_name(Attendance._meta.db_table)
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {change_table} (uuid, session_id, person_id, status, method, "  # noqa: S608
                "recorded_at, received_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                changes,
            )
            cursor.executemany(
                f"INSERT INTO {attendance_table} (change_uuid, session_id, person_id, status, "  # noqa: S608
                "method, recorded_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                attendances,
            )
        return time.perf_counter() - started

    @transaction.atomic
    def _cleanup(self):
        commune = Commune.objects.filter(code=BENCH_COMMUNE).first()
        if commune:
            sessions = TrainingSession.objects.filter(commune=commune)
            AttendanceChange.objects.filter(session__in=sessions).delete()
            Attendance.objects.filter(session__in=sessions).delete()
            sessions.delete()
            Person.objects.filter(commune=commune).delete()
            Village.objects.filter(commune=commune).delete()
            Team.objects.filter(name=BENCH_TEAM).delete()
            commune.delete()
        User.objects.filter(phone=BENCH_PHONE).delete()
        Province.objects.filter(code=BENCH_PROVINCE).delete()
