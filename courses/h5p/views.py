"""Serving extracted packages: library files (public, immutable) and content files (checked).

Every response carries `X-Content-Type-Options: nosniff` and `Content-Security-Policy:
sandbox`, which has no effect on scripts, styles or images used by the lesson page but
turns any file opened on its own into an inert, script-less document. Content files whose
type could be an active document (SVG, HTML, XML, anything unknown) are sent only as
downloads (`Content-Disposition: attachment`) — validation already refuses them, this is the
second lock on the door.
"""

import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from cms.http_cache import language_neutral

from .. import services
from ..models import H5PLibrary, H5PPackage
from ..permissions import package_public, package_visible
from . import bundles, storage
from .validation import H5PValidationError

logger = logging.getLogger(__name__)

# Types a browser shows passively (or runs only when a page includes them).
INLINE_TYPES = {
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/bmp",
    "image/webp",
    "image/tiff",
    "audio/mpeg",
    "audio/ogg",
    "audio/wav",
    "audio/x-wav",
    "audio/mp4",
    "video/mp4",
    "video/webm",
    "video/ogg",
    "text/vtt",
    "application/json",
    "font/woff",
    "font/woff2",
    "font/ttf",
    "font/otf",
    "application/vnd.ms-fontobject",
    "text/plain",
}
# Library-only types (H5P's own code and styles).
LIBRARY_TYPES = {"text/javascript", "application/javascript", "text/css", "image/svg+xml"}
EXTRA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    ".vtt": "text/vtt",
    ".svg": "image/svg+xml",
    ".m4a": "audio/mp4",
    ".webm": "video/webm",
}
YEAR = 365 * 24 * 3600


def content_type_for(path: str) -> str:
    ext = Path(path).suffix.lower()
    return EXTRA_TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def _files_ensure(*packages: H5PPackage) -> None:
    """Extract on this machine what only the shared upload holds (services docstring)."""
    for package in packages:
        try:
            services.h5p_package_files_ensure(package=package)
        except (H5PValidationError, FileNotFoundError):
            # The upload is gone or no longer passes the checks: the activity cannot play,
            # which the page shows; say why in the log rather than answering 500.
            logger.exception("H5P package %s cannot be extracted on this machine", package.pk)
            raise Http404 from None


def _safe_join(root: Path, path: str) -> Path:
    if "\x00" in path or "\\" in path:
        raise Http404
    try:
        full = (root / path).resolve()
        root = root.resolve()
        if root not in full.parents or full.is_symlink() or not full.is_file():
            raise Http404
    except OSError:  # a name longer than the file system allows (ENAMETOOLONG)
        raise Http404 from None
    return full


def _respond(request, full: Path, *, inline_types: set[str], cache_control: str):
    ctype = content_type_for(full.name)
    active = ctype not in inline_types
    gz = full.with_name(full.name + ".gz")
    use_gzip = not active and "gzip" in request.headers.get("Accept-Encoding", "") and gz.is_file()
    # FileResponse closes the file when the response is done.
    response = FileResponse(
        open(gz if use_gzip else full, "rb"),  # noqa: SIM115
        content_type=ctype,
        filename=full.name,
    )
    if use_gzip:
        response["Content-Encoding"] = "gzip"
    if gz.is_file():
        patch_vary_headers(response, ["Accept-Encoding"])
    if active:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = f'attachment; filename="{full.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache_control
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_safe
@language_neutral
def library_file(request, token: str, path: str):
    """A library file, e.g. lib/<token>/H5P.TrueFalse-1.6/js/true-false.js, where the token
    names a package's library set or one library version (H5P.TrueFalse-1.6.3).

    The token names the exact library versions the page asked for, so the URL's bytes never
    change: compressed, cached for a year, `immutable` (a second visit needs no request).
    """
    folder, _sep, rest = path.partition("/")
    if folder == bundles.BUNDLE_FOLDER:
        return _bundle(request, token, rest)
    machine, _dash, version = folder.rpartition("-")
    major, _dot, minor = version.partition(".")
    if not (machine and major.isdigit() and minor.isdigit() and rest):
        raise Http404
    libs = H5PLibrary.objects.filter(
        machine_name=machine, major_version=int(major), minor_version=int(minor)
    )
    # A token naming one version (bundles.library_url: Machine-major.minor.patch) gets
    # exactly that version, so the URL's bytes never change; a package token gets the
    # newest patch, as the player resolves it.
    exact = token.removeprefix(f"{folder}.")
    if exact != token and exact.isdigit():
        libs = libs.filter(patch_version=int(exact))
    lib = libs.order_by("-patch_version").first()
    if lib is None:
        raise Http404
    if not storage.library_dir(lib.storage_name).is_dir():
        _files_ensure(*H5PPackage.objects.filter(libraries=lib)[:1])
    full = _safe_join(storage.library_dir(lib.storage_name), rest)
    return _respond(
        request,
        full,
        inline_types=INLINE_TYPES | LIBRARY_TYPES,
        cache_control=f"public, max-age={YEAR}, immutable",
    )


def _bundle(request, token: str, name: str):
    pk, _dot, kind = name.partition(".")
    if not pk.isdigit() or kind not in ("js", "css"):
        raise Http404
    package = get_object_or_404(H5PPackage, pk=int(pk))
    # Library code is public, like the library files themselves; the token must match so a
    # URL always names the same bytes.
    if package.library_token() != token:
        raise Http404
    if not bundles.bundle_path(token, kind).is_file():
        _files_ensure(package)
    return _respond(
        request,
        bundles.bundle_file(package, kind),
        inline_types=INLINE_TYPES | LIBRARY_TYPES,
        cache_control=f"public, max-age={YEAR}, immutable",
    )


@require_safe
@language_neutral
def content_file(request, pk: int, path: str):
    """A file of one package's content/ folder, for those allowed to see a lesson using it.

    A package used by a public lesson is public too: the answer is the same for everyone,
    so the session is not read (no `Vary: Cookie`: the copy a phone took before signing in
    still serves after) and a proxy may keep it a short while. Otherwise it is private.
    """
    package = get_object_or_404(H5PPackage, pk=pk)
    public = package_public(package)
    if not public and not package_visible(request, package):
        raise Http404
    if not storage.content_dir(package.sha256).is_dir():
        _files_ensure(package)
    full = _safe_join(storage.content_dir(package.sha256), path)
    # A package's files never change (its sha256 names them), but who may see them can:
    # a shared cache keeps a public one no longer than a public page.
    if public:
        cache_control = f"public, max-age=86400, s-maxage={settings.PUBLIC_PAGE_PROXY_MAX_AGE}"
    else:
        cache_control = "private, max-age=86400"
    return _respond(request, full, inline_types=INLINE_TYPES, cache_control=cache_control)
