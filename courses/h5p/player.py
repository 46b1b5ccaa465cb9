"""What the lesson page needs to play a package with h5p-standalone, in one JSON blob.

h5p-standalone normally fetches h5p.json, content.json and then every library.json in a
chain of round trips (about 8 on a TrueFalse) before it asks for a single script. We put all
of that JSON into the page; `h5p-player.js` answers those requests from memory, and preloads
the libraries' scripts and styles in parallel, so on a 400 ms link one round trip remains.
"""

from django.core.cache import cache
from django.templatetags.static import static
from django.utils.translation import get_language

from cms.kept import kept_in_process, request_generation
from cms.page_cache import static_version

from ..models import H5PPackage
from .bundles import BUNDLE_FOLDER
from .l10n import localised_content

# What h5p-standalone reads from a library.json; the rest (editor dependencies, licences…)
# would only make the page heavier.
PLAYER_KEYS = (
    "title",
    "machineName",
    "majorVersion",
    "minorVersion",
    "patchVersion",
    "runnable",
    "preloadedDependencies",
)


def content_files(content_json, content_url: str) -> list[str]:
    """The URLs of the files an activity's content names (pictures, audio, video): H5P
    writes each as an object with a relative `path`. "Save this course for offline" keeps
    them, so the activity plays with no signal without having been opened before."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            path = value.get("path")
            if isinstance(path, str) and path and "://" not in path and "#" not in path:
                found.append(f"{content_url}/{path.lstrip('/')}")
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(content_json)
    return sorted(set(found))


def player_config(package: H5PPackage, *, object_iri: str, request=None, page_packages=()) -> dict:
    """The player's configuration. Only the activity's address differs from one lesson to
    another, so the rest is kept: in the process until content changes (cms.kept: a new
    package or library version starts a new generation), and in the shared cache under what
    it is made of — the package's content (its sha256), the library versions it plays with,
    the page's language and the static files' names. Building it needs the libraries: those
    of all the page's activities (`page_packages`) are then resolved at once."""
    language = get_language() or "-"

    def shared():
        H5PPackage.resolve_libraries([package, *page_packages])
        key = ":".join(
            [
                "h5p-player",
                str(package.pk),
                package.sha256,
                package.library_token(),
                language,
                static_version(),
            ]
        )
        config = cache.get(key)
        if config is None:
            config = _player_config(package)
            cache.set(key, config, timeout=24 * 3600)
        return config

    config = kept_in_process(
        f"h5p-player:{package.pk}:{package.sha256}:{language}:{static_version()}",
        shared,
        request_generation(request) if request is not None else None,
    )
    return {**config, "objectIri": object_iri}


def _player_config(package: H5PPackage) -> dict:
    content_url = package.content_url()
    libraries_url = package.libraries_url()
    libraries = package.ordered_libraries()
    main_folder = package.main_library.replace(" ", "-")
    json_files = {
        f"{content_url}/h5p.json": package.h5p_json,
        # The player's buttons and messages in the page's language (courses.h5p.l10n).
        f"{content_url}/content.json": localised_content(
            package.content_json, machine_name=package.machine_name
        ),
    }
    # Every library's scripts and styles come in one bundle each (courses.h5p.bundles),
    # declared as one more dependency of the main library, so the player loads two files
    # instead of forty while H5P.getLibraryPath() still points at the real folders.
    bundle = {"machineName": BUNDLE_FOLDER.split("-")[0], "majorVersion": 0, "minorVersion": 0}
    for lib in libraries:
        data = {key: lib.library_json[key] for key in PLAYER_KEYS if key in lib.library_json}
        data["preloadedJs"], data["preloadedCss"] = [], []
        if lib.folder == main_folder:
            data["preloadedDependencies"] = [*data.get("preloadedDependencies", []), bundle]
        json_files[f"{libraries_url}/{lib.folder}/library.json"] = data
    json_files[f"{libraries_url}/{BUNDLE_FOLDER}/library.json"] = {
        **bundle,
        "patchVersion": 0,
        "title": "Bundle",
        "preloadedJs": [{"path": f"{package.pk}.js"}],
        "preloadedCss": [{"path": f"{package.pk}.css"}],
    }
    preload = [
        {"href": static("h5p-standalone/main.bundle.js"), "as": "script"},
        {"href": static("h5p-standalone/frame.bundle.js"), "as": "script"},
        {"href": static("h5p-standalone/styles/h5p.css"), "as": "style"},
        {"href": f"{libraries_url}/{BUNDLE_FOLDER}/{package.pk}.css", "as": "style"},
        {"href": f"{libraries_url}/{BUNDLE_FOLDER}/{package.pk}.js", "as": "script"},
    ]
    return {
        "package": package.pk,
        "mainLibrary": package.machine_name,
        "title": package.title,
        "h5pJsonPath": content_url,
        "contentJsonPath": content_url,
        "librariesPath": libraries_url,
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "mainJs": static("h5p-standalone/main.bundle.js"),
        "json": json_files,
        "preload": preload,
        "files": content_files(package.content_json, content_url),
    }
