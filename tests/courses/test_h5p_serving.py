"""Serving H5P files: libraries compressed and cached for good; content only for those who may
see a lesson using it; nothing from content/ ever opens as an active document."""

import gzip
import io
import shutil
import zipfile

import pytest
from wagtail.models import PageViewRestriction

from courses.factories import LessonPageFactory
from courses.h5p import storage
from courses.services import h5p_package_import
from tests.conftest import publish
from trainees.models import Role

from .h5p_helpers import GREETING, NEGATIVE_SVG, SAMPLES, TRUEFALSE, sample_members

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def import_file(path):
    with open(path, "rb") as fh:
        return h5p_package_import(fileobj=fh)


def h5p_lesson(course, package, *, live=True):
    lesson = LessonPageFactory(
        parent=course,
        title="Luyện tập",
        slug=f"luyen-tap-{package.pk}",
        body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": "Chọn"}}],
    )
    if live:
        publish(lesson)
    else:
        lesson.unpublish()
    return lesson


def test_library_files_are_compressed_typed_and_immutable(client):
    package = import_file(TRUEFALSE)
    lib = package.resolved_libraries()["H5P.TrueFalse-1.6"]
    js = lib.library_json["preloadedJs"][0]["path"]
    url = f"{package.libraries_url()}/{lib.folder}/{js}"
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Content-Encoding"] == "gzip"
    assert (
        "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    body = gzip.decompress(b"".join(response.streaming_content))
    assert body == (storage.library_dir(lib.storage_name) / js).read_bytes()
    plain = client.get(url)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]


def test_library_path_traversal_is_not_found(client):
    package = import_file(GREETING)
    base = package.libraries_url()
    assert client.get(f"{base}/H5P.GreetingCard1-1.0/../../content/x").status_code == 404
    assert client.get(f"{base}/H5P.GreetingCard1-1.0/%2e%2e/library.json").status_code == 404


def test_a_file_name_longer_than_the_file_system_allows_is_not_found(client, course_tree):
    """Found by the hostile sweep: the operating system's "file name too long" was a 500."""
    package = import_file(GREETING)
    h5p_lesson(course_tree["course"], package)
    long_name = "A" * 3000
    assert client.get(f"{package.content_url()}/{long_name}.json").status_code == 404
    assert client.get(f"{package.content_url()}/images/{long_name}.jpg").status_code == 404
    base = package.libraries_url()
    assert client.get(f"{base}/H5P.GreetingCard1-1.0/{long_name}.js").status_code == 404


def test_content_is_served_only_when_a_visible_lesson_uses_it(client, course_tree, make_user):
    package = import_file(GREETING)
    url = f"{package.content_url()}/earth.jpg"
    assert client.get(url).status_code == 404  # used nowhere yet
    lesson = h5p_lesson(course_tree["course"], package, live=False)
    assert client.get(url).status_code == 404  # a draft lesson shows nothing
    publish(lesson)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert (
        "Content-Disposition" not in response or "attachment" not in response["Content-Disposition"]
    )
    lesson.refresh_from_db()
    lesson.unpublish()
    assert client.get(url).status_code == 404


def test_a_camera_photo_reaches_the_phone_scaled_down(client, course_tree):
    """The MultiChoice sample's photo is 1588 px and 805 KB: the learner gets it 1280 px wide
    at a tenth of the bytes, same name and shape; the upload keeps the original."""
    from PIL import Image

    multichoice = SAMPLES / "multichoice.h5p"
    original = sample_members(multichoice)["content/images/file-5885c23902f31.jpg"]
    package = import_file(multichoice)
    h5p_lesson(course_tree["course"], package)
    response = client.get(f"{package.content_url()}/images/file-5885c23902f31.jpg")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    served = b"".join(response.streaming_content)
    assert len(served) < len(original) / 8
    with Image.open(io.BytesIO(served)) as small, Image.open(io.BytesIO(original)) as big:
        assert small.size == (1280, round(big.height * 1280 / big.width))
    with package.file.open("rb") as fh, zipfile.ZipFile(fh) as zf:
        assert zf.read("content/images/file-5885c23902f31.jpg") == original


def test_a_small_picture_is_served_as_uploaded(client, course_tree):
    package = import_file(GREETING)
    h5p_lesson(course_tree["course"], package)
    response = client.get(f"{package.content_url()}/earth.jpg")
    assert b"".join(response.streaming_content) == sample_members()["content/earth.jpg"]


def test_editors_may_preview_unused_packages_others_may_not(client, make_user, trainer_a):
    package = import_file(GREETING)
    url = f"{package.content_url()}/earth.jpg"
    client.force_login(trainer_a)
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.CONTENT_EDITOR, phone="0911000101"))
    assert client.get(url).status_code == 200


