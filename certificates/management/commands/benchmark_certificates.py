"""How fast certificates render, in a warm process and through Celery workers.

    python manage.py benchmark_certificates --count 1000

Prints:

1. the median milliseconds to render one certificate (HTML → PDF bytes) in a warm process —
   the shared font configuration, stylesheet and image cache of `certificates.rendering` —
   beside raw WeasyPrint of the identical HTML and CSS in the same run
   (`HTML(string=…).write_pdf(stylesheets=[CSS(string=…)])`, as a naive caller would), and
   their ratio; the two are timed alternately so machine load hits both alike;
2. the median of the whole render task (`certificate_render_pdf`: database, signed payload,
   QR code, HTML, PDF, storage);
3. with a broker (CELERY_BROKER_URL), `--count` certificates issued in bulk for one held
   session and rendered by a real `celery -A cms worker` with 2 worker processes on its own
   queue: the total seconds from the issue to the last PDF, and the workers' peak RSS
   (VmHWM) at the start and at the end (processes are replaced every
   CELERY_WORKER_MAX_TASKS_PER_CHILD tasks, so memory stays flat).

Works on its own throw-away province (98) and commune (98998), removed afterwards with every
certificate, PDF and serial counter it made, so it can run against a real database.
"""

import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from certificates import rendering, services
from certificates.models import Certificate, SerialCounter
from cms.settings.env import BASE_DIR
from trainees.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Commune,
    Person,
    Province,
    Role,
    TrainingSession,
    User,
)

