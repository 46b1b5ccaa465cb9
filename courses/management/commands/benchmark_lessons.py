"""How heavy is a lesson page? Builds 50 courses × 10 lessons, measures, then rolls back.

Server time and queries, in this process with DEBUG off (so the figures do not include
Django's debug bookkeeping), for: the plain lesson (anonymous, and signed in), a lesson with
one H5P activity and the demo's practice lesson with three (both signed in) — built every
time, the page cache off — and then the plain and practice lessons from the page cache.
The host is one of ALLOWED_HOSTS, so it runs with the settings the site has. HTML bytes are
given raw and as the server sends them to a browser that accepts gzip.
"""

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings

from cms.models import HomePage
from cms.services import home_page_ensure
from courses.demo import _drawings
from courses.factories import quiz_block
from courses.models import CourseIndexPage, CoursePage, LessonPage, Narration, Topic

# Every file of ours a plain lesson page loads (the ES modules it imports included).
OWN_ASSETS = [
    "cms/site.css",
    "courses/courses.css",
    "cms/site.js",
    "cms/offline.js",
    "courses/lesson.js",
]


class Rollback(Exception):
    """Raised to undo the benchmark site."""


def lesson_body(images, narration=None):
    clip = narration.pk if narration else None
    return [
        {"type": "paragraph", "value": "<p>Điện thoại có một nút nguồn ở cạnh bên.</p>"},
        {
            "type": "image",
            "value": {"image": images["phone-power.svg"].pk, "alt": "Nút nguồn", "caption": ""},
        },
        {
            "type": "steps",
            "value": {
                "heading": "Bật máy",
                "steps": [
                    {
                        "image": images["phone-unlock.svg"].pk,
                        "alt": "Mở khoá",
                        "text": "Vuốt lên.",
                        "narration": clip,
                    },
                    {"image": None, "alt": "", "text": "Bấm nút nguồn 3 giây.", "narration": clip},
                    {"image": None, "alt": "", "text": "Nhập mã khoá.", "narration": clip},
                ],
            },
        },
        {"type": "callout", "value": {"kind": "warning", "text": "Không cho ai biết mã OTP."}},
        quiz_block(
            "Ai được biết mã OTP của bạn?",
            [("Chỉ mình bạn", True, "Đúng."), ("Cán bộ ngân hàng", False, "Sai.")],
        ),
    ]


def site_host() -> str:
    """A host name the site's own settings accept."""
    for host in settings.ALLOWED_HOSTS:
        if host == "*":
            return "localhost"
        if "*" not in host:
            return host.lstrip(".") or "localhost"
    raise CommandError("ALLOWED_HOSTS is empty: set it to the site's host name.")


