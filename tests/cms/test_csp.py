"""The Content-Security-Policy header: one fixed policy on every HTML page of the site
(public and private, the same for everyone: no nonce), the H5P exceptions only on lessons
that play activities, a looser policy for the Wagtail admin, none on JSON, and the report
endpoint that logs what browsers say was blocked."""

import json
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings

from cms.views import MEDIA_CSP, WORKER_CSP
from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from tests.conftest import publish
from tests.courses.h5p_helpers import TRUEFALSE
from trainees.factories import TrainingSessionFactory
from trainees.models import Role

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def h5p_lesson(course_tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Luyện tập",
        slug="luyen-tap",
        body=[{"type": "h5p", "value": {"activity": package.pk}}],
    )
    return publish(lesson)


PUBLIC = [
    "/vi/",
    "/vi/khoa-hoc/",
    "/vi/khoa-hoc/dung-dien-thoai/",
    "/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/",
    "/offline/",
    "/vi/certificates/check/",
]


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, course_tree, learner):
    headers = []
    for user in (None, learner):
        client.logout()
        if user:
            client.force_login(user)
        for url in PUBLIC:
            response = client.get(url)
            assert response.status_code == 200, url
            headers.append(response["Content-Security-Policy"])
            found = policy(response)
            assert found["script-src"] == ["'self'"], url
            assert found["style-src"] == ["'self'"], url
            assert "style-src-attr" not in found, url
            assert found["object-src"] == ["'none'"]
            assert found["frame-ancestors"] == ["'none'"]
            assert found["report-uri"] == [settings.CSP_REPORT_URL]
    # One header for every page and every visitor: no nonce, nothing per request.
    assert len(set(headers)) == 1
    assert "nonce" not in headers[0] and "unsafe-inline" not in headers[0]


def test_a_lesson_with_h5p_activities_gets_the_h5p_exceptions_only(client, h5p_lesson):
    found = policy(client.get(h5p_lesson.url))
    assert found["script-src"] == ["'self'", "'unsafe-eval'"]
    assert found["style-src"] == ["'self'"]
    assert found["style-src-attr"] == ["'unsafe-inline'"]
    assert found["font-src"] == ["'self'", "data:"]
    assert found["frame-ancestors"] == ["'none'"]
    # Its neighbours without activities keep the site's policy.
    plain = policy(client.get("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/"))
    assert plain["script-src"] == ["'self'"]


def test_a_304_carries_the_policy_of_its_200(client, h5p_lesson):
    # A phone revalidating its kept copy gets "not modified" and shows that copy: under the
    # same policy, the lesson's H5P exceptions included (the second time from the page cache).
    for url in ("/vi/khoa-hoc/dung-dien-thoai/doc-tin-nhan/", h5p_lesson.url, h5p_lesson.url):
        page = client.get(url)
        again = client.get(url, HTTP_IF_NONE_MATCH=page["ETag"])
        assert again.status_code == 304, url
        assert again["Content-Security-Policy"] == page["Content-Security-Policy"], url
        assert again["X-Frame-Options"] == page["X-Frame-Options"] == "DENY", url
    assert policy(again)["script-src"] == ["'self'", "'unsafe-eval'"]


