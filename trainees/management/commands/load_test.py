"""A bounded load test against a running server (gunicorn + PostgreSQL + Redis + Celery).

    python manage.py load_test --base-url http://127.0.0.1:8000 [--learners 200]
        [--checkins 200] [--duration 60]

It makes its own data in the server's database (a course with lessons, learners already
signed in, a training session open for QR check-in), then for `--duration` seconds:

- `--learners` learners each read a lesson page and post an answer, again and again;
- at the same time `--checkins` people check in by QR into the one session (scan the code,
  then confirm), each once.

It prints requests per second, p50/p95/p99 and errors per kind of request, and the machine's
load average. An error is a 5xx, a refused or broken connection, or an answer other than the
one expected. Requests come from 127.0.0.1; run it against a test deployment only.

`--forwarded-for` gives each learner and each person checking in an address of their own in
`X-Forwarded-For`, as a reverse proxy would (the server then runs with
`TRUSTED_PROXY_COUNT=1`): the per-address limits apply as they would to 400 phones, with no
address exempted. `--timeline FILE` writes every request's start, end, kind and status (the
fault scripts tell the errors during an outage from those after it).

Sessions are made directly in the session store (the learners are "already signed in"):
password hashing at sign-in would measure PBKDF2, not the site.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import statistics
import time
import uuid
from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management.base import BaseCommand, CommandError

CSRF = "loadtest" + "x" * 24  # a 32-character CSRF secret, sent as cookie and header


class Stats:
    def __init__(self):
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.samples = defaultdict(list)
        self.timeline = []

    def add(self, kind, seconds, ok, sample="", status=0):
        self.times[kind].append(seconds)
        ended = time.time()
        self.timeline.append((ended - seconds, ended, kind, status))
        if not ok:
            self.errors[kind] += 1
            if len(self.samples[kind]) < 3:
                self.samples[kind].append(sample)


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Client:
    """A minimal HTTP/1.1 client on asyncio streams: one connection per request (gunicorn's
    sync workers close each connection anyway)."""

    def __init__(self, base_url, timeout=30.0):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout

    async def request(self, method, path, *, cookies=None, headers=None, body=b""):
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            "Connection: close",
            "Accept-Encoding: identity",
            f"Content-Length: {len(body)}",
        ]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body

        async def exchange():
            reader, writer = await asyncio.open_connection(self.host, self.port)
            try:
                writer.write(raw)
                await writer.drain()
                return await reader.read()
            finally:
                writer.close()

        data = await asyncio.wait_for(exchange(), self.timeout)
        head, _sep, content = data.partition(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        return status, head.decode("latin-1"), content


class Command(BaseCommand):
    help = "A bounded load test: learners reading and answering while people check in by QR."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--learners", type=int, default=200)
        parser.add_argument("--checkins", type=int, default=200)
        parser.add_argument("--duration", type=float, default=60.0)
        parser.add_argument("--timeout", type=float, default=30.0)
        parser.add_argument(
            "--json", default="", help="also write the figures to this file (for tests)"
        )
        parser.add_argument(
            "--forwarded-for",
            action="store_true",
            help="send each client's own address in X-Forwarded-For (server behind a proxy)",
        )
        parser.add_argument(
            "--timeline", default="", help="write every request's times and status (JSON)"
        )

    def handle(self, *args, **options):
        if options["duration"] <= 0 or options["duration"] > 3600:
            raise CommandError("--duration is between 0 and 3600 seconds.")
        plan = self._setup(options["learners"], options["checkins"])
        stats = Stats()
        self.stdout.write(f"load started at {time.time():.3f}")
        self.stdout.flush()
        started = time.monotonic()
        asyncio.run(self._run(plan, stats, options))
        elapsed = time.monotonic() - started
        self._report(stats, elapsed, options)
        if options["timeline"]:
            with open(options["timeline"], "w") as f:
                json.dump(stats.timeline, f)
        from django.db import connection

        from trainees.models import Attendance

        connection.close()  # the database may have restarted under a fault script
        marked = Attendance.objects.filter(session__uuid=plan["session"]).count()
        self.stdout.write(f"checked in: {marked} of {options['checkins']} people")
        if options["json"]:
            with open(options["json"]) as f:
                figures = json.load(f)
            figures["checked_in"] = marked
            with open(options["json"], "w") as f:
                json.dump(figures, f)

    # --- Data -------------------------------------------------------------------------------

    def _setup(self, learners: int, checkins: int) -> dict:
        from django.utils.module_loading import import_string
        from wagtail.models import Page

        from cms.services import home_page_ensure
        from courses.factories import (
            CourseIndexPageFactory,
            CoursePageFactory,
            LessonPageFactory,
            quiz_block,
        )
        from trainees.factories import CommuneFactory, ProvinceFactory, TrainingSessionFactory
        from trainees.learning.services import person_ensure
        from trainees.models import TrainingSession, User
        from trainees.training import services as training

        tag = secrets.token_hex(3)
        home = home_page_ensure(title="Bình dân học vụ số")
        index = Page.objects.child_of(home).filter(
            slug="khoa-hoc"
        ).specific().first() or CourseIndexPageFactory(
            parent=home, title="Khoá học", slug="khoa-hoc"
        )
        course = CoursePageFactory(parent=index, title=f"Tải thử {tag}", slug=f"tai-thu-{tag}")
        lessons = [
            LessonPageFactory(
                parent=course,
                title=f"Bài {n}",
                slug=f"bai-{n}",
                body=[
                    {"type": "paragraph", "value": "<p>Bấm vào biểu tượng tin nhắn.</p>" * 20},
                    quiz_block(
                        "Ai được biết mã OTP của bạn?",
                        [("Chỉ mình bạn", True, "Đúng."), ("Cán bộ ngân hàng", False, "Sai.")],
                    ),
                ],
            )
            for n in range(1, 6)
        ]
        for page in [index, course, *lessons]:
            page.save_revision().publish()
        province = ProvinceFactory(code=f"9{tag[:1]}")
        commune = CommuneFactory(province=province, code=f"L{tag[:4]}")
        session = TrainingSessionFactory(commune=commune, title="Tập huấn tải thử")
        TrainingSession.objects.filter(pk=session.pk).update(checkin_open=True)
        store = import_string(settings.SESSION_ENGINE).SessionStore

        def signed_in(user):
            s = store()
            s[SESSION_KEY] = str(user.pk)
            s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            s[HASH_SESSION_KEY] = user.get_session_auth_hash()
            s.create()
            return s.session_key

        def people(count, prefix):
            users = []
            for _n in range(count):
                user = User.objects.create_user(
                    phone=f"0{prefix}{secrets.randbelow(10**7):07d}"[:10]
                )
                person = person_ensure(user=user)
                person.commune = commune
                person.full_name = f"Người tải thử {_n}"
                person.save()
                users.append(signed_in(user))
            return users

        lesson_data = []
        for lesson in lessons:
            block = next(child.id for child in lesson.body if child.block_type == "quiz")
            lesson_data.append({"url": lesson.url, "id": lesson.pk, "block": block})
        return {
            "lessons": lesson_data,
            "learners": people(learners, "97"),
            "checkins": people(checkins, "96"),
            "session": str(session.uuid),
            "token": lambda: training.checkin_token_make(session),
        }

    # --- Load -------------------------------------------------------------------------------

    async def _run(self, plan, stats, options):
        client = Client(options["base_url"], options["timeout"])
        deadline = time.monotonic() + options["duration"]

        async def timed(kind, expected, method, path, **kwargs):
            began = time.monotonic()
            try:
                status, head, content = await client.request(method, path, **kwargs)
            except (TimeoutError, OSError, ValueError, IndexError) as exc:
                stats.add(kind, time.monotonic() - began, False, repr(exc))
                return None, ""
            ok = status in expected
            location = next(
                (line for line in head.splitlines() if line.lower().startswith("location:")), ""
            )
            stats.add(
                kind,
                time.monotonic() - began,
                ok,
                f"{status} {location} {content[:200]!r}",
                status=status,
            )
            return status, head

        def address(headers, n):
            if options["forwarded_for"]:
                headers["X-Forwarded-For"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
            return headers

        async def learner(n, session_key):
            cookies = {settings.SESSION_COOKIE_NAME: session_key, "csrftoken": CSRF}
            i = n
            while time.monotonic() < deadline:
                lesson = plan["lessons"][i % len(plan["lessons"])]
                i += 1
                await timed("lesson page", {200}, "GET", lesson["url"], headers=address({}, n))
                body = json.dumps(
                    {
                        "lang": "vi",
                        "events": [
                            {
                                "uuid": str(uuid.uuid4()),
                                "type": "answer",
                                "lesson": lesson["id"],
                                "block": lesson["block"],
                                "choices": [i % 2],
                            }
                        ],
                    }
                ).encode()
                await timed(
                    "answer",
                    {200},
                    "POST",
                    "/api/progress/events/",
                    cookies=cookies,
                    headers=address({"Content-Type": "application/json", "X-CSRFToken": CSRF}, n),
                    body=body,
                )

        async def checkin(n, session_key, token):
            cookies = {settings.SESSION_COOKIE_NAME: session_key, "csrftoken": CSRF}
            path = f"/vi/checkin/{plan['session']}/"
            await asyncio.sleep((n % 50) / 50)  # people scan over a second or so
            who = 100_000 + n  # not a learner's address
            status, _head = await timed(
                "QR scan",
                {302},
                "GET",
                f"{path}?t={token}",
                cookies=cookies,
                headers=address({}, who),
            )
            if status != 302:
                return
            await timed(
                "check-in",
                {200},
                "POST",
                path,
                cookies=cookies,
                headers=address(
                    {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": CSRF},
                    who,
                ),
                body=f"csrfmiddlewaretoken={CSRF}".encode(),
            )

        token = plan["token"]()
        await asyncio.gather(
            *(learner(n, key) for n, key in enumerate(plan["learners"])),
            *(checkin(n, key, token) for n, key in enumerate(plan["checkins"])),
        )

    # --- Figures ----------------------------------------------------------------------------

    def _report(self, stats, elapsed, options):
        load = os.getloadavg()
        out = self.stdout.write
        out(
            f"{options['learners']} learners and {options['checkins']} QR check-ins for "
            f"{elapsed:.0f} s against {options['base_url']} "
            f"({os.cpu_count()} cores; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})"
        )
        out(
            f"{'request':<12} {'count':>7} {'errors':>7} {'req/s':>8} "
            f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        )
        figures = {"elapsed": elapsed, "load": load, "kinds": {}}
        all_times = []
        for kind, times in stats.times.items():
            all_times += times
            row = {
                "count": len(times),
                "errors": stats.errors[kind],
                "rps": len(times) / elapsed,
                "p50": percentile(times, 0.50) * 1000,
                "p95": percentile(times, 0.95) * 1000,
                "p99": percentile(times, 0.99) * 1000,
                "samples": stats.samples[kind],
            }
            figures["kinds"][kind] = row
            out(
                f"{kind:<12} {row['count']:>7} {row['errors']:>7} {row['rps']:>8.1f} "
                f"{row['p50']:>8.0f} {row['p95']:>8.0f} {row['p99']:>8.0f}"
            )
        errors = sum(stats.errors.values())
        out(
            f"{'all':<12} {len(all_times):>7} {errors:>7} {len(all_times) / elapsed:>8.1f} "
            f"{percentile(all_times, 0.5) * 1000:>8.0f} {percentile(all_times, 0.95) * 1000:>8.0f} "
            f"{percentile(all_times, 0.99) * 1000:>8.0f}"
        )
        if all_times:
            out(f"mean {statistics.mean(all_times) * 1000:.0f} ms")
        for kind, samples in stats.samples.items():
            for sample in samples:
                out(f"  {kind} error: {sample}")
        if options["json"]:
            with open(options["json"], "w") as f:
                json.dump(figures, f)
