"""Issue 8, hole 7: hostile input gets a clear 4xx (JSON under /api/), never a 500, and changes
nothing; inside a batch a bad record is refused alone. Phones with a wrong clock lose nothing."""

import datetime as dt
import io
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.conftest import quiz_id
from tests.trainees.learning.test_xapi import activity, media, statement  # noqa: F401
from trainees.factories import PersonFactory, TrainingSessionFactory
from trainees.models import ActivityStatement, Attendance, AttendanceChange, Person, QuizAnswer
from trainees.training import services

pytestmark = pytest.mark.django_db
SYNC = "/api/attendance/sync"
EVENTS = "/api/progress/events/"
XAPI = "/vi/activity/statements/"


@pytest.fixture
def session_a(commune_a, village_a):
    return TrainingSessionFactory(commune=commune_a, village=village_a)


def registration(session, **fields):
    return {
        "uuid": str(uuid.uuid4()),
        "session": str(session.uuid),
        "full_name": "Lò Văn Pọ",
        "consent": True,
        **fields,
    }


def test_a_10_mb_body_gets_a_json_413_under_api(client, trainer_a):
    client.force_login(trainer_a)
    big = b'{"marks": [' + b" " * (10 * 1024 * 1024) + b"]}"
    for url, content_type in (
        (SYNC, "application/json"),
        (EVENTS, "application/json"),
        (EVENTS, "application/x-www-form-urlencoded"),
    ):
        response = client.generic("POST", url, big, content_type=content_type)
        assert response.status_code == 413, url
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"]


def test_api_refusals_made_by_django_itself_are_json(client, trainer_a):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(trainer_a)
    response = strict.post(EVENTS, "{}", "application/json")  # no CSRF token
    assert response.status_code == 403 and "detail" in response.json()
    response = client.get(EVENTS)  # wrong method
    assert response.status_code == 405 and "detail" in response.json()


def test_unreadable_bodies_are_4xx_never_500(client, learner, trainer_a):
    deep = "[" * 5000 + "]" * 5000
    client.force_login(trainer_a)
    assert client.post(SYNC, deep, "application/json").status_code == 400
    assert client.post(SYNC, b"\xff\xfe", "application/json").status_code == 400
    client.force_login(learner)
    response = client.post(EVENTS, deep, "application/json")
    assert response.status_code == 400 and "error" in response.json()
    response = client.post(XAPI, '{"statement": ' + deep + "}", "application/json")
    assert response.status_code == 422 and response.json()["ok"] is False


