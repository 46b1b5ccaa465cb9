"""The xAPI endpoint: statements stored once, scores checked, only visible activities, and the
best score feeding the lesson's score and the course's completion."""

import json
import uuid

import pytest
from django.test import Client

from courses.factories import LessonPageFactory
from courses.services import h5p_package_import
from tests.conftest import publish
from tests.courses.h5p_helpers import GREETING, TRUEFALSE
from trainees.models import ActivityStatement, ActivitySummary, CourseProgress, LessonProgress

pytestmark = pytest.mark.django_db
URL = "/vi/activity/statements/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def activity(course_tree):  # noqa: F811
    with open(TRUEFALSE, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    lesson = LessonPageFactory(
        parent=course_tree["course"],
        title="Luyện tập",
        slug="luyen-tap",
        body=[{"type": "h5p", "value": {"activity": package.pk, "instruction": ""}}],
    )
    publish(lesson)
    block_id = lesson.body[0].id
    iri = f"http://testserver/h5p/activity/{package.pk}/{lesson.pk}/{block_id}"
    return {"package": package, "lesson": lesson, "iri": iri, "course": course_tree["course"]}


def statement(iri, verb="answered", raw=1, max_=1, scaled=None, **extra):
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"name": "x"},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": iri, "objectType": "Activity"},
        "result": {
            "score": {
                "min": 0,
                "raw": raw,
                "max": max_,
                "scaled": raw / max_ if scaled is None else scaled,
            },
            "completion": True,
            "success": raw == max_,
        },
    }
    data.update(extra)
    return data


def post(client, data, url=URL):
    return client.post(url, json.dumps({"statement": data}), content_type="application/json")


def test_answer_is_recorded_once_and_becomes_the_best_score(client, learner, activity):
    client.force_login(learner)
    first = statement(activity["iri"], raw=0)
    response = post(client, first)
    assert response.status_code == 200, response.content
    assert response.json()["score"] == "0/1"
    right = statement(activity["iri"], raw=1)
    assert post(client, right).json()["score"] == "1/1"
    again = post(client, right).json()  # the same statement resent after a lost reply
    assert again["duplicate"] is True and again["score"] == "1/1"
    assert ActivityStatement.objects.count() == 2
    summary = ActivitySummary.objects.get(person__user=learner)
    assert (summary.best_raw, summary.best_max, summary.completed, summary.passed) == (
        1,
        1,
        True,
        True,
    )
    assert summary.attempts == 2
    # The lesson's only scored block is the activity: 100 %, and it feeds course completion.
    progress = LessonProgress.objects.get(
        person__user=learner, lesson_key=activity["lesson"].translation_key
    )
    assert progress.best_score == 100
    assert CourseProgress.objects.filter(person__user=learner).exists()


def test_partial_scores_count_as_a_share_of_the_lesson(client, learner, activity):
    client.force_login(learner)
    assert post(client, statement(activity["iri"], raw=2, max_=3)).status_code == 200
    progress = LessonProgress.objects.get(
        person__user=learner, lesson_key=activity["lesson"].translation_key
    )
    assert progress.best_score == 67


@pytest.mark.parametrize(
    ("raw", "max_", "scaled"),
    [(2, 1, None), (-1, 1, None), (1, 0, 0), (1, 2, 0.9), ("1", 1, 1)],
)
def test_inconsistent_scores_are_refused(client, learner, activity, raw, max_, scaled):
    client.force_login(learner)
    data = statement(activity["iri"], raw=1, max_=1)
    data["result"]["score"] = {
        "raw": raw,
        "max": max_,
        **({"scaled": scaled} if scaled is not None else {}),
    }
    response = post(client, data, url="/en/activity/statements/")
    assert response.status_code == 422
    assert "not consistent" in response.json()["error"]
    assert "không hợp lệ" in post(client, data).json()["error"]  # the learner's language
    assert not ActivityStatement.objects.exists()


def test_statements_about_activities_the_learner_cannot_see_are_refused(client, learner, activity):
    client.force_login(learner)
    with open(GREETING, "rb") as fh:
        hidden = h5p_package_import(fileobj=fh)  # on no lesson
    response = post(client, statement(f"http://testserver/h5p/activity/{hidden.pk}"))
    assert response.status_code == 422
    # A real package but in a lesson that does not hold it.
    wrong = f"http://testserver/h5p/activity/{hidden.pk}/{activity['lesson'].pk}/{activity['lesson'].body[0].id}"
    assert post(client, statement(wrong)).status_code == 422
    assert post(client, statement("https://evil.example/other")).status_code == 422
    assert not ActivityStatement.objects.exists()


def test_questions_inside_an_activity_are_kept_but_do_not_score(client, learner, activity):
    client.force_login(learner)
    data = statement(activity["iri"] + "?subContentId=abc", raw=0)
    assert post(client, data).status_code == 200
    assert ActivityStatement.objects.get().top_level is False
    assert not ActivitySummary.objects.exists()


def test_anonymous_and_csrf(learner, activity):
    anonymous = Client(enforce_csrf_checks=True)
    assert post(anonymous, statement(activity["iri"])).status_code == 403
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(learner)
    assert post(signed_in, statement(activity["iri"])).status_code == 403  # no CSRF token
    signed_in.get("/api/me/")  # the one JSON call of public pages sets the cookie
    token = signed_in.cookies["csrftoken"].value
    response = signed_in.post(
        URL,
        json.dumps({"statement": statement(activity["iri"])}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200


def test_the_lesson_shows_the_learners_best_score_through_the_trainees_hook(
    client, learner, activity
):
    # courses renders the activity; trainees gives the score to /api/me/ through a hook
    # (courses may not import it), and the page's script shows it under the activity.
    course, lesson = activity["course"], activity["lesson"]
    url = f"/vi/khoa-hoc/{course.slug}/{lesson.slug}/"
    package = str(activity["package"].pk)

    def scores():
        return client.get("/api/me/", {"lang": "vi", "page": lesson.pk}).json()["scores"]

    client.force_login(learner)
    assert f'data-package="{package}"' in client.get(url).content.decode()
    assert scores() == {}
    post(client, statement(activity["iri"], raw=1))
    assert scores() == {package: "Điểm cao nhất của bạn: 1/1"}
    assert "Điểm cao nhất của bạn: 1/1" not in client.get(url).content.decode()  # public page
    client.logout()
    assert scores() == {}
