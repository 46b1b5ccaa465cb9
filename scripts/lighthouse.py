#!/usr/bin/env python
"""Lighthouse (mobile) on the practice lesson and a plain lesson: the median of 5 runs.

    .venv/bin/python scripts/lighthouse.py [--runs 5] [--reuse-static] [--reports DIR]

Outside CI: it needs Node's npx (Lighthouse comes from the npm registry, version pinned
below: the 12 series, which runs on Debian's Node 20; 13 wants Node 22) and Debian's
chromium (CHROME_PATH, default /usr/bin/chromium). Like the benchmark commands it builds the
demo courses in a database of its own and serves them with gunicorn under
`cms.settings.production`; Lighthouse applies its own mobile emulation and simulated
Slow 4G throttling (it multiplies the CPU time it observes, so a loaded machine scores
low: the load average is printed with the figures). Prints each run's performance score,
first contentful paint, largest contentful paint, total blocking time, cumulative layout
shift and speed index, then the medians. `--reports DIR` keeps each run's JSON report (the
LCP element, what shifted, the opportunities).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.8.2"
BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "localhost"
METRICS = {  # key: (audit, unit divisor, format)
    "fcp": ("first-contentful-paint", 1000, "{:.2f} s"),
    "lcp": ("largest-contentful-paint", 1000, "{:.2f} s"),
    "tbt": ("total-blocking-time", 1, "{:.0f} ms"),
    "cls": ("cumulative-layout-shift", 1, "{:.3f}"),
    "si": ("speed-index", 1000, "{:.2f} s"),
}


def lighthouse(url: str, out: Path, *, attempts: int = 3) -> dict:
    """One Lighthouse run. On a loaded machine Lighthouse now and then fails to record its
    trace (NO_NAVSTART, NO_FCP): that run is made again, up to `attempts` times."""
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse(url, out)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"  (Lighthouse failed, attempt {attempt} of {attempts}; again)", flush=True)
    raise AssertionError("unreachable")


def _lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(  # noqa: S603
        [
            shutil.which("npx") or "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=env,
        check=True,
    )
    report = json.loads(out.read_text())
    audits = report["audits"]
    row = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for key, (audit, divisor, _fmt) in METRICS.items():
        row[key] = audits[audit]["numericValue"] / divisor
    return row


def line(row: dict) -> str:
    figures = "  ".join(
        f"{key.upper()} {fmt.format(row[key])}" for key, (_a, _d, fmt) in METRICS.items()
    )
    return f"score {row['score']:.0f}  {figures}"


def load_average() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def demo_courses_build() -> dict:
    """The demo courses and the practice lesson: the paths of the two lessons measured."""
    from cms.services import home_page_ensure
    from courses.demo import load_courses_demo
    from courses.demo_h5p import LESSON_SLUG, load_h5p_demo
    from courses.models import LessonPage

    home_page_ensure(
        title="Bình dân học vụ số",
        translations={"en": {"title": "Digital literacy for all"}, "hmn": {"title": "Kawm"}},
    )
    load_courses_demo()
    load_h5p_demo()
    practice = LessonPage.objects.get(slug=LESSON_SLUG, locale__language_code="vi")
    plain = LessonPage.objects.filter(locale__language_code="vi").order_by("path")[0]
    return {"practice lesson (3 H5P)": practice.url, "plain lesson": plain.url}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse-static", action="store_true")
    parser.add_argument("--reports", help="keep each run's JSON report in this folder")
    args = parser.parse_args()

    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.test.utils import override_settings

    from cms.benchmarking import (
        bench_static_root,
        gunicorn_site,
        production_env,
        throwaway_database,
    )

    results = {}
    with (
        tempfile.TemporaryDirectory(prefix="bench-media-") as media,
        tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp_reports,
        throwaway_database() as database_url,
    ):
        reports = Path(args.reports or tmp_reports)
        reports.mkdir(parents=True, exist_ok=True)
        env = production_env(
            database_url=database_url,
            media_root=media,
            static_root=bench_static_root(),
            host=HOST,
        )
        with override_settings(MEDIA_ROOT=media, SECRET_KEY=env["SECRET_KEY"]):
            print("Building the demo courses…", flush=True)
            pages = demo_courses_build()
        with gunicorn_site(env=env, host=HOST, collect=not args.reuse_static) as server:
            print(f"Start: {load_average()}", flush=True)
            for n_page, (label, path) in enumerate(pages.items()):
                url = f"http://{HOST}:{server.port}{path}"
                results[label] = []
                for n in range(args.runs):
                    row = lighthouse(url, reports / f"page{n_page}-run{n + 1}.json")
                    results[label].append(row)
                    print(f"{label} run {n + 1}: {line(row)}", flush=True)
            print(f"End: {load_average()}", flush=True)
    print(f"\n{LIGHTHOUSE} mobile, median of {args.runs} runs:")
    for label, rows in results.items():
        median = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        print(f"  {label:<24} {line(median)}")


if __name__ == "__main__":
    main()
