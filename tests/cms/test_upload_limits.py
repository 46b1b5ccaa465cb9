"""Upload size limits (issue 12): a 10 MB body anywhere gets a clear 413 — JSON for the API
and scripts, a page in the visitor's language for people — and changes nothing; forms
with smaller limits say so beside the field."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import encode_multipart

from trainees.factories import TrainingSessionFactory
from trainees.models import Person, User

pytestmark = pytest.mark.django_db

TEN_MB = 10 * 1024 * 1024


def test_a_ten_megabyte_form_gets_a_page_saying_so_in_the_visitors_language(client):
    response = client.post(
        "/vi/sign-up/",
        "full_name=" + "a" * TEN_MB,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn" in page and "10,0" in page
    assert not User.objects.exists()


def test_a_ten_megabyte_file_is_refused_on_the_public_pages(client, commune_a, village_a):
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    boundary = "BoUnDaRy"
    body = encode_multipart(
        boundary, {"reg-full_name": "X", "photo": SimpleUploadedFile("a.jpg", b"x" * TEN_MB)}
    )
    response = client.post(
        f"/en/checkin/{session.uuid}/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 413
    assert "What was sent is too large (10.0" in response.content.decode()
    assert not Person.objects.exists()


def test_the_api_answers_413_in_json(client, trainer_a):
    client.force_login(trainer_a)
    body = json.dumps({"registrations": [], "marks": [], "pad": "x" * TEN_MB})
    response = client.post(
        "/api/attendance/sync", body, "application/json", HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_xapi_answers_413_in_json(client, learner):
    client.force_login(learner)
    body = json.dumps({"statement": {"pad": "x" * TEN_MB}})
    response = client.post("/en/activity/statements/", body, "application/json")
    assert response.status_code == 413
    assert response.json()["detail"].startswith("What was sent is too large")


def test_a_roster_larger_than_the_forms_limit_is_refused_beside_the_field(
    client, trainer_a, commune_a, village_a
):
    session = TrainingSessionFactory(commune=commune_a, village=village_a, created_by=trainer_a)
    client.force_login(trainer_a)
    csv = b"full_name,birth_year\n" + b"Lo Thi Mai,1990\n" * 200_000  # 3.2 MB
    response = client.post(
        f"/en/sessions/{session.uuid}/import/",
        {"file": SimpleUploadedFile("roster.csv", csv, "text/csv")},
    )
    assert response.status_code == 200
    assert "at most 2.0\xa0MB is accepted here" in response.content.decode()
    assert not Person.objects.exists()


def test_the_admin_takes_lesson_media_larger_than_the_public_limit(
    client, make_user, settings, tmp_path
):
    from wagtail.documents.models import Document

    from trainees.models import Role

    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(make_user(Role.ADMINISTRATOR, phone="0900000001"))
    boundary = "BoUnDaRy"
    body = encode_multipart(boundary, {"files[]": SimpleUploadedFile("a.mp3", b"x" * TEN_MB)})
    response = client.post(
        "/admin/documents/multiple/add/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 200
    assert Document.objects.get().file.size == TEN_MB
