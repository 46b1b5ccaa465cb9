"""`python manage.py benchmark_memory`: what gunicorn's workers hold after 200 requests.

Builds the demo courses (with the practice lesson's H5P activities) in a database of its
own, serves them with gunicorn under `cms.settings.production` and the repository's
gunicorn.conf.py (preloaded app, warmed up in the master), sends 200 requests spread over
the pages a learner opens — home, catalogue, courses, lessons, the practice lesson, the
personal JSON call, signed in — and prints RSS, PSS and USS of each worker and of the
master (Linux /proc/<pid>/smaps_rollup). PSS counts shared pages in equal parts between
the processes sharing them, so the workers' PSS added up is what they cost together.
"""

import tempfile
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from cms.benchmarking import (
    bench_static_root,
    gunicorn_site,
    production_env,
    throwaway_database,
    worker_memory,
)
from courses.h5p.benchmarking import demo_site_build

HOST = "localhost"


class Command(BaseCommand):
    help = "RSS, PSS and USS of each gunicorn worker after 200 requests (production settings)."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument(
            "--reuse-static",
            action="store_true",
            help="Serve the static files an earlier run collected in var/bench-static.",
        )

    def handle(self, *args, **options):
        with (
            tempfile.TemporaryDirectory(prefix="bench-media-") as media,
            throwaway_database() as database_url,
        ):
            env = production_env(
                database_url=database_url,
                media_root=media,
                static_root=bench_static_root(),
                host=HOST,
            )
            with override_settings(MEDIA_ROOT=media, SECRET_KEY=env["SECRET_KEY"]):
                self.stdout.write("Building the demo courses…")
                site = demo_site_build()
            self.stdout.write("Starting gunicorn (production settings, gunicorn.conf.py)…")
            with gunicorn_site(
                env=env,
                workers=options["workers"],
                host=HOST,
                collect=not options["reuse_static"],
            ) as server:
                before = worker_memory(server.worker_pids())
                urls = site["urls"]
                cookie = f"{settings.SESSION_COOKIE_NAME}={site['session']}"
                statuses = {}
                for n in range(options["requests"]):
                    path = "/api/me/?lang=vi" if n % 5 == 4 else urls[n % len(urls)]
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{server.port}{path}",
                        headers={"Host": HOST, "Cookie": cookie, "Accept-Encoding": "gzip"},
                    )
                    try:
                        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                            answer.read()
                            status = answer.status
                    except urllib.error.HTTPError as exc:
                        status = exc.code
                    statuses[status] = statuses.get(status, 0) + 1
                after = worker_memory(server.worker_pids())
                master = worker_memory([server.process.pid])[0]
        out = self.stdout.write
        out(f"{options['requests']} requests over {len(urls)} pages and /api/me/: {statuses}")
        out(f"{'process':<22}{'RSS MB':>8}{'PSS MB':>8}{'USS MB':>8}")
        for label, rows in (("start", before), (f"+{options['requests']}", after)):
            for row in rows:
                out(
                    f"{'worker ' + str(row['pid']) + ', ' + label:<22}"
                    f"{row['rss']:>8.1f}{row['pss']:>8.1f}{row['uss']:>8.1f}"
                )
            out(
                f"{'workers together':<22}{sum(r['rss'] for r in rows):>8.1f}"
                f"{sum(r['pss'] for r in rows):>8.1f}{sum(r['uss'] for r in rows):>8.1f}"
            )
        out(f"{'master':<22}{master['rss']:>8.1f}{master['pss']:>8.1f}{master['uss']:>8.1f}")
