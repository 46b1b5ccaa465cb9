"""`python manage.py benchmark_h5p_import`: import time and peak memory per sample package.

Peak memory is measured with tracemalloc (Python allocations during the import) and the
process's maximum resident size (ru_maxrss). Extraction streams 64 KB chunks, so the peak
must stay flat while packages grow from 36 KB to 3.4 MB (10 MB unpacked).
"""

import os
import resource
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.h5p.benchmarking import throwaway_site
from courses.services import h5p_package_import

SAMPLES = settings.BASE_DIR.parent / "shared" / "samples" / "h5p"


class Command(BaseCommand):
    help = "Print import time and peak memory for each sample H5P package (largest last)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Packages (default: samples)")

    def handle(self, *args, paths, **options):
        paths = paths or sorted(SAMPLES.glob("*.h5p"), key=lambda p: p.stat().st_size)
        if not paths:
            self.stdout.write(f"No packages to import (looked in {SAMPLES}).")
            return
        with tempfile.TemporaryDirectory() as tmp:
            # The same tiny package with one big video added: only the bytes grow.
            greeting = SAMPLES / "greetingcard1.h5p"
            if greeting.is_file():
                for mb in (8, 48):
                    paths.append(self._with_video(greeting, Path(tmp) / f"greeting+{mb}MB.h5p", mb))
            self._run(paths)

    def _with_video(self, source: Path, target: Path, mb: int) -> Path:
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
            for info in src.infolist():
                out.writestr(info, src.read(info))
            with out.open("content/video.mp4", "w", force_zip64=True) as video:
                for _ in range(mb):
                    video.write(os.urandom(1024 * 1024))
        return target

    def _run(self, paths):
        with throwaway_site():
            self.stdout.write(
                f"{'package':<28}{'file':>9}{'unpacked':>10}{'files':>7}"
                f"{'seconds':>9}{'py peak':>10}{'maxrss':>10}"
            )
            for path in paths:
                tracemalloc.start()
                started = time.perf_counter()
                with open(path, "rb") as fh:
                    package = h5p_package_import(fileobj=fh)
                elapsed = time.perf_counter() - started
                _current, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                members = sum(1 for _ in Path(settings.MEDIA_ROOT).rglob("*"))
                self.stdout.write(
                    f"{path.name:<28}{path.stat().st_size / 1e6:>8.2f}M"
                    f"{package.size / 1e6:>9.2f}M{members:>7}{elapsed:>9.2f}"
                    f"{peak / 1e6:>9.2f}M{maxrss_mb:>9.0f}M"
                )
            self.stdout.write(
                "py peak = largest Python allocation total during that import (tracemalloc); "
                "maxrss = process high-water mark so far; files = files in storage so far."
            )
