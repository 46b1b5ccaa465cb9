"""`python manage.py benchmark_h5p_player`: a lesson with the TrueFalse sample on Slow 3G.

Builds a throw-away site (test database, temporary media, collectstatic with WhiteNoise's
compressed manifest storage, as in production), serves it, and opens the lesson in Debian's
chromium with a phone viewport while the DevTools protocol emulates Slow 3G (400 ms latency,
50 kB/s down and up). Prints, for a cold visit and a second visit: requests that went to the
network, compressed bytes received, and seconds until the activity shows its answers.
"""

import json
import tempfile
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.test.testcases import LiveServerThread

from courses.h5p.benchmarking import throwaway_site

SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50 * 1000,
    "uploadThroughput": 50 * 1000,
}
PHONE = {"width": 360, "height": 740}


def _build_lesson():
    from cms.services import home_page_ensure
    from courses.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
    from courses.services import h5p_package_import

    home = home_page_ensure(title="Bình dân học vụ số")
    index = CourseIndexPageFactory(parent=home, slug="khoa-hoc")
    course = CoursePageFactory(parent=index, slug="an-toan", pass_mark=80)
    with open(
        settings.BASE_DIR.parent / "shared/samples/h5p/truefalse-hello-world.h5p", "rb"
    ) as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course,
        title="Luyện tập",
        slug="luyen-tap",
        body=[
            {"type": "paragraph", "value": "<p>Chọn Đúng hoặc Sai.</p>"},
            {"type": "h5p", "value": {"activity": package.pk, "instruction": ""}},
        ],
    )
    for page in (index, course, lesson):
        page.save_revision().publish()
    lesson.refresh_from_db()
    return lesson.url


class Command(BaseCommand):
    help = "Measure the TrueFalse lesson on emulated Slow 3G: cold and second visit."

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory(prefix="h5p-static-") as static_root:
            overrides = {
                "DEBUG": False,
                "ALLOWED_HOSTS": ["*"],
                "STATIC_ROOT": static_root,
                "WHITENOISE_USE_FINDERS": False,
                "WHITENOISE_AUTOREFRESH": False,
                "STORAGES": {
                    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
                },
                "SECURE_SSL_REDIRECT": False,
                "SESSION_COOKIE_SECURE": False,
                "CSRF_COOKIE_SECURE": False,
                "LANGUAGE_COOKIE_SECURE": False,
            }
            with throwaway_site(**overrides):
                self.stdout.write("Collecting static files (compressed, hashed names)…")
                call_command("collectstatic", interactive=False, verbosity=0)
                path = _build_lesson()
                shared = {
                    c.alias: c
                    for c in connections.all()
                    if c.vendor == "sqlite" and c.is_in_memory_db()
                }
                for conn in shared.values():
                    conn.inc_thread_sharing()
                # No static-files wrapper: WhiteNoise answers as it would in production.
                server = LiveServerThread("127.0.0.1", lambda app: app, shared, port=0)
                server.daemon = True
                server.start()
                server.is_ready.wait()
                if server.error:
                    raise server.error
                try:
                    url = f"http://127.0.0.1:{server.port}{path}"
                    with sync_playwright() as p:
                        browser = p.chromium.launch(
                            executable_path="/usr/bin/chromium",
                            args=["--no-sandbox", "--disable-gpu", "--disable-quic"],
                        )
                        context = browser.new_context(
                            viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN"
                        )
                        page = context.new_page()
                        cold = self._visit(context, page, url)
                        warm = self._visit(context, page, url)
                        browser.close()
                finally:
                    server.terminate()
                    for conn in shared.values():
                        conn.dec_thread_sharing()
        self.stdout.write("Slow 3G (400 ms latency, 50 kB/s down/up), 360×740 phone viewport")
        self.stdout.write(f"{'visit':<14}{'requests':>9}{'KB':>9}{'seconds':>9}")
        for label, row in (("cold", cold), ("second visit", warm)):
            self.stdout.write(
                f"{label:<14}{row['requests']:>9}{row['bytes'] / 1000:>9.1f}{row['seconds']:>9.2f}"
            )
        self.stdout.write("Second visit, from the network: " + json.dumps(warm["urls"]))
        self.stdout.write(
            "Second visit, answered by the service worker (the lesson HTML is fetched by it "
            "network-first; everything else from its cache): " + json.dumps(warm["worker"])
        )
        if options["verbosity"] > 1:
            for size, url in cold["detail"]:
                self.stdout.write(f"{size:>8} {url}")

    def _visit(self, context, page, url):
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        requests, cached, via_worker, sizes = {}, set(), set(), {}

        def on_response(event):
            requests[event["requestId"]] = event["response"]["url"]
            if event["response"].get("fromDiskCache"):
                cached.add(event["requestId"])
            elif event["response"].get("fromServiceWorker"):
                # Answered by the service worker: from its cache, or (for the page itself,
                # network first) fetched by the worker — listed separately.
                via_worker.add(event["requestId"])

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
        cdp.on(
            "Network.loadingFinished",
            lambda e: sizes.__setitem__(e["requestId"], e.get("encodedDataLength", 0)),
        )
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.locator(".h5p-activity.h5p-ready .h5p-true-false-answer").first.wait_for(
            state="visible", timeout=120_000
        )
        seconds = time.perf_counter() - started
        page.wait_for_timeout(1500)  # let late requests (service worker, fonts) finish
        network = [rid for rid in requests if rid not in cached and rid not in via_worker]
        cdp.detach()
        return {
            "requests": len(network),
            "bytes": sum(sizes.get(rid, 0) for rid in network),
            "seconds": seconds,
            "urls": [requests[rid].split("127.0.0.1")[-1][-60:] for rid in network],
            "worker": [requests[rid].split("127.0.0.1")[-1][-60:] for rid in via_worker],
            "detail": sorted(
                (
                    (sizes.get(rid, 0), requests[rid].split("127.0.0.1")[-1][-70:])
                    for rid in network
                ),
                reverse=True,
            ),
        }
