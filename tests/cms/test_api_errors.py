"""The API's refusals in the user's language: a request that does not fit an operation gets
422 with each error's `type` and `loc` (as the OpenAPI schema says) and a `msg` that names
the field in the language the site's pages use for that person; nothing is recorded."""

import json
import uuid

import pytest
from django.test import Client

from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import Attendance, AttendanceChange, LessonEvent, LessonProgress, Person

pytestmark = pytest.mark.django_db

SYNC = "/api/attendance/sync"
LANGUAGE_COOKIE = "django_language"


@pytest.fixture
def session_a(commune_a, village_a):
    return TrainingSessionFactory(commune=commune_a, village=village_a)


def bad_roll_call(session, person) -> dict:
    """A phone's batch with a good registration, a good mark and a mark whose status is not one."""
    return {
        "registrations": [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session.uuid),
                "full_name": "Giàng A Páo",
                "consent": True,
            }
        ],
        "marks": [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session.uuid),
                "person_id": person.pk,
                "status": "present",
                "recorded_at": "2026-11-20T08:00:00+07:00",
            },
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session.uuid),
                "person_id": person.pk,
                "status": "sleeping",
                "recorded_at": "2026-11-20T08:01:00+07:00",
            },
        ],
    }


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("vi", "Lượt điểm danh số 2 › trạng thái: phải là một trong: present, "),
        ("en", "Mark 2 › status: must be one of: present, "),
        ("hmn", "Kev hu npe 2 › xwm txheej: yuav tsum yog ib qho ntawm: present, "),
    ],
)
def test_a_bad_roll_call_is_refused_in_the_trainers_language_and_changes_nothing(
    client, trainer_a, session_a, language, says
):
    person = PersonFactory(commune=session_a.commune, village=session_a.village)
    people = Person.objects.count()
    client.force_login(trainer_a)
    # The language the roll-call page set (cms.middleware.remember_language).
    client.cookies[LANGUAGE_COOKIE] = language
    body = bad_roll_call(session_a, person)
    response = client.post(SYNC, json.dumps(body), "application/json")
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["type"] == "literal_error"
    assert error["loc"] == ["body", "payload", "marks", 1, "status"]
    assert error["msg"].startswith(says), error["msg"]
    assert "Input should be" not in response.content.decode()
    assert not Attendance.objects.exists() and not AttendanceChange.objects.exists()
    assert Person.objects.count() == people


def test_every_error_of_a_batch_names_its_field(client, trainer_a, session_a):
    client.force_login(trainer_a)
    client.cookies[LANGUAGE_COOKIE] = "vi"
    body = {
        "registrations": [{"uuid": "abc", "session": str(session_a.uuid), "birth_year": "x"}],
        "marks": "none",
    }
    response = client.post(SYNC, json.dumps(body), "application/json")
    assert response.status_code == 422
    said = {tuple(e["loc"][2:]): e["msg"] for e in response.json()["detail"]}
    assert said == {
        ("registrations", 0, "uuid"): "Người đăng ký mới số 1 › mã bản ghi: "
        "phải là mã do điện thoại tạo ra (UUID).",
        ("registrations", 0, "full_name"): "Người đăng ký mới số 1 › họ và tên: bắt buộc phải có.",
        ("registrations", 0, "consent"): "Người đăng ký mới số 1 › đồng ý cho ghi tên: "
        "bắt buộc phải có.",
        ("registrations", 0, "birth_year"): "Người đăng ký mới số 1 › năm sinh: "
        "phải là một số nguyên.",
        ("marks",): "Lượt điểm danh: phải là một danh sách.",
    }
    assert not Person.objects.exists()


def test_without_a_language_cookie_the_browsers_language_is_used(trainer_a, session_a):
    phone = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    phone.force_login(trainer_a)
    response = phone.post(SYNC, json.dumps([1, 2]), "application/json")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "model_type",
            "loc": ["body", "payload"],
            "msg": "The data sent: must be a group of named values (a JSON object).",
        }
    ]


def test_the_address_and_an_unreadable_body_are_refused_in_the_users_language(
    client, trainer_a, learner
):
    client.force_login(trainer_a)
    client.cookies[LANGUAGE_COOKIE] = "hmn"
    response = client.get("/api/attendance/sessions/not-a-uuid/roster")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "Rooj kawm: yuav tsum yog tus lej cim uas lub xov tooj ua (UUID)."
    )
    response = client.post(SYNC, "{not json", "application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Nyeem tsis tau cov ntaub ntawv xa tuaj."}
    # The personal call names its page's language itself.
    client.force_login(learner)
    response = client.get("/api/me/", {"page": "home", "lang": "vi"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Trang: phải là một số nguyên."


def test_not_signed_in_and_no_csrf_token_are_said_in_the_users_language(trainer_a):
    phone = Client(enforce_csrf_checks=True)
    phone.cookies[LANGUAGE_COOKIE] = "vi"
    response = phone.get("/api/attendance/sessions/00000000-0000-0000-0000-000000000000/roster")
    assert (response.status_code, response.json()) == (
        401,
        {"detail": "Hãy đăng nhập để tiếp tục."},
    )
    phone.force_login(trainer_a)
    response = phone.post(SYNC, "{}", "application/json")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Bạn không được làm việc này. Hãy tải lại trang rồi thử lại."
    }


def test_the_schema_documents_the_answer(client):
    schema = client.get("/api/openapi.json").json()
    answer = schema["paths"][SYNC]["post"]["responses"]["422"]
    assert answer["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ValidationErrors"
    }
    item = schema["components"]["schemas"]["ValidationErrors"]["properties"]["detail"]["items"]
    assert set(item["properties"]) == {"type", "loc", "msg"}


def test_a_bad_progress_event_is_refused_in_the_learners_language(client, learner, course_tree):
    # Not django-ninja: the progress endpoints answer in the page's `lang`, else the cookie.
    client.force_login(learner)
    client.cookies[LANGUAGE_COOKIE] = "hmn"  # set by the H'Mông pages' call to /api/me/
    lesson = course_tree["lessons"][0]
    event = {"uuid": str(uuid.uuid4()), "type": "opened", "lesson": lesson.pk}
    for body in ({"lang": "hmn", "events": [event]}, {"events": [event]}):
        response = client.post("/api/progress/events/", json.dumps(body), "application/json")
        assert response.status_code == 400
        assert response.json()["results"][0]["error"] == "Tsis paub hom ntaub ntawv no."
    response = client.post("/api/progress/events/", '{"events": 1}', "application/json")
    assert response.json() == {"error": "Nyeem tsis tau cov ntaub ntawv xa tuaj."}
    assert not LessonEvent.objects.exists() and not LessonProgress.objects.exists()