BENCH_PROVINCE = "98"
BENCH_COMMUNE = "98998"
BENCH_PHONE = "+84900999998"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM), in MB; None once it has exited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Command(BaseCommand):
    help = "Time certificate rendering (warm vs raw WeasyPrint) and N certificates via Celery."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, default=1000, help="Certificates through Celery (0 skips)."
        )
        parser.add_argument(
            "--samples", type=int, default=30, help="Renders timed in this process."
        )
        parser.add_argument("--workers", type=int, default=2, help="Celery worker processes.")

    def handle(self, *args, count, samples, workers, **options):
        self._cleanup()
        try:
            with override_settings(DEBUG=False):
                self._in_process(max(samples, 1))
                if count > 0:
                    self._celery(count, workers)
        finally:
            self._cleanup()

    # --- Set-up -------------------------------------------------------------------------

    def _session(self, people: int) -> tuple[TrainingSession, User]:
        province = Province.objects.create(
            code=BENCH_PROVINCE, name="Benchmark", kind=Province.Kind.PROVINCE, codename="bench"
        )
        commune = Commune.objects.create(
            code=BENCH_COMMUNE,
            name="Xã Thử Nghiệm",
            kind=Commune.Kind.COMMUNE,
            codename="bench",
            province=province,
        )
        trainer = User.objects.create_user(BENCH_PHONE, role=Role.ADMINISTRATOR)
        now = timezone.now()
        session = TrainingSession.objects.create(
            title="Cài đặt và kích hoạt VNeID — buổi thử",
            commune=commune,
            starts_at=now,
            ends_at=now,
            status=TrainingSession.Status.HELD,
        )
        names = ["Giàng Thị Mỷ", "Nguyễn Văn Ước", "Lò Thị Ánh", "Sùng A Dình", "Hoàng Ỷ Lường"]
        persons = Person.objects.bulk_create(
            [
                Person(full_name=f"{names[i % len(names)]} {i}", commune=commune)
                for i in range(people)
            ]
        )
        Attendance.objects.bulk_create(
            [
                Attendance(
                    session=session,
                    person=p,
                    status=AttendanceStatus.PRESENT,
                    method=AttendanceMethod.ROLL_CALL,
                    recorded_at=now,
                    change_uuid=uuid.uuid4(),
                )
                for p in persons
            ]
        )
        return session, trainer

    def _cleanup(self):
        certificates = Certificate.objects.filter(commune__code=BENCH_COMMUNE)
        storage = Certificate._meta.get_field("pdf").storage
        for name in certificates.exclude(pdf="").values_list("pdf", flat=True):
            storage.delete(name)
        with transaction.atomic():
            certificates.update(replaced_by=None)
            certificates.delete()
            SerialCounter.objects.filter(province_code=BENCH_PROVINCE).delete()
            TrainingSession.objects.filter(commune__code=BENCH_COMMUNE).delete()
            Person.objects.filter(commune__code=BENCH_COMMUNE).delete()
            Commune.objects.filter(code=BENCH_COMMUNE).delete()
            Province.objects.filter(code=BENCH_PROVINCE).delete()
            User.objects.filter(phone=BENCH_PHONE).delete()

    # --- In this process ----------------------------------------------------------------

    def _in_process(self, samples: int):
        from weasyprint import CSS, HTML

        from cms.celery import app

        session, trainer = self._session(samples)
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True
        try:
            # Rendered once here (which warms the process up); the renders below are timed.
            result = services.session_certificates_issue(session=session, by=trainer)
        finally:
            app.conf.task_always_eager = eager
        certificates = result.issued
        css = rendering.STYLESHEET.read_text("utf-8")
        base_url = str(rendering.STYLESHEET.parent)
        documents = [rendering.certificate_html(c) for c in certificates]
        warm, raw, warm_cpu, raw_cpu = [], [], [], []
        for document in documents:
            started, cpu = time.perf_counter(), time.process_time()
            rendering.html_to_pdf(document)
            warm.append(time.perf_counter() - started)
            warm_cpu.append(time.process_time() - cpu)
            started, cpu = time.perf_counter(), time.process_time()
            HTML(string=document, base_url=base_url).write_pdf(stylesheets=[CSS(string=css)])
            raw.append(time.perf_counter() - started)
            raw_cpu.append(time.process_time() - cpu)
        whole, whole_cpu = [], []
        for certificate in certificates:
            Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.PENDING)
            started, cpu = time.perf_counter(), time.process_time()
            services.certificate_render_pdf(certificate_id=certificate.pk)
            whole.append(time.perf_counter() - started)
            whole_cpu.append(time.process_time() - cpu)
        warm_ms = statistics.median(warm) * 1000
        raw_ms = statistics.median(raw) * 1000
        warm_cpu_ms = statistics.median(warm_cpu) * 1000
        raw_cpu_ms = statistics.median(raw_cpu) * 1000
        self.stdout.write(
            f"Render one certificate (HTML → PDF), median of {len(documents)} "
            f"(wall / CPU of this process; load average {load_average()}):"
        )
        self.stdout.write(f"  warm process:       {warm_ms:7.1f} ms / {warm_cpu_ms:6.1f} ms CPU")
        self.stdout.write(f"  raw WeasyPrint:     {raw_ms:7.1f} ms / {raw_cpu_ms:6.1f} ms CPU")
        self.stdout.write(
            f"  ratio warm/raw:     {warm_ms / raw_ms:7.2f}   / {warm_cpu_ms / raw_cpu_ms:6.2f} CPU"
        )
        self.stdout.write(
            f"Whole render task (database, signature, QR, PDF, storage), median: "
            f"{statistics.median(whole) * 1000:.1f} ms / "
            f"{statistics.median(whole_cpu) * 1000:.1f} ms CPU"
        )
        self._cleanup()

    # --- Through Celery -----------------------------------------------------------------

    def _celery(self, count: int, workers: int):
        from cms.celery import app

        if settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("Celery: skipped (set CELERY_BROKER_URL to a Redis database).")
            return
        session, trainer = self._session(count)
        queue = f"benchmark-certificates-{secrets.token_hex(4)}"
        name = f"{queue}@%h"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.dev"),
            # As in production: no query log in the workers, whatever the settings module.
            "DJANGO_DEBUG": "false",
        }
        worker = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cms",
                "worker",
                "-P",
                "prefork",
                "-c",
                str(workers),
                "-Q",
                queue,
                "-n",
                name,
                "-l",
                "warning",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        routes = app.conf.task_routes
        app.conf.task_routes = {"certificates.tasks.certificate_render": {"queue": queue}}
        samples: dict[int, float] = {}
        cpu: dict[int, float] = {}
        seen: set[int] = set()
        stop = threading.Event()

        def children() -> list[int]:
            import psutil

            try:
                return [c.pid for c in psutil.Process(worker.pid).children()]
            except psutil.NoSuchProcess:
                return []

        def watch():
            import psutil

            while not stop.is_set():
                for pid in children():
                    seen.add(pid)
                    peak = peak_rss_mb(pid)
                    if peak is not None:
                        samples[pid] = peak
                    try:
                        times = psutil.Process(pid).cpu_times()
                        cpu[pid] = times.user + times.system
                    except psutil.NoSuchProcess:
                        pass
                stop.wait(0.25)

        try:
            deadline = time.monotonic() + 60
            while len(children()) < workers and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2)  # the pool processes finish importing Django
            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            started = time.perf_counter()
            services.session_certificates_issue(session=session, by=trainer)
            issued_in = time.perf_counter() - started
            ready = Certificate.objects.filter(session=session, status=Certificate.Status.READY)
            start_peak = None
            deadline = time.monotonic() + max(600, count)
            done = 0
            while time.monotonic() < deadline:
                done = ready.count()
                if start_peak is None and done >= max(1, count // 50):
                    alive = [samples.get(pid) for pid in children()]
                    start_peak = max((p for p in alive if p), default=None)
                if done >= count:
                    break
                time.sleep(0.25)
            total = time.perf_counter() - started
            end_peak = max((p for p in (samples.get(pid) for pid in children()) if p), default=0)
            stop.set()
            watcher.join(timeout=5)
            failed = Certificate.objects.filter(
                session=session, status=Certificate.Status.FAILED
            ).count()
            self.stdout.write(
                f"{done} of {count} certificates through Celery "
                f"({workers} worker processes, Redis): {total:.1f} s total "
                f"({done / total:.1f} per second){f', {failed} failed' if failed else ''}"
            )
            self.stdout.write(
                f"  of which issuing (serials, rows, queueing {count} tasks): {issued_in:.1f} s"
            )
            cpu_ms = sum(cpu.values()) * 1000 / max(done, 1)
            self.stdout.write(
                f"  workers' CPU time: {cpu_ms:.0f} ms per certificate (load average "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores during the run)"
            )
            self.stdout.write(
                f"  workers' peak RSS: start {start_peak or 0:.0f} MB, end {end_peak:.0f} MB "
                f"(highest {max(samples.values(), default=0):.0f} MB; {len(seen)} worker "
                f"processes over the run, each replaced after "
                f"{settings.CELERY_WORKER_MAX_TASKS_PER_CHILD} tasks)"
            )
        finally:
            stop.set()
            app.conf.task_routes = routes
            worker.terminate()
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)
