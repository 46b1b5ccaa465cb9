"""courses.permissions: who may see a lesson and its H5P files, on Wagtail's view restrictions
(issue 8, hole 3), used by progress, quiz grading, the no-JavaScript forms, xAPI and H5P
content files; and editors previewing a draft may check quiz answers (issue 9, item 17)."""

import json
import uuid

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.factories import LessonPageFactory, quiz_block
from courses.permissions import page_previewable, page_visible
from courses.services import h5p_package_import
from tests.conftest import publish, quiz_id
from tests.courses.h5p_helpers import GREETING
from tests.trainees.learning.test_xapi import statement
from trainees.models import ActivityStatement, LessonProgress, QuizAnswer, Role

pytestmark = pytest.mark.django_db
EVENTS = "/api/progress/events/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def trainers_only(course_tree):
    """The quiz lesson, restricted to the Trainers group."""
    lesson = course_tree["lessons"][1]
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Trainers")])
    return lesson


def answer(client, lesson, choices=(0, 1), **extra):
    event = {
        "uuid": str(uuid.uuid4()),
        "type": "answer",
        "lesson": lesson.pk,
        "block": quiz_id(lesson),
        "choices": list(choices),
        **extra,
    }
    response = client.post(
        EVENTS, json.dumps({"lang": "en", "events": [event]}), "application/json"
    )
    return response.json()["results"][0]


def test_a_lesson_restricted_to_a_group_grades_and_records_nothing_for_others(
    client, trainers_only, learner, trainer_a
):
    for who in (None, learner):
        if who:
            client.force_login(who)
        result = answer(client, trainers_only)
        assert result["ok"] is False and result["correct"] is None and result["feedback"] == []
        assert "cannot see this lesson" in result["error"]
        completed = client.post(
            EVENTS,
            json.dumps(
                {
                    "events": [
                        {"uuid": str(uuid.uuid4()), "type": "completed", "lesson": trainers_only.pk}
                    ]
                }
            ),
            "application/json",
        ).json()["results"][0]
        assert completed["ok"] is False
    # The no-JavaScript forms ask the same rule.
    client.post(
        "/api/progress/answer/",
        {"lesson": trainers_only.pk, "block": quiz_id(trainers_only), "choice": ["0", "1"]},
    )
    client.post("/api/progress/complete/", {"lesson": trainers_only.pk})
    assert not QuizAnswer.objects.exists() and not LessonProgress.objects.exists()

    client.force_login(trainer_a)  # in the group
    result = answer(client, trainers_only)
    assert result["ok"] and result["correct"] is True and result["recorded"]
    assert QuizAnswer.objects.filter(person__user=trainer_a).count() == 1


def test_the_rule_is_wagtails_accept_request_for_login_groups_and_password(
    course_tree, learner, trainer_a
):
    lesson = course_tree["lessons"][0]
    factory = RequestFactory()

    def request_as(user, session=None):
        request = factory.get("/")
        request.user = user
        request.session = session if session is not None else {}
        return request

    from django.contrib.auth.models import AnonymousUser

    assert page_visible(request_as(AnonymousUser()), lesson)
    login = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.LOGIN
    )
    assert not page_visible(request_as(AnonymousUser()), lesson)
    assert page_visible(request_as(learner), lesson)
    login.delete()
    password = PageViewRestriction.objects.create(
        page=course_tree["course"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )  # on the course: it covers every lesson under it
    assert not page_visible(request_as(trainer_a), lesson)
    session = {password.passed_view_restrictions_session_key: [password.pk]}
    assert page_visible(request_as(learner, session), lesson)
    lesson.unpublish()
    lesson.refresh_from_db()
    assert not page_visible(request_as(learner, session), lesson)


@pytest.fixture
def password_activity(course_tree):
    with open(GREETING, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Luyện tập",
        slug="luyen-tap",
        body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": ""}}],
    )
    publish(lesson)
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="hoc-so"
    )
    iri = f"http://testserver/h5p/activity/{package.pk}/{lesson.pk}/{lesson.body[0].id}"
    return {"package": package, "lesson": lesson, "iri": iri, "restriction": restriction}