def test_private_pages_have_the_sites_policy(client, trainer_a, commune_a):
    session = TrainingSessionFactory(commune=commune_a)
    client.force_login(trainer_a)
    for url in (
        "/vi/sessions/",
        "/vi/sessions/new/",
        f"/vi/sessions/{session.uuid}/",
        f"/vi/sessions/{session.uuid}/roll-call/",
        "/vi/sessions/roll-call/",
        "/vi/login/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert policy(response)["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url


def test_the_admin_has_its_own_looser_policy(client, make_user, h5p_lesson):
    editor = make_user(Role.ADMINISTRATOR, phone="0911000050", is_superuser=True)
    login = policy(client.get("/admin/login/"))
    assert login["script-src"] == ["'self'", "'unsafe-inline'"]
    client.force_login(editor)
    response = client.get(f"/admin/pages/{h5p_lesson.pk}/edit/")
    assert response.status_code == 200
    found = policy(response)
    assert found["script-src"] == ["'self'", "'unsafe-inline'"]
    assert found["frame-src"] == ["'self'"]
    assert found["frame-ancestors"] == ["'self'"]
    assert found["connect-src"] == ["'self'"]  # still nothing from other sites

    # The preview the editor sees in a frame: the lesson's own policy, framed by the admin.
    preview = policy(h5p_lesson.make_preview_request())
    assert preview["script-src"] == ["'self'", "'unsafe-eval'"]
    assert preview["frame-ancestors"] == ["'self'"]


def test_json_and_files_carry_no_page_policy(client, learner, course_tree, h5p_lesson):
    client.force_login(learner)
    assert "Content-Security-Policy" not in client.get("/api/me/?lang=vi&page=/vi/")
    assert "Content-Security-Policy" not in client.get("/manifest.webmanifest")
    worker = client.get("/sw.js")
    assert worker["Content-Security-Policy"] == WORKER_CSP
    package = h5p_lesson.body[0].value["activity"]
    content = client.get(f"{package.content_url()}/content.json")
    assert content.status_code == 200
    assert content["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert MEDIA_CSP.startswith("default-src 'none'")


# --- The report endpoint ------------------------------------------------------------------


def test_a_browsers_report_is_logged(client, caplog):
    caplog.set_level(logging.WARNING, logger="cms.csp")
    legacy = {
        "csp-report": {
            "document-uri": "https://example.org/vi/",
            "effective-directive": "script-src-elem",
            "blocked-uri": "https://evil.example/x.js",
            "source-file": "https://example.org/static/cms/site.js",
            "line-number": 12,
        }
    }
    response = client.post(
        settings.CSP_REPORT_URL, json.dumps(legacy), content_type="application/csp-report"
    )
    assert response.status_code == 204
    reporting_api = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://example.org/en/",
                "effectiveDirective": "style-src-attr",
                "blockedURL": "inline",
            },
        }
    ]
    response = client.post(
        settings.CSP_REPORT_URL,
        json.dumps(reporting_api),
        content_type="application/reports+json",
    )
    assert response.status_code == 204
    logged = [r.getMessage() for r in caplog.records if r.name == "cms.csp"]
    assert len(logged) == 2
    assert "script-src-elem blocked https://evil.example/x.js" in logged[0]
    assert "https://example.org/en/: style-src-attr blocked inline" in logged[1]


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"csp-report": "x"}',
        b"[1, 2]",
        b"\xff\xfe",
        b'"text"',
        b"[" * 3000 + b"]" * 3000,  # found by the hostile sweep: Python's decoder recursed
    ],
)
def test_a_body_that_is_no_report_is_refused_clearly(client, body):
    response = client.post(settings.CSP_REPORT_URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Không đọc được dữ liệu gửi lên."


def test_a_huge_report_and_a_get_are_refused(client):
    response = client.post(
        settings.CSP_REPORT_URL, b"[" + b" " * 20_000 + b"]", content_type="application/json"
    )
    assert response.status_code == 413
    assert client.get(settings.CSP_REPORT_URL).status_code == 405


# --- What future templates must respect -----------------------------------------------------

APPS = ["cms", "courses", "trainees", "certificates", "coverage"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_of_ours_has_inline_script_handlers_or_styles():
    """Public pages are the same for everyone, so they cannot carry a nonce: scripts live in
    static files, data in `data-` attributes or `json_script`. The PDF templates are read by
    WeasyPrint, never by a browser."""
    root = Path(settings.BASE_DIR)
    offenders = []
    for app in APPS:
        for path in (root / app / "templates").rglob("*.html"):
            if path.name.endswith("_pdf.html"):
                continue
            text = path.read_text()
            for pattern in (INLINE_SCRIPT, EVENT_HANDLER, re.compile(r"javascript:|style=")):
                offenders += [f"{path.relative_to(root)}: {m}" for m in pattern.findall(text)]
    assert offenders == []


def test_no_script_of_ours_evaluates_strings_or_writes_style_attributes():
    """`script-src 'self'` without 'unsafe-eval', and `style-src 'self'`, on every page but
    H5P lessons: a script of ours that needs either would break where they are not allowed."""
    root = Path(settings.BASE_DIR)
    forbidden = re.compile(
        r"\beval\(|new Function\b|setTimeout\(\s*[\"']|setAttribute\(\s*[\"']style[\"']"
        r"|[\"']javascript:|style=\\?[\"']"
    )
    offenders = []
    for app in APPS:
        for path in (root / app / "static").rglob("*.js"):
            for n, line in enumerate(path.read_text().splitlines(), 1):
                if forbidden.search(line):
                    offenders.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    assert offenders == []
