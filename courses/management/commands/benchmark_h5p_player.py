"""`python manage.py benchmark_h5p_player`: H5P lessons on a Slow 3G phone, every byte counted.

Builds a throw-away site in a database of its own (the demo courses and their practice
lesson with three H5P activities, and a lesson with the TrueFalse sample alone), serves it
with gunicorn under `cms.settings.production` (static files collected as a deploy does),
and opens each lesson in Debian's chromium as a signed-in learner on a phone viewport.

Between the browser and gunicorn sits `cms.benchmarking.WireProxy`: a Slow 3G link (400 ms
round trip, 50 kB/s each way) that every connection shares — the page's and the service
worker's alike — and that counts every byte gunicorn sends. gunicorn's access log counts the
requests. For each lesson it prints the cold visit, the second visit (service worker
installed) and the second visit with the network cut: requests and kilobytes on the wire
(until the wire is quiet, so the service worker's downloads after the page count too), the
kilobytes that had crossed when the first activity could be answered (the critical path),
and the seconds until then. Beside them, what the page's own DevTools view saw — the
browser-side count the earlier benchmark used — as the cross-check.
"""

import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from cms.benchmarking import (
    SLOW_3G,
    WireProxy,
    bench_static_root,
    gunicorn_site,
    production_env,
    quiet_wire,
    signed_in_session,
    throwaway_database,
)

PHONE = {"width": 360, "height": 740}
HOST = "localhost"
# The first activity is answerable when its answer buttons (TrueFalse) or choices show.
ANSWERABLE = (
    ".h5p-activity.h5p-ready .h5p-true-false-answer, "
    ".h5p-activity.h5p-ready .h5p-answer, "
    ".h5p-activity.h5p-ready input"
)


def _build_site() -> dict:
    """The demo courses with their practice lesson, and a TrueFalse lesson; their URLs."""
    from django.contrib.auth import get_user_model

    from cms.services import home_page_ensure
    from courses.demo import load_courses_demo
    from courses.demo_h5p import LESSON_SLUG, load_h5p_demo
    from courses.factories import LessonPageFactory
    from courses.models import LessonPage

    home_page_ensure(
        title="Bình dân học vụ số",
        translations={"en": {"title": "Digital literacy for all"}, "hmn": {"title": "Kawm"}},
    )
    load_courses_demo()
    packages = load_h5p_demo()
    practice = LessonPage.objects.get(slug=LESSON_SLUG, locale__language_code="vi")
    truefalse = LessonPageFactory(
        parent=practice.get_parent(),
        title="Đúng hay sai",
        slug="dung-hay-sai",
        body=[
            {"type": "paragraph", "value": "<p>Chọn Đúng hoặc Sai.</p>"},
            {
                "type": "h5p",
                "value": {
                    "activity": packages["truefalse-hello-world.h5p"].pk,
                    "instruction": "",
                },
            },
        ],
    )
    truefalse.save_revision().publish()
    learner = get_user_model().objects.create_user(phone="0912345678")
    return {
        "urls": {
            "practice (3 activities)": practice.url,
            "TrueFalse (1 activity)": LessonPage.objects.get(pk=truefalse.pk).url,
        },
        "session": signed_in_session(learner),
    }