class Command(BaseCommand):
    help = (
        "Build 50 courses × 10 lessons (rolled back afterwards) and print p50/p95 server time, "
        "queries and HTML bytes of a plain lesson, lessons with one and three H5P activities "
        "(signed in), and the plain lesson from the page cache."
    )

    def add_arguments(self, parser):
        parser.add_argument("--courses", type=int, default=50)
        parser.add_argument("--lessons", type=int, default=10)
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument(
            "--narrated",
            action="store_true",
            help="Every step carries a narration clip (a play button beside it).",
        )

    def handle(self, *args, **options):
        with (
            tempfile.TemporaryDirectory(prefix="bench-media-") as media,
            # Plain static storage: no collectstatic needed; a hashed name is one dictionary
            # lookup more in production, nothing measurable.
            override_settings(DEBUG=False, MEDIA_ROOT=media, STORAGES=self.storages()),
        ):
            try:
                with transaction.atomic():
                    self.run(options)
                    raise Rollback
            except Rollback:
                self.stdout.write("(benchmark pages rolled back)")

    def storages(self):
        storages = dict(settings.STORAGES)
        storages["staticfiles"] = {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
        return storages

    def build(self, options):
        from django.contrib.auth import get_user_model

        from courses.demo_h5p import LESSON_SLUG, load_h5p_demo

        User = get_user_model()

        started = time.perf_counter()
        home = HomePage.objects.filter(locale__language_code="vi").first() or home_page_ensure(
            title="Bình dân học vụ số"
        )
        images = _drawings()
        index = home.add_child(instance=CourseIndexPage(title="Benchmark", slug="benchmark-bdhvs"))
        narration = None
        if options["narrated"]:
            # Only its address is on the page (the clip loads when played): no file needed.
            narration = Narration.objects.create(
                title="Benchmark", file="narration/benchmark.mp3", duration=3, synthetic=True
            )
        body = lesson_body(images, narration)
        topics = list(Topic.values)
        target = None
        for c in range(options["courses"]):
            course = index.add_child(
                instance=CoursePage(
                    title=f"Khoá học {c + 1}", slug=f"khoa-{c + 1}", topic=topics[c % len(topics)]
                )
            )
            for n in range(options["lessons"]):
                lesson = course.add_child(
                    instance=LessonPage(title=f"Bài {n + 1}", slug=f"bai-{n + 1}", body=body)
                )
                if c == options["courses"] // 2 and n == options["lessons"] // 2:
                    target = lesson
        # The demo's practice lesson (three H5P activities), as `make demo` makes it.
        packages = load_h5p_demo()
        practice = LessonPage.objects.filter(
            slug=LESSON_SLUG, locale__language_code="vi", live=True
        ).first()
        one = target.get_parent().add_child(
            instance=LessonPage(
                title="Một hoạt động",
                slug="mot-hoat-dong",
                body=[
                    *body[:1],
                    {
                        "type": "h5p",
                        "value": {
                            "activity": packages["truefalse-hello-world.h5p"].pk,
                            "instruction": "",
                        },
                    },
                ],
            )
        )
        learner = User.objects.create_user(phone="0987654321")
        self.stdout.write(
            f"Built {options['courses']} courses × {options['lessons']} lessons "
            f"in {time.perf_counter() - started:.1f} s"
        )
        return target, one, practice, learner

    def measure(self, client, url, n):
        extra = {"secure": settings.SECURE_SSL_REDIRECT}
        response = client.get(url, **extra)  # warm caches (site root paths, templates)
        assert response.status_code == 200, (url, response.status_code)
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url, **extra)
        raw = response.content
        wire = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br", **extra)
        timings = []
        for _ in range(n):
            t0 = time.perf_counter()
            client.get(url, **extra)
            timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        return {
            "p50": statistics.median(timings),
            "p95": timings[int(len(timings) * 0.95) - 1],
            "queries": queries,
            "html": len(raw),
            "wire": len(wire.content),
            "encoding": wire.get("Content-Encoding", "none"),
            "raw_html": raw,
        }

    def run(self, options):
        plain, one, practice, learner = self.build(options)
        host = site_host()
        anonymous = Client(HTTP_HOST=host)
        signed_in = Client(HTTP_HOST=host)
        signed_in.force_login(learner)
        n = options["requests"]
        # Built every time (the page cache off), then answered from the page cache.
        with override_settings(PAGE_CACHE_SECONDS=0):
            rows = [
                ("plain lesson, anonymous", self.measure(anonymous, plain.get_url(), n)),
                ("plain lesson, signed in", self.measure(signed_in, plain.get_url(), n)),
                ("1 H5P activity, signed in", self.measure(signed_in, one.get_url(), n)),
            ]
            if practice is not None:
                rows.append(
                    ("practice: 3 H5P, signed in", self.measure(signed_in, practice.get_url(), n))
                )
        with override_settings(PAGE_CACHE_SECONDS=600):
            rows.append(
                ("plain lesson, anon., cached", self.measure(anonymous, plain.get_url(), n))
            )
            if practice is not None:
                rows.append(
                    ("practice, signed in, cached", self.measure(signed_in, practice.get_url(), n))
                )
        out = self.stdout.write
        out(f"Host {host}; {n} requests each; server time in this process, DEBUG off.")
        if options["narrated"]:
            out("Every step of the plain lesson narrated.")
        out(f"{'page':<30}{'p50 ms':>8}{'p95 ms':>8}{'queries':>8}{'HTML B':>9}{'wire B':>8}")
        for label, r in rows:
            out(
                f"{label:<30}{r['p50']:>8.1f}{r['p95']:>8.1f}{len(r['queries']):>8}"
                f"{r['html']:>9}{r['wire']:>8}  ({r['encoding']})"
            )
        by = dict(rows)
        if practice is not None:
            ratio = by["practice: 3 H5P, signed in"]["p50"] / by["plain lesson, signed in"]["p50"]
            out(f"Practice lesson p50 / plain lesson p50 (signed in): {ratio:.2f}× (target ≤ 1.2×)")
        plain_row = by["plain lesson, anonymous"]
        sizes = {"HTML": (plain_row["html"], len(gzip.compress(plain_row["raw_html"], 9)))}
        for name in OWN_ASSETS:
            data = Path(finders.find(name)).read_bytes()
            sizes[name] = (len(data), len(gzip.compress(data, 9)))
        total = sum(gz for _raw, gz in sizes.values())
        out("Plain lesson and its own files:")
        for name, (raw, gz) in sizes.items():
            out(f"  {name:<22} {raw:>7} B raw  {gz:>6} B gzip")
        out(
            f"HTML + own CSS + JS, gzip: {total} B = {total / 1024:.1f} KB  "
            f"(target ≤ 14 KB: {'OK' if total <= 14 * 1024 else 'OVER'})"
        )
        if options["verbosity"] > 1:
            for label, r in rows:
                out(f"\n{label}:")
                for sql in r["queries"]:
                    out("  " + sql[:200])
