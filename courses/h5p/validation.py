"""Check an uploaded `.h5p` package completely before a single byte of it is written.

The rules follow the H5P core (h5p/h5p-php-library, `h5p.classes.php`, class `H5PValidator`
and `H5PCore`); each rule below says where it comes from. Where the core is looser than we
can afford — library JavaScript runs on our origin — we are stricter and say why.

Only the ZIP's central directory and three kinds of small JSON files (h5p.json, library.json,
content/content.json) are read here, each with a byte cap. Extraction (`storage`) streams the
rest and enforces the same caps again, because a ZIP header can lie about sizes.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# --- Limits ---------------------------------------------------------------------------------
# The core only compares the total uncompressed size with PHP's upload limit
# (H5PValidator::isValidPackage, "The total size of the unpacked files exceeds the upload
# limit"). We also cap the member count, each file, and the compression ratio, because a
# 40 KB zip bomb can unpack to gigabytes and fill the disk of a small provincial server.


@dataclass(frozen=True)
class Limits:
    upload_bytes: int = 100 * 1024 * 1024
    members: int = 5_000
    file_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 300 * 1024 * 1024
    # Real packages compress about 2–12 times (text libraries); zip bombs 1,000 times or more.
    ratio: int = 100
    # Tiny files may compress very well (a JSON of spaces) without harm.
    ratio_floor_bytes: int = 1024 * 1024
    json_bytes: int = 16 * 1024 * 1024


def get_limits() -> Limits:
    """The limits, optionally overridden by the `H5P_LIMITS` setting (a dict of field → value)."""
    return Limits(**getattr(settings, "H5P_LIMITS", {}))


# --- File types -----------------------------------------------------------------------------
# H5PCore::$defaultContentWhitelist (h5p.classes.php), minus "svg" and "xml": an SVG or XML
# file opened directly is an active document that can run script on our origin, and content
# is where an editor's upload ends up. Libraries keep them (icon fonts ship SVG glyphs).
CONTENT_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "csv",
        "diff",
        "patch",
        "swf",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
    ]
)
# H5PCore::$defaultLibraryWhitelistExtras adds "js css" for library folders; we add back
# "svg xml" there only.
LIBRARY_ONLY_EXTENSIONS = frozenset({"js", "css", "svg", "xml"})
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | LIBRARY_ONLY_EXTENSIONS

# --- Formats (H5PValidator::$h5pRequired / $libraryRequired) ---------------------------------
TITLE_RE = re.compile(r"^.{1,255}$", re.DOTALL)
LANGUAGE_RE = re.compile(r"^[-a-zA-Z]{1,10}$")
MACHINE_NAME_RE = re.compile(r"^[\w\-.]{1,255}$", re.ASCII)
MAIN_LIBRARY_RE = re.compile(r"^[$a-z_][0-9a-z_.$]{1,254}$", re.IGNORECASE)
VERSION_RE = re.compile(r"^[0-9]{1,5}$")
EMBED_TYPES = {"iframe", "div"}
# The core accepts "Machine" or "Machine-major.minor" as a library folder name
# (H5PValidator::getLibraryData, "Library directory name must match machineName or
# machineName-majorVersion.minorVersion"); h5p-standalone and every exporter use the
# versioned form, so we require it.
LIBRARY_FOLDER_RE = re.compile(
    r"^(?P<machine>[\w\-.]{1,255})-(?P<major>\d{1,5})\.(?P<minor>\d{1,5})$"
)
# library.json preloadedJs/preloadedCss paths (H5PValidator::$libraryOptional).
ASSET_PATH_RE = re.compile(r"^[a-z_\-\s0-9./]+\.(js|css)$", re.IGNORECASE)

CONTENT_DIR = "content"
DRIVE_RE = re.compile(r"^[A-Za-z]:")
MAX_ERRORS = 20
CHUNK = 64 * 1024


class H5PValidationError(ValidationError):
    """A package broke one or more rules; each message names the file and the rule."""


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def __str__(self):
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass
class BundledLibrary:
    folder: str
    ref: LibraryRef
    patch: int
    data: dict[str, Any]
    members: list[zipfile.ZipInfo] = field(default_factory=list)


@dataclass
class ValidatedPackage:
    """What validation learnt; `storage.extract` and the import service use it."""

    sha256: str
    size: int  # uncompressed bytes that will be written
    h5p_json: dict[str, Any]
    content_json: Any
    main_library: LibraryRef
    libraries: dict[str, BundledLibrary]  # folder → library carried in the package
    content_members: list[zipfile.ZipInfo]
    # Dependencies not in the package but already installed (folder → ref).
    installed_dependencies: dict[str, LibraryRef]

    @property
    def title(self) -> str:
        return self.h5p_json["title"]


class _Errors:
    def __init__(self):
        self.messages: list[str] = []

    def add(self, message: str):
        if len(self.messages) < MAX_ERRORS:
            self.messages.append(message)

    def raise_if_any(self):
        if self.messages:
            raise H5PValidationError(self.messages)


def _size(n: int) -> str:
    return str(filesizeformat(n))


def file_sha256(fileobj: IO[bytes]) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def _path_problem(name: str) -> str | None:
    """Why a member name is unsafe to extract, or None. (The core relies on PHP's ZipArchive
    and its own later copying; Python's zipfile sanitises some of this silently, which would
    hide an attack from the editor, so we refuse explicitly.)"""
    if "\x00" in name:
        return _("%(file)s: a file name may not contain a NUL byte.")
    if "\\" in name:
        return _("%(file)s: backslashes are not allowed in file names.")
    if name.startswith("/"):
        return _("%(file)s: absolute paths are not allowed.")
    if DRIVE_RE.match(name):
        return _("%(file)s: drive letters are not allowed in file names.")
    parts = name.rstrip("/").split("/")
    if any(part == ".." for part in parts):
        return _("%(file)s: '..' is not allowed in a path (it would write outside the package).")
    if any(part in ("", ".") for part in parts):
        return _("%(file)s: empty or '.' path segments are not allowed.")
    return None


def _is_ignored(name: str) -> bool:
    # The core skips every path segment that starts with "." or "_" (macOS's __MACOSX, .DS_Store,
    # editor backups): H5PValidator::isValidPackage, `preg_match('/(^[\._]|\/[\._])/', ...)`.
    return any(part.startswith((".", "_")) for part in name.split("/"))


def _read_json(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, errors: _Errors):
    if info.file_size > limits.json_bytes:
        errors.add(
            _("%(file)s is %(size)s; a JSON file may be at most %(limit)s.")
            % {
                "file": info.filename,
                "size": _size(info.file_size),
                "limit": _size(limits.json_bytes),
            }
        )
        return None
    try:
        with zf.open(info) as fh:
            raw = fh.read(limits.json_bytes + 1)
        if len(raw) > limits.json_bytes:
            raise zipfile.BadZipFile("size mismatch")
        return json.loads(raw.decode("utf-8-sig"))
    except (zipfile.BadZipFile, EOFError, OSError):
        errors.add(_("%(file)s is damaged: it cannot be unpacked.") % {"file": info.filename})
    except (UnicodeDecodeError, ValueError) as exc:
        errors.add(
            _("%(file)s is not valid JSON: %(error)s") % {"file": info.filename, "error": exc}
        )
    return None


def _version(value) -> int | None:
    """Versions may be integers or digit strings (both occur in real packages)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= 99999:
        return value
    if isinstance(value, str) and VERSION_RE.match(value):
        return int(value)
    return None


