"""`manage.py benchmark_coverage --trainees N --attendance M`: the dashboard at scale.

Generates a synthetic nation (the 34 provinces and 3,321 communes, five villages each, N
people spread over them, sessions of 25 over the last 180 days and M attendance rows) with
PostgreSQL COPY, builds the summaries, then prints:

- p50/p95 server time and query count of the province view (Lào Cai) and of a commune view,
  50 requests each, through Django's full request path (middleware, templates);
- the time to apply a batch of 200 marks through `attendance_sync` with the summaries kept
  current, beside the same batch with coverage's receivers disconnected (the ratio);
- a check that a sample of communes' stored figures equal a brute-force recount.

Run it on a throwaway database: it refuses one that already has people.
"""

import datetime as dt
import os
import random
import secrets
import statistics
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from coverage import receivers
from coverage.models import Campaign
from coverage.periods import Period, period_of
from coverage.services import indicators_for, indicators_from_raw, summaries_rebuild_all
from trainees.models import (
    Attendance,
    Commune,
    Person,
    Province,
    Role,
    SessionTopic,
    TrainingSession,
    User,
    Village,
)
from trainees.people.services import admin_units_load, user_assign_role
from trainees.signals import attendance_changed
from trainees.training.services import MarkData, attendance_sync, training_session_create

