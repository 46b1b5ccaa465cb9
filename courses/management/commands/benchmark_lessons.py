"""How heavy is a lesson page? Builds 50 courses × 10 lessons, measures, then rolls back."""

import gzip
import statistics
import time
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client

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


class Command(BaseCommand):
    help = (
        "Build 50 courses × 10 lessons (rolled back afterwards) and print, for one lesson page: "
        "p50/p95 server time over 200 requests, the query count and the compressed bytes of "
        "its HTML plus its own CSS and JS."
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
        try:
            with transaction.atomic():
                self.run(options)
                raise Rollback
        except Rollback:
            self.stdout.write("(benchmark pages rolled back)")

    def run(self, options):
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
        self.stdout.write(
            f"Built {options['courses']} courses × {options['lessons']} lessons "
            f"in {time.perf_counter() - started:.1f} s"
        )
        url = target.get_url()
        client = Client(HTTP_HOST="localhost")
        response = client.get(url)  # warm caches (site root paths, templates)
        assert response.status_code == 200, response.status_code
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        html = response.content
        timings = []
        for _ in range(options["requests"]):
            t0 = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]

        sizes = {"HTML": (len(html), len(gzip.compress(html, 9)))}
        for name in OWN_ASSETS:
            data = Path(finders.find(name)).read_bytes()
            sizes[name] = (len(data), len(gzip.compress(data, 9)))
        total = sum(gz for _raw, gz in sizes.values())

        out = self.stdout.write
        out(f"Lesson page: {url}" + ("  (every step narrated)" if narration else ""))
        out(f"Requests: {len(timings)}   p50 {p50:.1f} ms   p95 {p95:.1f} ms (server time)")
        out(
            f"Queries per request: {len(queries)}  "
            f"(target ≤ 10: {'OK' if len(queries) <= 10 else 'OVER'})"
        )
        for name, (raw, gz) in sizes.items():
            out(f"  {name:<22} {raw:>7} B raw  {gz:>6} B gzip")
        out(
            f"HTML + own CSS + JS, gzip: {total} B = {total / 1024:.1f} KB  "
            f"(target ≤ 14 KB: {'OK' if total <= 14 * 1024 else 'OVER'})"
        )
        if options["verbosity"] > 1:
            for sql in queries:
                out(sql[:200])