def _dependency_refs(data: dict, key: str, file: str, errors: _Errors) -> list[LibraryRef]:
    deps = data.get(key, [])
    if not isinstance(deps, list):
        errors.add(
            _("%(file)s: %(field)s must be a list of libraries.") % {"file": file, "field": key}
        )
        return []
    refs = []
    for dep in deps:
        name = dep.get("machineName") if isinstance(dep, dict) else None
        major = _version(dep.get("majorVersion")) if isinstance(dep, dict) else None
        minor = _version(dep.get("minorVersion")) if isinstance(dep, dict) else None
        if not (isinstance(name, str) and MACHINE_NAME_RE.match(name)) or None in (major, minor):
            errors.add(
                _(
                    "%(file)s: an entry of %(field)s needs machineName, majorVersion and "
                    "minorVersion (numbers): %(value)s"
                )
                % {"file": file, "field": key, "value": json.dumps(dep)[:200]}
            )
            continue
        refs.append(LibraryRef(name, major, minor))
    return refs


def _check_h5p_json(data, errors: _Errors) -> tuple[LibraryRef | None, list[LibraryRef]]:
    """h5p.json against H5PValidator::$h5pRequired."""
    file = "h5p.json"
    if not isinstance(data, dict):
        errors.add(_("h5p.json must contain a JSON object."))
        return None, []

    def bad(field_name: str, rule: str):
        errors.add(
            _("h5p.json: the field %(field)s is missing or invalid (%(rule)s).")
            % {"field": field_name, "rule": rule}
        )

    if not (isinstance(data.get("title"), str) and TITLE_RE.match(data["title"])):
        bad("title", _("text of 1 to 255 characters"))
    if not (isinstance(data.get("language"), str) and LANGUAGE_RE.match(data["language"])):
        bad("language", _("a language code such as vi, en or und"))
    embed = data.get("embedTypes")
    if not (isinstance(embed, list) and embed and set(embed) <= EMBED_TYPES):
        bad("embedTypes", _("a list containing 'div' and/or 'iframe'"))
    main = data.get("mainLibrary")
    if not (isinstance(main, str) and MAIN_LIBRARY_RE.match(main)):
        bad("mainLibrary", _("a library machine name such as H5P.TrueFalse"))
        main = None
    if "preloadedDependencies" not in data:
        bad("preloadedDependencies", _("a list of libraries"))
        return None, []
    deps = _dependency_refs(data, "preloadedDependencies", file, errors)
    main_ref = next((d for d in deps if d.machine_name == main), None)
    if main and main_ref is None:
        errors.add(
            _("h5p.json: the main library %(library)s is not among preloadedDependencies.")
            % {"library": main}
        )
    return main_ref, deps