LAO_CAI = "15"
DAYS = 180
PER_SESSION = 25
VILLAGES = 5


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def db_cpu_seconds() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend (same machine only)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall time beside CPU time (this process and its database backend) and the load:
    on a shared machine the wall time is inflated, the CPU time is not."""

    def __init__(self):
        self.wall, self.cpu, self.db = time.perf_counter(), time.process_time(), db_cpu_seconds()

    def times(self) -> tuple[float, float, float | None]:
        db = db_cpu_seconds()
        return (
            time.perf_counter() - self.wall,
            time.process_time() - self.cpu,
            None if db is None or self.db is None else db - self.db,
        )

    def __str__(self):
        wall, cpu, db = self.times()
        db_part = f" + database {db:.1f} s" if db is not None else ""
        return f"wall {wall:.1f} s, CPU: python {cpu:.1f} s{db_part}, load average {load_average()}"


class Command(BaseCommand):
    help = "Synthetic national data on PostgreSQL; time the coverage views and summary upkeep."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=100_000)
        parser.add_argument("--attendance", type=int, default=400_000)
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--batches", type=int, default=10)
        parser.add_argument("--seed", type=int, default=11)
        parser.add_argument(
            "--communes",
            type=int,
            default=0,
            help="spread the people over this many communes, Lào Cai's first (default: all)",
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="reuse the people, marks and summaries an earlier run left in this database",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="with --keep: build the summaries again from the kept raw rows",
        )
        parser.add_argument(
            "--skip-views",
            action="store_true",
            help="time only the summary upkeep (when working on it)",
        )

    def handle(
        self,
        *args,
        trainees,
        attendance,
        requests,
        batches,
        seed,
        communes,
        keep,
        rebuild,
        skip_views,
        **options,
    ):
        self.out = self.stdout.write
        rng = random.Random(seed)  # noqa: S311 - synthetic data
        if Person.objects.exists():
            if not keep:
                raise CommandError(
                    "This database has people: run the benchmark on an empty one, or give "
                    "--keep to reuse what an earlier run generated."
                )
            self.out(
                f"reusing the data of an earlier run (--keep): {Person.objects.count():,} people, "
                f"{Attendance.objects.count():,} attendance rows"
            )
            if rebuild:
                clock = Clock()
                summaries_rebuild_all(progress=lambda m: self.out(f"  {m}"))
                self.out(f"summaries built: {clock}")
        else:
            clock = Clock()
            self._generate(trainees, attendance, rng, communes)
            self.out(f"generated: {clock}")
            clock = Clock()
            summaries_rebuild_all(progress=lambda m: self.out(f"  {m}"))
            self.out(f"summaries built: {clock}")
        # As in production (no DEBUG query log), but without needing collectstatic's manifest.
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], STORAGES=storages):
            if not skip_views:
                self._views(requests)
            self._upkeep(batches)
        self._check(rng)
        self.out(f"load average at the end: {load_average()}")

    # --- Data -----------------------------------------------------------------------------

    def _copy(self, table: str, columns: list[str], rows) -> int:
        """COPY rows into a table (PostgreSQL), or multi-row inserts elsewhere."""
        count = 0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # The rows are consistent by construction: skip the per-row foreign-key
                # triggers (a superuser's switch; 20 M deferred checks at COMMIT take longer
                # than the COPY itself). Elsewhere the checks simply run.
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                if cursor.fetchone()[0]:
                    cursor.execute("SET LOCAL session_replication_role = replica")
                sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            return count
        batch = []
        with connection.cursor() as cursor:
            for row in rows:
                batch.append(row)
                if len(batch) == 500:
                    count += self._insert(cursor, table, columns, batch)
                    batch = []
            if batch:
                count += self._insert(cursor, table, columns, batch)
        return count

    def _insert(self, cursor, table, columns, batch):
        values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(batch))
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}",  # noqa: S608
            [self._adapt(v) for row in batch for v in row],
        )
        return len(batch)

    @staticmethod
    def _adapt(value):
        # SQLite's driver knows neither UUIDs nor aware datetimes.
        if isinstance(value, uuid.UUID):
            return value.hex
        if isinstance(value, dt.datetime):
            return connection.ops.adapt_datetimefield_value(value)
        return value

    def _generate(self, trainees: int, attendance: int, rng, limit: int) -> None:
        if Commune.objects.count() < 3000:
            admin_units_load()
        # Lào Cai's communes first, so that a small run still fills the province measured.
        communes = [
            pk
            for _code, pk in sorted(
                (province_code != LAO_CAI, pk)
                for pk, province_code in Commune.objects.values_list("pk", "province__code")
            )
        ][: limit or None]
        n_communes = len(communes)
        if trainees < n_communes:
            raise CommandError(f"Give at least one trainee per commune ({n_communes}).")
        now = timezone.now()
        Campaign.objects.get_or_create(
            name="Benchmark",
            defaults={
                "starts_on": (now - dt.timedelta(days=DAYS)).date(),
                "ends_on": (now + dt.timedelta(days=185)).date(),
            },
        )
        with transaction.atomic():
            self._copy(
                Village._meta.db_table,
                ["commune_id", "name", "kind", "created_at"],
                ((c, f"Thôn {v + 1}", "village", now) for c in communes for v in range(VILLAGES)),
            )
        villages: dict[int, list[int]] = {}
        for pk, commune_id in Village.objects.order_by("pk").values_list("pk", "commune_id"):
            villages.setdefault(commune_id, []).append(pk)
        with transaction.atomic():
            self._copy(
                Person._meta.db_table,
                [
                    "full_name",
                    "gender",
                    "commune_id",
                    "village_id",
                    "phone",
                    "ethnicity",
                    "household",
                    "consent",
                    "notes",
                    "name_key",
                    "created_at",
                    "updated_at",
                ],
                (
                    (
                        f"Người Thử {i}",
                        "",
                        communes[i % n_communes],
                        villages[communes[i % n_communes]][(i // n_communes) % VILLAGES],
                        "",
                        "",
                        "" if i % 9 == 0 else str((i // n_communes) // 4),
                        True,
                        "",
                        f"nguoi thu {i}",
                        now,
                        now,
                    )
                    for i in range(trainees)
                ),
            )
        self.out(f"people: {trainees:,}")
        per_commune = trainees // n_communes
        per_session = max(1, min(PER_SESSION, per_commune))
        sessions = -(-attendance // per_session)
        topics = list(SessionTopic.objects.values_list("pk", flat=True))
        if connection.vendor == "postgresql":
            written = self._generate_sql(
                communes, trainees, sessions, per_session, per_commune, attendance, topics, rng
            )
        else:
            written = self._generate_rows(
                communes, trainees, sessions, per_session, per_commune, attendance, topics, rng
            )
        self.out(f"sessions: {sessions:,}, attendance rows: {written:,}")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE "
                    + ", ".join(
                        m._meta.db_table for m in (Person, Village, TrainingSession, Attendance)
                    )
                )

    def _generate_sql(
        self, communes, trainees, sessions, per_session, per_commune, attendance, topics, rng
    ) -> int:
        """Sessions and marks made by PostgreSQL itself (INSERT … SELECT over generate_series):
        20 M rows never pass through Python."""
        now = timezone.now()
        n_communes = len(communes)
        tables = {
            m.__name__: m._meta.db_table
            for m in (Person, TrainingSession, Attendance, TrainingSession.topic_list.through)
        }
        first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
        last = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
        if last - first + 1 != trainees:
            raise CommandError("People's ids are not contiguous: run on a fresh database.")
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                # The rows are consistent by construction: skip the per-row foreign-key
                # triggers (a superuser's switch).
                cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SELECT setseed(%s)", [rng.random() * 2 - 1])
            cursor.execute(
                "CREATE TEMPORARY TABLE bench_commune (k int PRIMARY KEY, commune_id bigint) "
                "ON COMMIT DROP"
            )
            cursor.executemany(
                "INSERT INTO bench_commune VALUES (%s, %s)", list(enumerate(communes))
            )
            cursor.execute(
                "CREATE TEMPORARY TABLE bench_session ON COMMIT DROP AS "
                "SELECT s, s %% %s AS k, floor(random() * %s)::int AS off, "
                "%s - make_interval(days => floor(random() * %s)::int, "
                "hours => floor(random() * 8)::int) AS starts, gen_random_uuid() AS uuid "
                "FROM generate_series(0, %s - 1) AS s",
                [n_communes, max(per_commune, 1), now, DAYS, sessions],
            )
            cursor.execute(
                f"INSERT INTO {tables['TrainingSession']} (uuid, title, topics, commune_id, "  # noqa: S608
                "venue, starts_at, ends_at, status, notes, checkin_open, created_at, updated_at) "
                "SELECT b.uuid, 'Buổi học thử', '', c.commune_id, '', b.starts, "
                "b.starts + interval '2 hours', 'held', '', false, %s, %s "
                "FROM bench_session b JOIN bench_commune c USING (k) ORDER BY b.s",
                [now, now],
            )
            cursor.execute("ALTER TABLE bench_session ADD COLUMN id bigint")
            cursor.execute(
                f"UPDATE bench_session b SET id = t.id FROM {tables['TrainingSession']} t "  # noqa: S608
                "WHERE t.uuid = b.uuid"
            )
            if topics:
                cursor.execute(
                    f"INSERT INTO {tables['TrainingSession_topic_list']} "  # noqa: S608
                    "(trainingsession_id, sessiontopic_id) "
                    "SELECT b.id, (%s::bigint[])[1 + b.s %% %s] FROM bench_session b",
                    [topics, len(topics)],
                )
            cursor.execute(
                f"INSERT INTO {tables['Attendance']} (session_id, person_id, status, method, "  # noqa: S608
                "recorded_at, change_uuid, updated_at, clock_suspect) "
                "SELECT b.id, %s + b.k + %s::bigint * ((b.off + t) %% %s), "
                "CASE WHEN (b.s + t) %% 10 = 0 THEN 'absent' ELSE 'present' END, "
                "'roll_call', b.starts, gen_random_uuid(), %s, false "
                "FROM bench_session b CROSS JOIN generate_series(0, %s - 1) AS t "
                "WHERE b.s::bigint * %s + t < %s ORDER BY b.s, t",
                [
                    first,
                    n_communes,
                    max(per_commune, 1),
                    now,
                    per_session,
                    per_session,
                    attendance,
                ],
            )
            return cursor.rowcount

    def _generate_rows(
        self, communes, trainees, sessions, per_session, per_commune, attendance, topics, rng
    ) -> int:
        """The same data row by row (databases other than PostgreSQL; small runs)."""
        now = timezone.now()
        n_communes = len(communes)
        # People of commune k are the k-th, (k + C)-th, … rows: ids first + k + C·j.
        first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
        session_rows = []
        for s in range(sessions):
            k = s % n_communes
            starts = now - dt.timedelta(days=rng.randrange(DAYS), hours=rng.randrange(8))
            session_rows.append((k, starts))
        with transaction.atomic():
            self._copy(
                TrainingSession._meta.db_table,
                [
                    "uuid",
                    "title",
                    "topics",
                    "commune_id",
                    "venue",
                    "starts_at",
                    "ends_at",
                    "status",
                    "notes",
                    "checkin_open",
                    "created_at",
                    "updated_at",
                ],
                (
                    (
                        uuid.uuid4(),
                        "Buổi học thử",
                        "",
                        communes[k],
                        "",
                        starts,
                        starts + dt.timedelta(hours=2),
                        "held",
                        "",
                        False,
                        now,
                        now,
                    )
                    for k, starts in session_rows
                ),
            )
        session_ids = list(
            TrainingSession.objects.order_by("pk").values_list("pk", flat=True)[:sessions]
        )
        with transaction.atomic():
            self._copy(
                TrainingSession.topic_list.through._meta.db_table,
                ["trainingsession_id", "sessiontopic_id"],
                ((sid, topics[i % len(topics)]) for i, sid in enumerate(session_ids) if topics),
            )
        written = 0

        def marks():
            nonlocal written
            for s, sid in enumerate(session_ids):
                k = session_rows[s][0]
                offset = rng.randrange(max(per_commune, 1))
                starts = session_rows[s][1]
                for t in range(per_session):
                    if written >= attendance:
                        return
                    j = (offset + t) % max(per_commune, 1)
                    written += 1
                    yield (
                        sid,
                        first + k + n_communes * j,
                        "absent" if (s + t) % 10 == 0 else "present",
                        "roll_call",
                        starts,
                        uuid.uuid4(),
                        now,
                    )

        with transaction.atomic():
            self._copy(
                Attendance._meta.db_table,
                [
                    "session_id",
                    "person_id",
                    "status",
                    "method",
                    "recorded_at",
                    "change_uuid",
                    "updated_at",
                ],
                marks(),
            )
        return written

    # --- Views -----------------------------------------------------------------------------

    def _user(self, role, **scope):
        # A new user each run: --keep reuses a database an earlier run made users in.
        phone = f"0911{secrets.randbelow(10**6):06d}"
        user = User.objects.create_user(phone, None)
        return user_assign_role(user=user, role=role, **scope)

    def _time(self, client, url, requests):
        client.get(url)  # warm: the first request compiles templates and fills caches
        times, cpu, db = [], [], []
        for _ in range(requests):
            clock = Clock()
            response = client.get(url)
            wall, python, database = clock.times()
            times.append(wall)
            cpu.append(python)
            db.append(database or 0)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times.sort()
        p50 = statistics.median(times) * 1000
        p95 = times[max(0, int(len(times) * 0.95) - 1)] * 1000
        # CPU is counted in clock ticks (10 ms): the mean over all requests, not a median.
        return p50, p95, len(queries), statistics.mean(cpu) * 1000, statistics.mean(db) * 1000

    def _views(self, requests) -> None:
        province = Province.objects.get(code=LAO_CAI)
        coordinator = self._user("province_coordinator", province=province)
        commune = Commune.objects.filter(province=province).order_by("code").first()
        client = Client(HTTP_HOST="localhost")
        client.force_login(coordinator)
        people = Person.objects.filter(commune__province=province).count()
        marks = Attendance.objects.filter(session__commune__province=province).count()
        self.out(
            f"Lào Cai: {Commune.objects.filter(province=province).count()} communes, "
            f"{people:,} people, {marks:,} attendance rows"
        )
        for label, url in (
            ("province view (campaign to date)", f"/vi/coverage/province/{province.code}/"),
            (
                "province view (this month)",
                f"/vi/coverage/province/{province.code}/?period=month",
            ),
            ("commune view", f"/vi/coverage/commune/{commune.code}/"),
        ):
            p50, p95, queries, cpu, db = self._time(client, url, requests)
            self.out(
                f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {queries} queries "
                f"({requests} requests); CPU mean: python {cpu:.1f} ms + database {db:.1f} ms; "
                f"load average {load_average()}"
            )

    def _busy_commune(self) -> Commune:
        """A Lào Cai commune with people (the first person's)."""
        first = Person.objects.order_by("pk").values_list("commune_id", flat=True).first()
        return Commune.objects.get(pk=first)

    # --- Upkeep ------------------------------------------------------------------------------

    def _upkeep(self, batches) -> None:
        commune = self._busy_commune()
        admin = self._user(Role.ADMINISTRATOR)
        people = list(
            Person.objects.filter(commune=commune).order_by("pk").values_list("pk", flat=True)
        )
        size = min(200, len(people))
        topic = SessionTopic.objects.first()
        rng = random.Random(5)  # noqa: S311 - synthetic data

        def batch():
            start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=1)
            session = training_session_create(
                by=admin,
                commune=commune,
                title="Benchmark",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                topic_list=[topic] if topic else [],
            )
            chosen = rng.sample(people, size)
            return [
                MarkData(
                    uuid=uuid.uuid4(),
                    session=session.uuid,
                    person_id=pk,
                    status="present",
                    method="roll_call",
                    recorded_at=start,
                )
                for pk in chosen
            ]

        def run(keep_summaries: bool) -> tuple[tuple, int]:
            marks = batch()
            if not keep_summaries:
                attendance_changed.disconnect(dispatch_uid="coverage.attendance_changed")
            try:
                with CaptureQueriesContext(connection) as queries:
                    clock = Clock()
                    attendance_sync(by=admin, marks=marks)
                    times = clock.times()
            finally:
                if not keep_summaries:
                    attendance_changed.connect(
                        receivers.on_attendance_changed,
                        dispatch_uid="coverage.attendance_changed",
                    )
            return times, len(queries)

        def medians(runs):
            """Median wall time; mean CPU times (counted in 10 ms clock ticks)."""
            wall, python, database = zip(*runs, strict=True)
            return (
                statistics.median(wall) * 1000,
                statistics.mean(python) * 1000,
                statistics.mean(x or 0 for x in database) * 1000,
            )

        run(True)
        run(False)
        kept, bare, kept_q, bare_q = [], [], 0, 0
        for _ in range(batches):
            times, kept_q = run(True)
            kept.append(times)
            times, bare_q = run(False)
            bare.append(times)
        with_ms, with_cpu, with_db = medians(kept)
        bare_ms, bare_cpu, bare_db = medians(bare)
        self.out(
            f"batch of {size} marks ({batches} batches each, alternating):\n"
            f"  with summaries: wall p50 {with_ms:.1f} ms, CPU mean python {with_cpu:.1f} ms "
            f"+ database {with_db:.1f} ms, {kept_q} queries\n"
            f"  bare sync:      wall p50 {bare_ms:.1f} ms, CPU mean python {bare_cpu:.1f} ms "
            f"+ database {bare_db:.1f} ms, {bare_q} queries\n"
            f"  ratio: wall {with_ms / bare_ms:.2f}x, CPU "
            f"{(with_cpu + with_db) / (bare_cpu + bare_db):.2f}x  target ≤ 1.5x; "
            f"load average {load_average()}"
        )
        # The bare batches left the summaries behind on purpose: bring them back (quietly:
        # the reconcile would log each repair).
        import logging

        from coverage.services import summaries_reconcile

        log = logging.getLogger("coverage.services")
        level = log.level
        log.setLevel(logging.ERROR)  # setLevel, not .level: it clears the logger's cache
        try:
            repaired = summaries_reconcile(commune_id=commune.pk)
        finally:
            log.setLevel(level)
        self.out(f"reconcile after the bare batches repaired {len(repaired)} figures")

    def _check(self, rng) -> None:
        communes = list(
            Commune.objects.filter(province__code=LAO_CAI)
            .order_by("code")
            .values_list("pk", flat=True)
        )
        sample = rng.sample(communes, min(5, len(communes)))
        today = timezone.localdate()
        periods = [period_of("month", today), period_of("quarter", today)]
        campaign = Campaign.objects.filter(name="Benchmark").first()
        if campaign:
            periods.append(Period("campaign", campaign.starts_on, campaign.ends_on))
        for period in periods:
            stored = indicators_for(sample, period)
            raw = indicators_from_raw(sample, period)
            if stored != raw:
                raise CommandError(f"summaries differ from a recount for {period}")
        self.out(f"check: {len(sample)} communes × {len(periods)} periods equal a recount")
