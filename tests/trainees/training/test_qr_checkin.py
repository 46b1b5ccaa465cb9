"""QR self check-in: signed, time-limited, bound to one session; safe under a crowd."""

import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.core import signing
from django.db import connection, connections

from trainees.factories import PersonFactory, TrainingSessionFactory, UserFactory
from trainees.models import Attendance, AttendanceChange, Person, User
from trainees.training import services


@pytest.fixture
def session_a(commune_a, village_a):
    return TrainingSessionFactory(commune=commune_a, village=village_a)


def scan(client, session, token):
    return client.get(f"/vi/checkin/{session.uuid}/", {"t": token})


@pytest.mark.django_db
def test_a_learner_scans_registers_and_is_present(client, session_a, village_a):
    response = scan(client, session_a, services.checkin_token_make(session_a))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Đăng ký" in page.content.decode() or page.status_code == 200
    response = client.post(
        f"/vi/checkin/{session_a.uuid}/",
        {
            "reg-full_name": "Lò Thị Mai",
            "reg-phone": "0987 654 321",
            "reg-password": "hoc-so-2026",
            "reg-birth_year": "1995",
            "reg-village": village_a.pk,
            "reg-consent": "on",
        },
    )
    assert response.status_code == 200
    person = Person.objects.get(full_name="Lò Thị Mai")
    assert person.user.phone == "+84987654321"
    attendance = Attendance.objects.get(session=session_a, person=person)
    assert (attendance.status, attendance.method) == ("present", "qr")
    assert "có mặt" in response.content.decode()


@pytest.mark.django_db
def test_a_logged_in_learner_with_a_record_taps_once(client, session_a, commune_a, learner):
    PersonFactory(commune=commune_a, user=learner, full_name="Vàng A Páo")
    client.force_login(learner)
    scan(client, session_a, services.checkin_token_make(session_a))
    client.post(f"/vi/checkin/{session_a.uuid}/")
    client.post(f"/vi/checkin/{session_a.uuid}/")  # a double tap stays one attendance
    assert Attendance.objects.filter(session=session_a, status="present").count() == 1


@pytest.mark.django_db
def test_expired_forged_and_other_session_codes_are_refused(client, session_a, commune_a):
    token = services.checkin_token_make(session_a)
    later = time.time() + services.CHECKIN_TOKEN_MAX_AGE + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = scan(client, session_a, token)
    assert response.status_code == 403
    assert "hết hạn" in response.content.decode()  # "expired"

    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = scan(client, session_a, forged)
    assert response.status_code == 403
    assert "không hợp lệ" in response.content.decode()  # "not valid"
    unsigned = signing.TimestampSigner(salt="something-else").sign(str(session_a.pk))
    assert scan(client, session_a, unsigned).status_code == 403

    other = TrainingSessionFactory(commune=commune_a)
    response = scan(client, session_a, services.checkin_token_make(other))
    assert response.status_code == 403
    assert "phiên khác" in response.content.decode()  # "another session"

    # Without a valid scan, the check-in page refuses to mark anyone.
    response = client.post(f"/vi/checkin/{session_a.uuid}/", {"reg-full_name": "X"})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_the_trainer_can_close_check_in(client, trainer_a, session_a):
    client.force_login(trainer_a)
    svg = client.get(f"/vi/sessions/{session_a.uuid}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    client.post(f"/vi/sessions/{session_a.uuid}/", {"action": "close_checkin"})
    session_a.refresh_from_db()
    assert not session_a.checkin_open
    assert client.get(f"/vi/sessions/{session_a.uuid}/qr.svg").status_code == 403
    client.logout()
    response = scan(client, session_a, services.checkin_token_make(session_a))
    assert response.status_code == 403
    assert "đã đóng" in response.content.decode()  # "closed"


CROWD = 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_concurrent_check_ins_record_200_attendances(commune_a, village_a):
    """On PostgreSQL, 200 check-ins from 16 threads at once; on SQLite (one writer), in turn."""
    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    users = [UserFactory(phone=f"+8497{n:07d}") for n in range(CROWD)]
    people = [
        PersonFactory(commune=commune_a, village=village_a, user=u, full_name=f"Người {n}")
        for n, u in enumerate(users)
    ]
    token = services.checkin_token_make(session)

    def check_in(index):
        try:
            fresh = type(session).objects.get(pk=session.pk)
            services.checkin_token_check(fresh, token)
            services.checkin_self(user=users[index], session=fresh, person=people[index])
        finally:
            connections.close_all()

    if connection.vendor == "postgresql":
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(check_in, range(CROWD)))  # re-raises any error
    else:
        for index in range(CROWD):
            services.checkin_self(user=users[index], session=session, person=people[index])

    assert Attendance.objects.filter(session=session, status="present").count() == CROWD
    assert AttendanceChange.objects.filter(session=session).count() == CROWD
    assert User.objects.count() == CROWD