def _check_library_json(folder: str, data, errors: _Errors) -> tuple[LibraryRef, int] | None:
    """library.json against H5PValidator::$libraryRequired, and the folder name against it."""
    file = f"{folder}/library.json"
    if not isinstance(data, dict):
        errors.add(_("%(file)s must contain a JSON object.") % {"file": file})
        return None
    ok = True

    def bad(field_name: str):
        nonlocal ok
        ok = False
        errors.add(
            _("%(file)s: the field %(field)s is missing or invalid.")
            % {"file": file, "field": field_name}
        )

    if not (isinstance(data.get("title"), str) and TITLE_RE.match(data["title"])):
        bad("title")
    name = data.get("machineName")
    if not (isinstance(name, str) and MACHINE_NAME_RE.match(name)):
        bad("machineName")
    versions = {}
    for key in ("majorVersion", "minorVersion", "patchVersion"):
        versions[key] = _version(data.get(key))
        if versions[key] is None:
            bad(key)
    if "runnable" in data and data["runnable"] not in (0, 1, True, False):
        bad("runnable")
    for key in ("preloadedJs", "preloadedCss"):
        for item in data.get(key) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not (isinstance(path, str) and ASSET_PATH_RE.match(path) and ".." not in path):
                bad(key)
                break
    if not ok:
        return None
    ref = LibraryRef(name, versions["majorVersion"], versions["minorVersion"])
    if ref.folder != folder:
        errors.add(
            _(
                "%(folder)s: the folder name does not match library.json, which says "
                "%(machine)s %(major)s.%(minor)s (the folder must be named %(expected)s)."
            )
            % {
                "folder": folder,
                "machine": name,
                "major": ref.major,
                "minor": ref.minor,
                "expected": ref.folder,
            }
        )
        return None
    return ref, versions["patchVersion"]