def test_nul_and_lone_surrogates_in_a_sync_batch_are_refused_one_by_one(
    client, trainer_a, session_a
):
    client.force_login(trainer_a)
    good = registration(session_a)
    body = {
        "registrations": [
            registration(session_a, full_name="Lò\x00Văn"),
            registration(session_a, household="12\x00"),
            registration(session_a, full_name="\ud800 Giàng"),
            good,
        ]
    }
    response = client.post(SYNC, json.dumps(body), "application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert [e["index"] for e in data["errors"]] == [0, 1, 2]
    assert "NUL" in data["errors"][0]["message"]
    assert list(data["people"]) == [good["uuid"]]
    assert Person.objects.count() == 1


def test_an_import_cell_with_nul_or_an_overlong_name_is_refused_at_the_preview(
    client, trainer_a, session_a
):
    """The preview applies the import's own rule: what it accepts, the import accepts."""
    client.force_login(trainer_a)
    rows = "full_name,consent\r\nLò\x00Văn,x\r\n" + "A" * 10_000 + ",x\r\nGiàng Thị Mỷ,x\r\n"
    upload = SimpleUploadedFile("roster.csv", rows.encode(), "text/csv")
    response = client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 2" in html and "Dòng 3" in html and "Dòng 4" not in html
    assert "NUL" in html
    # Forcing the confirm step imports nothing either.
    assert client.post(f"/vi/sessions/{session_a.uuid}/import/", {"confirm": "1"}).status_code
    assert not Person.objects.exists()


def test_commune_search_with_nul_says_what_is_wrong(client, trainer_a):
    client.force_login(trainer_a)
    response = client.get("/vi/communes/", {"q": "Bát\x00"})
    assert response.status_code == 200
    assert "NUL" in response.content.decode()


def test_xapi_statements_with_nul_surrogates_or_bad_numbers_are_refused(
    client,
    learner,
    activity,  # noqa: F811 - the fixture imported above
):
    """Each would be stored in a jsonb column that refuses it (a 500 on PostgreSQL)."""
    client.force_login(learner)
    for bad in ("x\x00", "\udc00", float("nan")):
        data = statement(activity["iri"], context={"extensions": {"http://x/": bad}})
        response = client.post(XAPI, json.dumps({"statement": data}), "application/json")
        assert response.status_code == 422, bad
    data = statement(activity["iri"].replace("/activity/", "/activity/" + "9" * 40))
    response = client.post(XAPI, json.dumps({"statement": data}), "application/json")
    assert response.status_code == 422
    assert not ActivityStatement.objects.exists()


def test_an_impossible_date_in_progress_events_is_refused_alone(client, course_tree, learner):
    client.force_login(learner)
    lesson = course_tree["lessons"][1]
    events = [
        {
            "uuid": str(uuid.uuid4()),
            "type": "answer",
            "lesson": lesson.pk,
            "block": quiz_id(lesson),
            "choices": [0, 1],
            "at": at,
        }
        for at in ("2026-02-30T25:00:00", "0001-01-01T00:00:00+07:00", "2026-12-01T08:00:00Z")
    ]
    events.append({"uuid": "x", "type": "answer", "lesson": [lesson.pk], "choices": [1e400]})
    response = client.post(EVENTS, json.dumps({"lang": "en", "events": events}), "application/json")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["ok"] for r in results] == [False, True, True, False]
    assert "not a real date" in results[0]["error"]
    # Year 1 is a lost clock: recorded at the time received, not refused.
    answers = QuizAnswer.objects.order_by("answered_at")
    assert answers.count() == 2 and answers.first().answered_at.year >= 2026


def test_a_bad_session_copy_or_assisted_person_is_not_found(client, trainer_a, session_a):
    client.force_login(trainer_a)
    assert client.get("/vi/sessions/new/", {"copy": "not-a-uuid"}).status_code == 404
    assert client.get("/vi/sessions/new/", {"copy": str(session_a.uuid)}).status_code == 200
    for person in ("abc", "99999999999999999999999", ""):
        response = client.post(f"/vi/sessions/{session_a.uuid}/assist/", {"person": person})
        assert response.status_code == 404, person


# --- Phones with a wrong clock -------------------------------------------------------------


def test_marks_from_a_phone_with_a_wrong_clock_are_kept_flagged_and_shown(
    client, trainer_a, session_a, commune_a, village_a
):
    people = [PersonFactory(commune=commune_a, village=village_a) for _ in range(3)]
    now = timezone.now()
    body = {
        "marks": [
            {
                "uuid": str(uuid.uuid4()),
                "session": str(session_a.uuid),
                "person_id": person.pk,
                "status": "present",
                "recorded_at": at,
            }
            for person, at in zip(
                people,
                [
                    "0001-01-01T00:00:00+07:00",  # a phone that lost its clock
                    (now + dt.timedelta(days=1)).isoformat(),  # a day ahead
                    (now - dt.timedelta(minutes=3)).isoformat(),  # fine
                ],
                strict=True,
            )
        ]
    }
    client.force_login(trainer_a)
    response = client.post(SYNC, json.dumps(body), "application/json")
    assert response.status_code == 200, response.content
    assert response.json()["marks_new"] == 3 and response.json()["clock_suspect"] == 2
    flagged = Attendance.objects.filter(session=session_a, clock_suspect=True)
    assert {a.person_id for a in flagged} == {people[0].pk, people[1].pk}
    for attendance in flagged:
        assert abs(attendance.recorded_at - now) < dt.timedelta(minutes=1)
    change = AttendanceChange.objects.get(person=people[0])
    assert change.clock_suspect and change.device_time.startswith("0001-01-01")
    assert not Attendance.objects.get(person=people[2]).clock_suspect

    page = client.get(f"/vi/sessions/{session_a.uuid}/").content.decode()
    assert "clock-flagged" in page
    assert people[0].full_name in page and people[1].full_name in page
    assert "0001-01-01" in page


