"""Public pages go out gzipped; private ones, which may hold secrets, do not (BREACH)."""

import gzip
import re

import pytest
from django.test import Client

from tests.conftest import quiz_id
from trainees.models import QuizAnswer

pytestmark = pytest.mark.django_db

URL = "/vi/khoa-hoc/dung-dien-thoai/bat-dien-thoai/"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_public_lesson_is_compressed_and_reads_the_same(client, course_tree):
    plain = client.get(URL)
    packed = client.get(URL, **GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 2
    assert gzip.decompress(packed.content) == plain.content


def test_the_service_worker_is_compressed_and_still_asked_again(client, course_tree):
    """The phone downloads it on the first visit, on a slow link: it is the same for everyone,
    so it goes out gzipped; no-cache keeps its updates reaching the phone."""
    plain = client.get("/sw.js")
    packed = client.get("/sw.js", **GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert len(packed.content) < len(plain.content) / 2
    assert gzip.decompress(packed.content) == plain.content
    assert "no-cache" in packed["Cache-Control"]


def test_private_pages_are_not_compressed(client, course_tree, learner):
    login = client.get("/vi/login/", **GZIP)
    assert login.status_code == 200 and "csrfmiddlewaretoken" in login.content.decode()
    assert not login.has_header("Content-Encoding")
    client.force_login(learner)
    me = client.get("/api/me/?lang=vi", **GZIP)
    assert me.status_code == 200 and not me.has_header("Content-Encoding")


def test_forms_still_post_with_compression_on(course_tree, learner):
    """The no-JavaScript quiz: compressed public lesson, then the private answer form with
    its own token, posted with Django's CSRF check on."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    lesson = course_tree["lessons"][1]
    page = client.get("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/", **GZIP)
    assert page["Content-Encoding"] == "gzip"
    assert 'action="/vi/lessons/answer/"' in gzip.decompress(page.content).decode()
    step = client.get(
        "/vi/lessons/answer/",
        {"lesson": lesson.pk, "block": quiz_id(lesson), "choice": ["0", "1"]},
        **GZIP,
    )
    form = step.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    uuid = re.search(r'name="uuid" value="([^"]+)"', form).group(1)
    response = client.post(
        "/api/progress/answer/",
        {
            "lesson": lesson.pk,
            "block": quiz_id(lesson),
            "choice": ["0", "1"],
            "lang": "vi",
            "uuid": uuid,
            "csrfmiddlewaretoken": token,
        },
        **GZIP,
    )
    assert response.status_code == 200
    assert QuizAnswer.objects.get().correct