def validate_package(
    fileobj: IO[bytes],
    *,
    is_installed: Callable[[LibraryRef], bool] = lambda ref: False,
    limits: Limits | None = None,
) -> ValidatedPackage:
    """Validate a seekable `.h5p` file object; raise `H5PValidationError` listing each problem.

    `is_installed(ref)` says whether a library missing from the package is already on the
    server (the core accepts that too: H5PValidator::isValidPackage → getMissingLibraries).
    """
    limits = limits or get_limits()
    errors = _Errors()

    fileobj.seek(0, 2)
    upload_size = fileobj.tell()
    fileobj.seek(0)
    if upload_size > limits.upload_bytes:
        errors.add(
            _("The package is %(size)s; the limit is %(limit)s.")
            % {"size": _size(upload_size), "limit": _size(limits.upload_bytes)}
        )
        errors.raise_if_any()
    # ZIP signature and central directory (the core: ZipArchive::open, "The file you uploaded
    # is not a valid HTML5 Package").
    if fileobj.read(4) not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise H5PValidationError(_("The file is not an H5P package (it is not a ZIP archive)."))
    fileobj.seek(0)
    try:
        zf = zipfile.ZipFile(fileobj)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise H5PValidationError(
            _("The file is not an H5P package (the ZIP archive is damaged).")
        ) from None

    # --- Pass 1: the central directory alone --------------------------------------------------
    if len(infos) > limits.members:
        errors.add(
            _("The package holds %(count)d files; the limit is %(limit)d.")
            % {"count": len(infos), "limit": limits.members}
        )
        errors.raise_if_any()

    total = 0
    seen: dict[str, str] = {}
    files: list[zipfile.ZipInfo] = []
    for info in infos:
        name = info.filename
        # zipfile cuts names at a NUL byte; the original name shows the trick.
        problem = _path_problem(info.orig_filename)
        if problem:
            errors.add(problem % {"file": info.orig_filename.replace("\x00", "\\0")})
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            errors.add(_("%(file)s: symbolic links are not allowed.") % {"file": name})
            continue
        # Unix type bits, when present (some tools write permissions only), must say
        # "regular file" or "directory": no devices, FIFOs or sockets.
        if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            errors.add(_("%(file)s: only plain files and folders are allowed.") % {"file": name})
            continue
        # Two names that differ only in case (or Unicode form) would overwrite each other on
        # a case-insensitive disk, and could swap a checked file for an unchecked one.
        folded = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if folded in seen and seen[folded] != name.rstrip("/"):
            errors.add(
                _("%(file)s and %(other)s have the same name when case is ignored.")
                % {"file": name, "other": seen[folded]}
            )
            continue
        seen[folded] = name.rstrip("/")
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            errors.add(
                _("%(file)s is encrypted; encrypted files are not allowed.") % {"file": name}
            )
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            errors.add(_("%(file)s uses an unsupported compression method.") % {"file": name})
            continue
        if info.file_size > limits.file_bytes:
            errors.add(
                _("%(file)s unpacks to %(size)s; the limit for one file is %(limit)s.")
                % {
                    "file": name,
                    "size": _size(info.file_size),
                    "limit": _size(limits.file_bytes),
                }
            )
            continue
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.ratio * max(
            info.compress_size, 1
        ):
            errors.add(
                _(
                    "%(file)s is compressed %(ratio)d times; more than %(limit)d times is "
                    "refused as a possible zip bomb."
                )
                % {
                    "file": name,
                    "ratio": info.file_size // max(info.compress_size, 1),
                    "limit": limits.ratio,
                }
            )
            continue
        total += info.file_size
        files.append(info)
    if total > limits.total_bytes:
        errors.add(
            _("The package unpacks to %(size)s; the limit is %(limit)s.")
            % {"size": _size(total), "limit": _size(limits.total_bytes)}
        )
    errors.raise_if_any()

    # --- Pass 2: layout, file types and the JSON files ----------------------------------------
    by_name = {info.filename: info for info in files}
    content_members: list[zipfile.ZipInfo] = []
    library_members: dict[str, list[zipfile.ZipInfo]] = {}
    written = 0
    for info in files:
        name = info.filename
        if _is_ignored(name):
            continue
        top, _sep, rest = name.partition("/")
        if not rest:
            # Files at the top other than h5p.json are ignored by the core (a stray
            # "H5P_CONTENT_HERE.txt" in real packages); we neither check nor extract them.
            continue
        ext = rest.rsplit(".", 1)[-1].lower() if "." in rest.rsplit("/", 1)[-1] else ""
        if top == CONTENT_DIR:
            if ext in LIBRARY_ONLY_EXTENSIONS:
                errors.add(
                    _(
                        "%(file)s: .%(ext)s files are allowed only inside library folders, "
                        "not in content."
                    )
                    % {"file": name, "ext": ext}
                )
                continue
            if ext not in CONTENT_EXTENSIONS:
                errors.add(
                    _("%(file)s: files of type .%(ext)s are not allowed in H5P content.")
                    % {"file": name, "ext": ext or "?"}
                )
                continue
            content_members.append(info)
        else:
            if not LIBRARY_FOLDER_RE.match(top):
                errors.add(
                    _(
                        "%(file)s: %(folder)s is not a valid library folder name; it must be "
                        "Machine.Name-major.minor, for example H5P.TrueFalse-1.6."
                    )
                    % {"file": name, "folder": top}
                )
                continue
            if ext not in LIBRARY_EXTENSIONS:
                errors.add(
                    _("%(file)s: files of type .%(ext)s are not allowed in H5P libraries.")
                    % {"file": name, "ext": ext or "?"}
                )
                continue
            library_members.setdefault(top, []).append(info)
        written += info.file_size

    h5p_info = by_name.get("h5p.json")
    if h5p_info is None:
        errors.add(_("h5p.json is missing: every H5P package needs it at the top level."))
        errors.raise_if_any()
    content_info = by_name.get(f"{CONTENT_DIR}/content.json")
    if content_info is None:
        errors.add(_("content/content.json is missing: the package has no content."))
    errors.raise_if_any()

    h5p_json = _read_json(zf, h5p_info, limits, errors)
    content_json = _read_json(zf, content_info, limits, errors)
    errors.raise_if_any()
    main_ref, deps = _check_h5p_json(h5p_json, errors)
    if content_json is not None and not isinstance(content_json, dict):
        errors.add(_("content/content.json must contain a JSON object."))

    libraries: dict[str, BundledLibrary] = {}
    for folder, members in sorted(library_members.items()):
        lib_info = by_name.get(f"{folder}/library.json")
        if lib_info is None:
            errors.add(
                _("%(folder)s: library.json is missing from this library folder.")
                % {"folder": folder}
            )
            continue
        data = _read_json(zf, lib_info, limits, errors)
        if data is None:
            continue
        checked = _check_library_json(folder, data, errors)
        if checked is None:
            continue
        ref, patch = checked
        names = {m.filename for m in members}
        # The core: "The file %file is missing from library: %name" (H5PValidator::isValidPackage).
        for key in ("preloadedJs", "preloadedCss"):
            for item in data.get(key) or []:
                path = f"{folder}/{item['path']}"
                if path not in names:
                    errors.add(
                        _("%(file)s is listed in %(folder)s/library.json but missing.")
                        % {"file": path, "folder": folder}
                    )
        libraries[folder] = BundledLibrary(folder, ref, patch, data, members)
    errors.raise_if_any()

    # Every preloaded (and dynamic) dependency of the content and of each library must be
    # present, in the package or on the server (H5PValidator::getMissingLibraries). Editor
    # dependencies are not needed to play content, so, like the core's player, we skip them.
    installed: dict[str, LibraryRef] = {}

    def require(ref: LibraryRef, needed_by: str):
        if ref.folder in libraries or ref.folder in installed:
            return
        if is_installed(ref):
            installed[ref.folder] = ref
            return
        errors.add(
            _(
                "%(file)s needs the library %(library)s, which is neither in the package "
                "nor installed."
            )
            % {"file": needed_by, "library": str(ref)}
        )

    for ref in deps:
        require(ref, "h5p.json")
    for folder, lib in libraries.items():
        for key in ("preloadedDependencies", "dynamicDependencies"):
            for ref in _dependency_refs(lib.data, key, f"{folder}/library.json", errors):
                require(ref, f"{folder}/library.json")
    errors.raise_if_any()

    return ValidatedPackage(
        sha256=file_sha256(fileobj),
        size=written,
        h5p_json=h5p_json,
        content_json=content_json,
        main_library=main_ref,
        libraries=libraries,
        content_members=content_members,
        installed_dependencies=installed,
    )