def test_a_mark_before_the_sessions_day_is_flagged_but_a_later_sane_mark_wins(
    trainer_a, session_a, commune_a, village_a
):
    person = PersonFactory(commune=commune_a, village=village_a)
    day_before = session_a.starts_at - dt.timedelta(days=1)

    def mark(status, at):
        return services.MarkData(
            uuid=uuid.uuid4(),
            session=session_a.uuid,
            person_id=person.pk,
            status=status,
            method="roll_call",
            recorded_at=at,
        )

    first = services.attendance_sync(by=trainer_a, marks=[mark("present", day_before)])
    assert first.clock_suspect == 1
    later = timezone.now() + dt.timedelta(minutes=2)
    services.attendance_sync(by=trainer_a, marks=[mark("late", later)], now=later)
    attendance = Attendance.objects.get(person=person)
    assert (attendance.status, attendance.clock_suspect) == ("late", False)
    assert AttendanceChange.objects.filter(person=person).count() == 2


def test_sign_in_sheet_and_import_marks_use_the_server_clock_and_are_never_flagged(
    client, trainer_a, commune_a, village_a
):
    future = TrainingSessionFactory(
        commune=commune_a, village=village_a, starts_at=timezone.now() + dt.timedelta(days=3)
    )
    client.force_login(trainer_a)
    csv = io.BytesIO("full_name,consent\r\nGiàng Thị Mỷ,x\r\n".encode())
    upload = SimpleUploadedFile("r.csv", csv.getvalue(), "text/csv")
    client.post(f"/vi/sessions/{future.uuid}/import/", {"file": upload})
    # The trainer says they came (a roster typed up early): the server's time is not doubted.
    client.post(f"/vi/sessions/{future.uuid}/import/", {"confirm": "1", "attendance": "present"})
    assert Attendance.objects.filter(session=future, clock_suspect=False).count() == 1


def test_csv_files_the_csv_module_cannot_read_are_refused_with_a_message(
    client, trainer_a, session_a
):
    """Found by the generated-text test: a carriage return inside a cell, a cell bigger than
    the csv module's limit."""
    client.force_login(trainer_a)
    for content in (
        "full_name,consent\r\nLò\rVăn,x\r\n",
        "full_name,consent\r\n" + "A" * 200_000 + ",x\r\n",
    ):
        upload = SimpleUploadedFile("r.csv", content.encode(), "text/csv")
        response = client.post(f"/vi/sessions/{session_a.uuid}/import/", {"file": upload})
        assert response.status_code == 200
        assert "errors" in response.content.decode()
    assert not Person.objects.exists()


def test_a_commune_code_with_a_nul_or_letters_is_not_found(client, trainer_a, commune_a):
    """Found by the hostile sweep: a NUL in the code reached PostgreSQL (a 500)."""
    client.force_login(trainer_a)
    client.raise_request_exception = False
    for code in ("%00", "0268%00", "abc", "-1", "1.5"):
        assert client.get(f"/vi/communes/{code}/").status_code == 404, code
        assert client.get(f"/vi/communes/{code}/attendance.csv").status_code == 404, code
    assert client.get(f"/vi/communes/{commune_a.code}/").status_code == 200
    assert client.get(f"/vi/communes/{commune_a.code}/attendance.csv").status_code == 200
