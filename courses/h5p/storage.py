"""Where extracted packages live, and how they get there without half-written states.

Layout under MEDIA_ROOT/h5p/:

- `content/<sha256>/` — one package's `content/` folder (content.json and its media);
- `libraries/<Machine>-<major>.<minor>.<patch>/` — one library at one full version, shared by
  every package that carries it; never changed once written, so it can be cached for good.
  JavaScript, CSS, JSON and SVG files get a gzip twin (`file.js.gz`) for serving compressed.
  A JPEG or PNG picture wider than `WEB_IMAGE_WIDTH` is stored scaled down to that width
  (`_web_sized`): authors upload camera photos (the demo's are 1588 px and 800 KB each) that
  a phone shows 400 px wide; the upload keeps the original.
- `uploads/<sha256>.h5p` — the file as uploaded (a FileField on H5PPackage).
- `.tmp/` — staging. A package is extracted here in full, with byte caps (a ZIP header can
  lie about sizes), then each directory is moved into place with one `rename`, which is
  atomic on one filesystem. A failure anywhere removes the staging directory, so nothing
  is left behind.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from .validation import (
    CHUNK,
    CONTENT_DIR,
    BundledLibrary,
    H5PValidationError,
    Limits,
    ValidatedPackage,
    get_limits,
)

GZIP_EXTENSIONS = {"js", "css", "json", "svg", "txt", "xml", "eot", "ttf", "otf"}
GZIP_MIN_BYTES = 512
# The lesson column is 44rem (704 CSS px) at most: wide enough for a 2x screen there, and
# far more than a phone's 400 px at 1.75x.
WEB_IMAGE_WIDTH = 1280
WEB_IMAGE_FORMATS = {
    "JPEG": {"quality": 80, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
}


def h5p_root() -> Path:
    return Path(settings.H5P_ROOT or Path(settings.MEDIA_ROOT) / "h5p")


def content_dir(sha256: str) -> Path:
    return h5p_root() / "content" / sha256


def library_dir(storage_name: str) -> Path:
    return h5p_root() / "libraries" / storage_name


def library_storage_name(lib: BundledLibrary) -> str:
    return f"{lib.folder}.{lib.patch}"


@dataclass
class Staged:
    """A package extracted into staging; `commit` moves it into place, `discard` removes it."""

    tmp: Path
    sha256: str
    libraries: dict[str, str] = field(default_factory=dict)  # staged path name → storage name
    moved: list[Path] = field(default_factory=list)

    def commit(self) -> None:
        """Move content and new libraries into place, one `rename` each."""
        target = content_dir(self.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            try:
                os.rename(self.tmp / CONTENT_DIR, target)
            except OSError:
                # Another request extracted the same package first: theirs is identical.
                if not target.is_dir():
                    raise
            else:
                self.moved.append(target)
        (h5p_root() / "libraries").mkdir(parents=True, exist_ok=True)
        for storage_name in self.libraries.values():
            dest = library_dir(storage_name)
            try:
                os.rename(self.tmp / "libraries" / storage_name, dest)
            except OSError:
                # Another import installed the same library version first: share it.
                if not dest.is_dir():
                    raise
            else:
                self.moved.append(dest)
        self.discard()

    def rollback(self) -> None:
        """Undo `commit` (the database transaction failed after the move)."""
        for path in self.moved:
            shutil.rmtree(path, ignore_errors=True)
        self.moved.clear()
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def _copy_capped(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, budget: list[int], limits: Limits
) -> None:
    """Stream one member to `dest`, refusing more bytes than its header declared."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(info) as src, open(dest, "xb") as out:
        while chunk := src.read(CHUNK):
            written += len(chunk)
            budget[0] -= len(chunk)
            if written > info.file_size or written > limits.file_bytes or budget[0] < 0:
                raise H5PValidationError(
                    _("%(file)s unpacks to more bytes than its header declares.")
                    % {"file": info.filename}
                )
            out.write(chunk)
    if written != info.file_size:
        raise H5PValidationError(
            _("%(file)s is damaged: it cannot be unpacked.") % {"file": info.filename}
        )


def _gzip_twin(path: Path) -> None:
    ext = path.suffix.lstrip(".").lower()
    if ext not in GZIP_EXTENSIONS or path.stat().st_size < GZIP_MIN_BYTES:
        return
    gz_path = path.with_name(path.name + ".gz")
    with open(path, "rb") as src, gzip.GzipFile(gz_path, "wb", compresslevel=9, mtime=0) as out:
        shutil.copyfileobj(src, out, CHUNK)
    # Keep the twin only when it saves something worth a Content-Encoding header.
    if gz_path.stat().st_size >= path.stat().st_size * 0.9:
        gz_path.unlink()


def _web_sized(path: Path) -> None:
    """Scale a JPEG or PNG wider than WEB_IMAGE_WIDTH down to it, in place, same format and
    name (content.json points at it). Anything Pillow cannot read, an animation, or a result
    no smaller than 0.8x stays as uploaded."""
    from PIL import Image, ImageOps

    tmp = path.with_name(path.name + ".web")
    try:
        with Image.open(path) as im:
            if im.format not in WEB_IMAGE_FORMATS or getattr(im, "is_animated", False):
                return
            if im.width <= WEB_IMAGE_WIDTH:
                return
            fmt = im.format
            im = ImageOps.exif_transpose(im)
            height = max(1, round(im.height * WEB_IMAGE_WIDTH / im.width))
            small = im.resize((WEB_IMAGE_WIDTH, height), Image.Resampling.LANCZOS)
            if fmt == "JPEG" and small.mode not in ("RGB", "L"):
                small = small.convert("RGB")
            small.save(tmp, fmt, **WEB_IMAGE_FORMATS[fmt])
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        tmp.unlink(missing_ok=True)
        return
    if tmp.stat().st_size < path.stat().st_size * 0.8:
        os.replace(tmp, path)
    else:
        tmp.unlink()


def extract(
    fileobj: IO[bytes],
    package: ValidatedPackage,
    *,
    limits: Limits | None = None,
) -> Staged:
    """Extract a validated package into staging. Libraries already stored are not extracted."""
    limits = limits or get_limits()
    staging_root = h5p_root() / ".tmp"
    staging_root.mkdir(parents=True, exist_ok=True)
    staged = Staged(tmp=Path(tempfile.mkdtemp(dir=staging_root)), sha256=package.sha256)
    budget = [limits.total_bytes]
    try:
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as zf:
            content_root = staged.tmp / CONTENT_DIR
            content_root.mkdir()
            if not content_dir(package.sha256).exists():
                for info in package.content_members:
                    rel = info.filename[len(CONTENT_DIR) + 1 :]
                    _copy_capped(zf, info, content_root / rel, budget, limits)
                    _web_sized(content_root / rel)
            for lib in package.libraries.values():
                storage_name = library_storage_name(lib)
                if library_dir(storage_name).exists():
                    continue
                lib_root = staged.tmp / "libraries" / storage_name
                for info in lib.members:
                    rel = info.filename[len(lib.folder) + 1 :]
                    dest = lib_root / rel
                    _copy_capped(zf, info, dest, budget, limits)
                    _gzip_twin(dest)
                staged.libraries[lib.folder] = storage_name
    except zipfile.BadZipFile as exc:
        staged.discard()
        raise H5PValidationError(
            _("The package is damaged (%(error)s); nothing was saved.") % {"error": exc}
        ) from None
    except BaseException:
        staged.discard()
        raise
    return staged
