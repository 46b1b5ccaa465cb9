"""Media in production (issue 12): with the production settings — DEBUG off, HTTPS, the
deploy checks' values — a lesson's pictures load: the photo's WebP renditions and the
project's own SVG drawing. Nothing else under MEDIA_ROOT is public.

The production settings are loaded in a process of their own (they refuse to start without
their environment); only the static files storage is swapped, as collectstatic is not run.
"""

import base64
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from cms.views import MEDIA_CSP

SCRIPT = r"""
import io, json, re
# No collectstatic in a test: templates find static files without the manifest. The
# settings module is changed before Django reads it.
import cms.settings.production as production_settings
production_settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
import django
django.setup()
from django.conf import settings
assert not settings.DEBUG and settings.SECURE_SSL_REDIRECT
from django.core.files.base import ContentFile
from django.core.management import call_command
call_command("migrate", verbosity=0)
from PIL import Image as PILImage
from wagtail.images import get_image_model
from cms.services import home_page_ensure
from courses.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory

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
    ],
)
for page in (index, course, lesson):
    page.save_revision().publish()

from django.test import Client
client = Client(HTTP_HOST="learn.example.org")
page = client.get(lesson.url, secure=True)
html = page.content.decode()
result = {"page": page.status_code, "images": {}}
for src in re.findall(r'<img src="([^"]+)"', html):
    r = client.get(src, secure=True)
    body = b"".join(r.streaming_content) if r.streaming else r.content
    result["images"][src] = {
        "status": r.status_code,
        "type": r.get("Content-Type"),
        "bytes": len(body),
        "cache": r.get("Cache-Control"),
        "csp": r.get("Content-Security-Policy"),
    }
print(json.dumps(result))
"""


def _env(tmp_path) -> dict:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=base64.b64encode(os.urandom(48)).decode(),
        ALLOWED_HOSTS="learn.example.org",
        CERTIFICATE_SIGNING_KEY=f"test:{key}",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        STATIC_ROOT=str(tmp_path / "static"),
        LOG_LEVEL="WARNING",
    )
    return env


def test_a_lessons_pictures_load_under_the_production_settings(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        env=_env(tmp_path),
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
        assert src.startswith("/media/"), src
        assert answer["status"] == 200 and answer["bytes"] > 0, (src, answer)
        assert answer["cache"].startswith("public"), (src, answer)
        assert answer["csp"] == MEDIA_CSP
    types = sorted(a["type"] for a in images.values())
    assert types == ["image/svg+xml", "image/webp"], types


@pytest.mark.django_db
def test_only_pictures_are_public_under_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "a.png").write_bytes(b"\x89PNG")
    for folder in ("coverage", "h5p/uploads", "documents"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "secret.csv").write_bytes(b"Bi Mat")
    assert client.get("/media/original_images/a.png").status_code == 200
    for url in (
        "/media/coverage/secret.csv",
        "/media/h5p/uploads/secret.csv",
        "/media/documents/secret.csv",
        "/media/original_images/../coverage/secret.csv",
        "/media/images/%2e%2e/coverage/secret.csv",
        "/media/original_images//../../coverage/secret.csv",
        "/media/original_images/",
    ):
        # Outside the language prefixes a 404 may first redirect to /vi/…, then 404.
        response = client.get(url, follow=True)
        assert response.status_code == 404 and b"Bi Mat" not in response.content, url
    settings.SERVE_MEDIA = False  # a proxy serves them instead
    assert client.get("/media/original_images/a.png").status_code == 404
