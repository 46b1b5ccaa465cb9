"""Media on S3-compatible storage (issue 12, scale-out): with AWS_STORAGE_BUCKET_NAME set,
uploads go to the bucket — moto's S3 server on 127.0.0.1 here — and nothing to the disk,
yet a lesson's pictures still load through the site under /media/ (same origin, so the
service worker keeps them for offline reading), and an H5P activity plays on a machine
whose extracted folder is empty: it is extracted again from the upload in the bucket.

The production settings are loaded in a process of their own, as in test_media_production.
"""

import json
import subprocess
import sys

from django.conf import settings

from cms.views import MEDIA_CSP
from tests.cms.test_media_production import _env
from tests.conftest import S3_BUCKET as BUCKET
from tests.courses.h5p_helpers import TRUEFALSE

SCRIPT = r"""
import io, json, re, shutil, sys
import cms.settings.production as production_settings
production_settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
import django
django.setup()
from django.conf import settings
assert not settings.DEBUG
from django.core.files.base import ContentFile
from django.core.management import call_command
call_command("migrate", verbosity=0)
from PIL import Image as PILImage
from wagtail.images import get_image_model
from cms.services import home_page_ensure
from courses.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from courses.h5p import storage as h5p_storage
from courses.services import h5p_package_import

Image = get_image_model()
buffer = io.BytesIO()
PILImage.new("RGB", (800, 600), (200, 30, 30)).save(buffer, "PNG")
photo = Image(title="Điện thoại", width=800, height=600)
photo.file.save("phone.png", ContentFile(buffer.getvalue()), save=False)
photo.width, photo.height = 800, 600
photo.save()
svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle r="20"/></svg>'
drawing = Image(title="Hình vẽ", width=40, height=40)
drawing.file.save("drawing.svg", ContentFile(svg), save=False)
drawing.width, drawing.height = 40, 40  # Pillow cannot measure an SVG
drawing.save()
with open(sys.argv[1], "rb") as fh:
    package = h5p_package_import(fileobj=fh)

home = home_page_ensure(title="Bình dân học vụ số")
index = CourseIndexPageFactory(parent=home, title="Khoá học", slug="khoa-hoc")
course = CoursePageFactory(parent=index, title="Dùng điện thoại", slug="dung-dien-thoai")
lesson = LessonPageFactory(
    parent=course,
    title="Bật điện thoại",
    slug="bat-dien-thoai",
    body=[
        {"type": "image", "value": {"image": photo.pk, "alt": "Điện thoại", "caption": ""}},
        {"type": "image", "value": {"image": drawing.pk, "alt": "Hình vẽ", "caption": ""}},
        {"type": "h5p", "value": {"activity": package.pk, "instruction": "Chọn"}},
    ],
)
for page in (index, course, lesson):
    page.save_revision().publish()

from django.test import Client
client = Client(HTTP_HOST="learn.example.org")

def fetch(url, **headers):
    r = client.get(url, secure=True, **headers)
    body = b"".join(r.streaming_content) if r.streaming else r.content
    return r, body

page, html = fetch(lesson.url)
result = {"page": page.status_code, "images": {}, "h5p": {}}
for src in re.findall(r'<img src="([^"]+)"', html.decode()):
    r, body = fetch(src)
    result["images"][src] = {
        "status": r.status_code, "type": r.get("Content-Type"), "bytes": len(body),
        "cache": r.get("Cache-Control"), "csp": r.get("Content-Security-Policy"),
        "vary": r.get("Vary"),
    }
    again, _ = fetch(src, HTTP_IF_MODIFIED_SINCE=r["Last-Modified"])
    result["images"][src]["revalidated"] = again.status_code

lib = package.resolved_libraries()["H5P.TrueFalse-1.6"]
content = sorted(p.relative_to(h5p_storage.content_dir(package.sha256)).as_posix()
                 for p in h5p_storage.content_dir(package.sha256).rglob("*") if p.is_file())[0]
urls = [f"{package.content_url()}/{content}",
        f"{package.libraries_url()}/_bundle-0.0/{package.pk}.js"]
before = [fetch(u)[1] for u in urls]
shutil.rmtree(h5p_storage.h5p_root())  # another machine: nothing extracted there
for url, old in zip(urls, before):
    r, body = fetch(url)
    result["h5p"][url] = {"status": r.status_code, "same": body == old, "bytes": len(body)}
result["h5p_upload"] = package.file.name
result["image_names"] = [photo.file.name, drawing.file.name]
print(json.dumps(result))
"""


def s3_env(tmp_path, endpoint: str) -> dict:
    env = _env(tmp_path)
    env.update(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        H5P_ROOT=str(tmp_path / "h5p"),
    )
    return env


def test_a_lessons_pictures_and_h5p_load_from_s3_through_the_site(tmp_path, s3_server):
    endpoint, s3 = s3_server
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(TRUEFALSE)],
        cwd=settings.BASE_DIR,
        env=s3_env(tmp_path, endpoint),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["page"] == 200
    images = result["images"]
    assert len(images) == 2, images
    for src, answer in images.items():
        # Same origin: the service worker keeps them for reading offline.
        assert src.startswith("/media/"), src
        assert answer["status"] == 200 and answer["bytes"] > 0, (src, answer)
        assert answer["cache"].startswith("public"), (src, answer)
        assert "Cookie" not in (answer["vary"] or ""), answer
        assert answer["csp"] == MEDIA_CSP
        assert answer["revalidated"] == 304, answer
    assert sorted(a["type"] for a in images.values()) == ["image/svg+xml", "image/webp"]
    # Every upload is in the bucket, nothing under MEDIA_ROOT.
    stored = {o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    for name in [*result["image_names"], result["h5p_upload"]]:
        assert f"media/{name}" in stored, (name, stored)
    assert any(key.startswith("media/images/") for key in stored), stored  # renditions
    media_root = tmp_path / "media"
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))
    # The H5P activity played again on a machine with an empty extracted folder.
    for url, answer in result["h5p"].items():
        assert answer["status"] == 200 and answer["same"] and answer["bytes"] > 0, (url, answer)
