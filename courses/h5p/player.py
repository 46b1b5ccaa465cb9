"""What the lesson page needs to play a package with h5p-standalone, in one JSON blob.

h5p-standalone normally fetches h5p.json, content.json and then every library.json in a
chain of round trips (about 8 on a TrueFalse) before it asks for a single script. We put all
of that JSON into the page; `h5p-player.js` answers those requests from memory, and preloads
the libraries' scripts and styles in parallel, so on a 400 ms link one round trip remains.
"""

from django.templatetags.static import static

from ..models import H5PPackage


def player_config(package: H5PPackage, *, object_iri: str) -> dict:
    content_url = package.content_url()
    libraries_url = package.libraries_url()
    libraries = package.ordered_libraries()
    json_files = {
        f"{content_url}/h5p.json": package.h5p_json,
        f"{content_url}/content.json": package.content_json,
    }
    preload = [
        {"href": static("h5p-standalone/main.bundle.js"), "as": "script"},
        {"href": static("h5p-standalone/frame.bundle.js"), "as": "script"},
        {"href": static("h5p-standalone/styles/h5p.css"), "as": "style"},
    ]
    for lib in libraries:
        json_files[f"{libraries_url}/{lib.folder}/library.json"] = lib.library_json
        for key, kind in (("preloadedCss", "style"), ("preloadedJs", "script")):
            for item in lib.library_json.get(key) or []:
                preload.append({"href": f"{libraries_url}/{lib.folder}/{item['path']}", "as": kind})
    return {
        "package": package.pk,
        "title": package.title,
        "h5pJsonPath": content_url,
        "contentJsonPath": content_url,
        "librariesPath": libraries_url,
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "mainJs": static("h5p-standalone/main.bundle.js"),
        "json": json_files,
        "preload": preload,
        "objectIri": object_iri,
    }
