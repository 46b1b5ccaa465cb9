#!/usr/bin/env python
"""Lighthouse (mobile) on the practice lesson and a plain lesson: the median of 5 runs.

    .venv/bin/python scripts/lighthouse.py [--runs 5]

Outside CI: it needs Node's npx (Lighthouse comes from the npm registry, version pinned
below) and Debian's chromium (CHROME_PATH, default /usr/bin/chromium). Like the benchmark
commands it builds the demo courses in a database of its own and serves them with gunicorn
under `cms.settings.production`; Lighthouse applies its own mobile emulation and simulated
Slow 4G throttling. Prints each run's performance score, largest contentful paint, total
blocking time and cumulative layout shift, then the medians.
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

LIGHTHOUSE = "lighthouse@13.5.0"
BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "localhost"


def lighthouse(url: str, out: Path) -> dict:
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
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse-static", action="store_true")
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
    from courses.demo_h5p import LESSON_SLUG
    from courses.h5p.benchmarking import demo_site_build
    from courses.models import LessonPage

    results = {}
    with (
        tempfile.TemporaryDirectory(prefix="bench-media-") as media,
        tempfile.TemporaryDirectory(prefix="lighthouse-") as reports,
        throwaway_database() as database_url,
    ):
        env = production_env(
            database_url=database_url,
            media_root=media,
            static_root=bench_static_root(),
            host=HOST,
        )
        with override_settings(MEDIA_ROOT=media, SECRET_KEY=env["SECRET_KEY"]):
            print("Building the demo courses…", flush=True)
            demo_site_build()
            practice = LessonPage.objects.get(slug=LESSON_SLUG, locale__language_code="vi")
            plain = LessonPage.objects.filter(locale__language_code="vi").order_by("path")[0]
            pages = {"practice lesson (3 H5P)": practice.url, "plain lesson": plain.url}
        with gunicorn_site(env=env, host=HOST, collect=not args.reuse_static) as server:
            for label, path in pages.items():
                url = f"http://{HOST}:{server.port}{path}"
                results[label] = []
                for n in range(args.runs):
                    row = lighthouse(url, Path(reports) / f"{n}.json")
                    results[label].append(row)
                    print(
                        f"{label} run {n + 1}: score {row['score']}  LCP {row['lcp']:.2f} s  "
                        f"TBT {row['tbt']:.0f} ms  CLS {row['cls']:.3f}",
                        flush=True,
                    )
    print(f"\nLighthouse {LIGHTHOUSE} mobile, median of {args.runs} runs:")
    for label, rows in results.items():
        med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        print(
            f"  {label:<24} performance {med['score']:.0f}   LCP {med['lcp']:.2f} s   "
            f"TBT {med['tbt']:.0f} ms   CLS {med['cls']:.3f}"
        )


if __name__ == "__main__":
    main()