def test_negative_sample_svg_is_never_an_active_document(client, course_tree):
    """Import refuses it (test_h5p_import); even if such a file reached storage, it is a
    download in a sandbox, never an SVG document on our origin."""
    package = import_file(GREETING)
    h5p_lesson(course_tree["course"], package)
    import zipfile

    with zipfile.ZipFile(NEGATIVE_SVG) as zf:
        svg = zf.read("content/images/xss.svg")
    assert b"<script" in svg or b"onload" in svg.lower()
    target = storage.content_dir(package.sha256) / "images" / "xss.svg"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(svg)
    response = client.get(f"{package.content_url()}/images/xss.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    html = storage.content_dir(package.sha256) / "page.html"
    html.write_text("<script>alert(1)</script>")
    response = client.get(f"{package.content_url()}/page.html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    shutil.rmtree(target.parent)


def test_lesson_page_inlines_the_player_data(client, course_tree):
    package = import_file(TRUEFALSE)
    lesson = h5p_lesson(course_tree["course"], package)
    html = client.get(lesson.url).content.decode()
    assert 'class="h5p-activity"' in html
    assert f"{package.content_url()}/content.json" in html  # content.json inlined
    assert "H5P.TrueFalse-1.6/library.json" in html  # every library.json inlined
    assert "courses/h5p-player.js" in html


def test_activities_on_one_page_share_their_fonts(client, course_tree):
    """Two activities with different library sets name the same font URLs, so a page with
    both downloads FontAwesome once."""
    import re

    from .h5p_helpers import SAMPLES

    packages = [import_file(TRUEFALSE), import_file(SAMPLES / "multichoice.h5p")]
    assert packages[0].library_token() != packages[1].library_token()
    fonts = []
    for package in packages:
        css_url = f"{package.libraries_url()}/_bundle-0.0/{package.pk}.css"
        response = client.get(css_url)
        css = b"".join(response.streaming_content).decode()
        fonts.append(set(re.findall(r'url\("([^"]+fontawesome[^"]+\.woff)', css, re.I)))
    shared = fonts[0] & fonts[1]
    assert shared, fonts
    for url in shared:
        font = client.get(url.split("?")[0])
        assert font.status_code == 200
        assert "immutable" in font["Cache-Control"]


def test_another_machine_extracts_the_package_from_the_shared_upload(
    client, course_tree, settings, tmp_path
):
    """Several web machines share the uploads (S3 or one disk), not the extracted folders: a
    machine that did not take the upload extracts it on first use, and serves the same bytes."""
    package = import_file(TRUEFALSE)
    h5p_lesson(course_tree["course"], package)
    lib = package.resolved_libraries()["H5P.TrueFalse-1.6"]
    js = lib.library_json["preloadedJs"][0]["path"]
    content = next(
        p.relative_to(storage.content_dir(package.sha256)).as_posix()
        for p in sorted(storage.content_dir(package.sha256).rglob("*"))
        if p.is_file()
    )
    urls = [
        f"{package.content_url()}/{content}",
        f"{package.libraries_url()}/{lib.folder}/{js}",
        f"{package.libraries_url()}/_bundle-0.0/{package.pk}.js",
        f"{package.libraries_url()}/_bundle-0.0/{package.pk}.css",
    ]

    def bodies():
        out = []
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            out.append(b"".join(response.streaming_content))
        return out

    first = bodies()
    settings.H5P_ROOT = str(tmp_path / "other-machine-h5p")  # empty: nothing extracted here
    assert bodies() == first
    assert storage.content_dir(package.sha256).is_dir()
    assert storage.library_dir(lib.storage_name).is_dir()


def test_content_of_a_public_lesson_is_public_and_the_same_signed_in_or_not(
    client, course_tree, learner
):
    """The copy a phone took before signing in still serves after: no `Vary: Cookie`, no
    session read. A package used only behind a login stays private."""
    package = import_file(GREETING)
    lesson = h5p_lesson(course_tree["course"], package)
    url = f"{package.content_url()}/earth.jpg"
    anonymous = client.get(url)
    client.force_login(learner)
    signed_in = client.get(url)
    for response in (anonymous, signed_in):
        assert response.status_code == 200
        assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]
        assert "Cookie" not in response.get("Vary", "")
        assert "Accept-Language" not in response.get("Vary", "")
        assert not response.cookies
    PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    private = client.get(url)
    assert private.status_code == 200 and "private" in private["Cache-Control"]
    client.logout()
    assert client.get(url).status_code == 404