class Command(BaseCommand):
    help = "H5P lessons on emulated Slow 3G, counted at the server: cold, second, offline."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--reuse-static",
            action="store_true",
            help="Serve the static files an earlier run collected in var/bench-static.",
        )

    def handle(self, *args, **options):
        from playwright.sync_api import sync_playwright

        results = {}
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
            # The session is signed with the server's secret key.
            with override_settings(MEDIA_ROOT=media, SECRET_KEY=env["SECRET_KEY"]):
                self.stdout.write("Building the demo courses and the practice lesson…")
                site = _build_site()
            self.stdout.write("Collecting static files and starting gunicorn (production)…")
            with (
                gunicorn_site(
                    env=env,
                    workers=options["workers"],
                    host=HOST,
                    collect=not options["reuse_static"],
                ) as server,
                WireProxy(server.port, **SLOW_3G) as proxy,
                sync_playwright() as p,
            ):
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-quic"],
                )
                for label, path in site["urls"].items():
                    url = f"http://{HOST}:{proxy.port}{path}"
                    context = browser.new_context(
                        viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN"
                    )
                    context.add_cookies(
                        [
                            {
                                "name": settings.SESSION_COOKIE_NAME,
                                "value": site["session"],
                                "url": f"http://{HOST}:{proxy.port}/",
                            }
                        ]
                    )
                    page = context.new_page()
                    results[label] = [
                        ("cold", self._visit(page, url, proxy, server)),
                        ("second visit", self._visit(page, url, proxy, server)),
                        ("second, offline", self._visit(page, url, proxy, server, cut=True)),
                    ]
                    context.close()
                browser.close()
        self._report(results, options["verbosity"])

    def _visit(self, page, url, proxy, server, *, cut=False):
        quiet_wire(proxy)
        server.new_requests()
        proxy.reset()
        if cut:
            proxy.cut()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        seen, from_cache, sizes = {}, set(), {}

        def on_response(event):
            seen[event["requestId"]] = event["response"]["url"]
            r = event["response"]
            if r.get("fromDiskCache") or r.get("fromServiceWorker"):
                from_cache.add(event["requestId"])

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.requestServedFromCache", lambda e: from_cache.add(e["requestId"]))
        cdp.on(
            "Network.loadingFinished",
            lambda e: sizes.__setitem__(e["requestId"], e.get("encodedDataLength", 0)),
        )
        started = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=120_000)
        errors, unanswered = [], []

        def on_console(m):
            if m.type == "error":
                errors.append(m.text)

        def on_error(e):
            errors.append(str(e))

        def on_failed(r):
            unanswered.append(r.url.split(f":{proxy.port}", 1)[-1])

        page.on("console", on_console)
        page.on("pageerror", on_error)
        # With the network cut, what the service worker did not have.
        page.on("requestfailed", on_failed)
        try:
            page.locator(ANSWERABLE).first.wait_for(state="visible", timeout=180_000)
        except Exception:
            if not cut:
                self.stderr.write(f"{url}: no activity to answer. Browser errors: {errors}")
                self.stderr.write(f"Requests: {server.new_requests()}")
                raise
            # With the network cut this is a finding to report, not a broken benchmark.
            cdp.detach()
            proxy.restore()
            return {"failed": errors[:3], "unanswered": unanswered, "title": page.title()}
        finally:
            page.remove_listener("console", on_console)
            page.remove_listener("pageerror", on_error)
            page.remove_listener("requestfailed", on_failed)
        seconds = time.perf_counter() - started
        # What had reached the phone, not what the proxy had read and still queued.
        critical = proxy.delivered["down"]
        quiet_wire(proxy)
        requests = server.new_requests()
        page_view = [rid for rid in seen if rid not in from_cache]
        row = {
            "requests": len(requests),
            "bytes": proxy.bytes["down"],
            "responses": list(proxy.responses),
            "critical": critical,
            "seconds": seconds,
            "page_requests": len(page_view),
            "page_bytes": sum(sizes.get(rid, 0) for rid in page_view),
            "log": requests,
        }
        cdp.detach()
        if cut:
            proxy.restore()
        return row

    def _report(self, results, verbosity):
        out = self.stdout.write
        out(
            "\nSlow 3G for every connection (400 ms round trip, 50 kB/s down/up), 360×740 "
            "phone, signed-in learner, gunicorn with production settings."
        )
        out(
            "requests/KB: counted at the server (access log; every byte through the proxy, "
            "headers included). critical KB: on the wire when the first activity could be "
            "answered. page view: what DevTools on the page alone reports."
        )
        head = f"{'lesson / visit':<42}{'requests':>9}{'KB':>8}{'critical KB':>12}{'seconds':>9}"
        out(head + f"{'page view':>16}")
        for label, rows in results.items():
            for visit, row in rows:
                if "failed" in row:
                    out(f"{label + ' / ' + visit:<42}  no activity answerable: {row['failed']}")
                    out(f"{'':<44}the page shown: {row['title']!r}")
                    for path in row["unanswered"]:
                        out(f"{'':<44}not kept by the service worker: {path[:90]}")
                    continue
                out(
                    f"{label + ' / ' + visit:<42}{row['requests']:>9}"
                    f"{row['bytes'] / 1000:>8.1f}{row['critical'] / 1000:>12.1f}"
                    f"{row['seconds']:>9.2f}"
                    f"{row['page_requests']:>7} / {row['page_bytes'] / 1000:>5.1f} KB"
                )
        out(
            "Cross-check: gunicorn's access log against the responses the proxy saw go by "
            "(headers + bodies = every byte on the wire):"
        )
        for label, rows in results.items():
            for visit, row in (r for r in rows if "failed" not in r[1]):
                seen = row["responses"]
                heads, bodies = sum(r[1] for r in seen), sum(r[2] for r in seen)
                out(
                    f"  {label} / {visit}: log {row['requests']} requests / "
                    f"{sum(r[3] for r in row['log'])} B bodies, proxy "
                    f"{len(seen)} responses = {heads} B headers + {bodies} B bodies = "
                    f"{heads + bodies} B (wire {row['bytes']} B)"
                )
        if verbosity > 1:
            for label, rows in results.items():
                for visit, row in (r for r in rows if "failed" not in r[1]):
                    out(f"\n{label} / {visit}:")
                    for method, path, status, size in row["log"]:
                        out(f"  {status} {size:>8} {method} {path[:90]}")