def test_a_password_lesson_opens_its_h5p_files_and_xapi_once_the_password_is_entered(
    client, learner, password_activity
):
    """xAPI used to refuse every password-protected lesson, even for a learner who had
    entered the password; content files followed a partial rule."""
    client.force_login(learner)
    file_url = f"{password_activity['package'].content_url()}/earth.jpg"
    data = statement(password_activity["iri"], verb="completed")
    url = "/vi/activity/statements/"
    body = json.dumps({"statement": data})
    assert client.get(file_url).status_code == 404
    assert client.post(url, body, content_type="application/json").status_code == 422

    restriction, lesson = password_activity["restriction"], password_activity["lesson"]
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, lesson.pk]),
        {"password": "hoc-so", "return_url": lesson.url},
    )
    assert client.get(file_url).status_code == 200
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert ActivityStatement.objects.filter(person__user=learner).count() == 1


def test_h5p_files_of_a_group_lesson_are_for_the_group_only(
    client, course_tree, learner, trainer_a
):
    with open(GREETING, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        slug="nhom",
        body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": ""}}],
    )
    publish(lesson)
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Trainers")])
    url = f"{package.content_url()}/earth.jpg"
    assert client.get(url).status_code == 404
    client.force_login(learner)
    assert client.get(url).status_code == 404
    client.force_login(trainer_a)
    assert client.get(url).status_code == 200


# --- Editors previewing a draft (issue 9, item 17) -----------------------------------------


@pytest.fixture
def draft_quiz(course_tree):
    """A live lesson whose latest draft adds a new question."""
    lesson = course_tree["lessons"][0]
    lesson.body = [
        *lesson.body.raw_data,
        quiz_block(
            "Mã OTP có nên cho người lạ không?",
            [("Có", False, "Không bao giờ."), ("Không", True, "Đúng.")],
        ),
    ]
    lesson.save_revision()
    draft = lesson.get_latest_revision_as_object()
    new_block = [c.id for c in draft.body if c.block_type == "quiz"][-1]
    lesson.refresh_from_db()
    assert new_block not in {c.id for c in lesson.body}  # only in the draft
    return lesson, new_block


def test_an_editor_previewing_a_draft_checks_answers_and_nothing_is_recorded(
    client, draft_quiz, make_user, learner
):
    lesson, block = draft_quiz
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000201")
    event = {
        "uuid": str(uuid.uuid4()),
        "type": "answer",
        "lesson": lesson.pk,
        "block": block,
        "choices": [1],
        "preview": True,
    }
    client.force_login(editor)
    result = client.post(
        EVENTS, json.dumps({"lang": "en", "events": [event]}), "application/json"
    ).json()["results"][0]
    assert result["ok"] and result["correct"] is True and result["feedback"] == ["Đúng."]
    assert not result["recorded"] and not QuizAnswer.objects.exists()
    # The admin preview of the draft carries the flag for the script and the no-JS form.
    preview = lesson.get_latest_revision_as_object().make_preview_request()
    html = preview.render().content.decode() if hasattr(preview, "render") else ""
    html = html or preview.content.decode()
    assert 'data-preview="1"' in html and 'name="preview" value="1"' in html
    assert 'data-preview="1"' not in client.get(lesson.url).content.decode()

    # A learner cannot use a draft's questions, flagged or not.
    client.force_login(learner)
    result = client.post(
        EVENTS, json.dumps({"lang": "en", "events": [event]}), "application/json"
    ).json()["results"][0]
    assert result["ok"] is False and result["correct"] is None
    request = RequestFactory().get("/")
    request.user = learner
    assert not page_previewable(request, lesson)
