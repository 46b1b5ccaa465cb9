"""One JavaScript and one CSS file per set of libraries, instead of one request per file.

A TrueFalse activity needs about 40 library files. Over HTTP/1.1 a phone opens six
connections, so on a 400 ms link those files cost seven rounds of latency and their headers
alone weigh as much as the scripts. The bundle concatenates the files in dependency order
(the order h5p-standalone would run them), rewrites relative `url(...)` in stylesheets to
the library's own folder, and is stored once per library token with a gzip twin:

    MEDIA_ROOT/h5p/bundles/<token>.<format>.js(.gz), <token>.<format>.css(.gz)

The token names the exact library versions, so a bundle never changes under its URL. The
stylesheets' fonts and pictures point at each library version's own URL (`library_url`),
the same for every package, so three activities on a page share one download of them.
"""

import gzip
import os
import re
import tempfile
from pathlib import Path

from django.urls import reverse

from . import storage

BUNDLE_FOLDER = "_bundle-0.0"
# Part of a bundle's file name: a bundle written by an earlier version of this module is
# built again, not served as it was.
BUNDLE_FORMAT = "2"  # "_" never starts a real library folder (the core skips them)
CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)(?!data:|https?:|//|/|#)([^'")]+)\1\s*\)""")


def library_url(lib) -> str:
    """Where one library version's own files are served: the same URL whichever package
    uses it, so the fonts and pictures its styles name are downloaded once per page (and
    once per phone), not once per activity."""
    return reverse("h5p:library_file", kwargs={"token": lib.storage_name, "path": "_"})[:-2]


def bundle_dir() -> Path:
    return storage.h5p_root() / "bundles"


def _css_with_absolute_urls(text: str, base_url: str) -> str:
    return CSS_URL_RE.sub(lambda m: f'url("{base_url}/{m.group(2).strip()}")', text)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def bundle_path(token: str, kind: str) -> Path:
    return bundle_dir() / f"{token}.{BUNDLE_FORMAT}.{kind}"


def bundle_file(package, kind: str) -> Path:
    """The bundle of `kind` ("js" or "css") for `package`, built on first use."""
    path = bundle_path(package.library_token(), kind)
    if path.is_file():
        return path
    key = "preloadedJs" if kind == "js" else "preloadedCss"
    parts = []
    for lib in package.ordered_libraries():
        root = storage.library_dir(lib.storage_name)
        for item in lib.library_json.get(key) or []:
            text = (root / item["path"]).read_text(encoding="utf-8", errors="replace")
            if kind == "css":
                folder = item["path"].rsplit("/", 1)[0] if "/" in item["path"] else ""
                base = f"{library_url(lib)}/{lib.folder}" + (f"/{folder}" if folder else "")
                text = _css_with_absolute_urls(text, base)
                parts.append(f"/* {lib.folder}/{item['path']} */\n{text}\n")
            else:
                parts.append(f"/* {lib.folder}/{item['path']} */\n{text}\n;\n")
    data = "".join(parts).encode()
    _write_atomic(path.with_name(path.name + ".gz"), gzip.compress(data, 9, mtime=0))
    _write_atomic(path, data)
    return path
