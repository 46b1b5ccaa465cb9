"""Privacy (issue 12, Personal Data Protection Law): a coordinator in scope exports a
person's data as JSON and erases it on request, while coverage counts and certificate
serials stay right; bulk views, exports and erasures are in an audit log administrators
read in the admin; raw logs are pruned after their retention by a daily beat task."""

import datetime as dt
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from certificates import services as certificates
from certificates.models import Certificate
from courses.services import h5p_package_import
from coverage.periods import PeriodKind, period_of
from tests.courses.h5p_helpers import GREETING
from tests.coverage.conftest import make_session, mark, person
from tests.coverage.test_services import figures
from trainees.factories import PersonFactory, UserFactory
from trainees.models import (
    ActivityStatement,
    Attendance,
    AttendanceChange,
    AuditEntry,
    Person,
    Role,
    User,
)
from trainees.people import privacy
from trainees.tasks import raw_logs_prune

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 3)
MARCH = period_of(PeriodKind.MONTH, DAY)


@pytest.fixture
def coordinator(make_user, commune_a):
    return make_user(Role.COMMUNE_COORDINATOR, communes=[commune_a], phone="0911000300")


@pytest.fixture
def world(coordinator, commune_a, village_a, settings, tmp_path):
    """Giàng A Páo (with an account) trained with a neighbour of his household, certified."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    storage = Certificate._meta.get_field("pdf").storage
    storage._location = str(tmp_path)
    storage.__dict__.pop("base_location", None)
    storage.__dict__.pop("location", None)
    session = make_session(coordinator, commune_a, DAY, village=village_a)
    account = UserFactory(phone="0987000111")
    pao = person(commune_a, village_a, household="12", full_name="Giàng A Páo", user=account)
    pao.phone, pao.birth_year, pao.notes = "0987000111", 1970, "Nhà gần trường"
    pao.save()
    neighbour = person(commune_a, village_a, household="12", full_name="Giàng Thị Dua")
    other = person(commune_a, village_a, household="7", full_name="Vàng A Chử")
    for p in (pao, neighbour, other):
        mark(coordinator, session, p)
    certificate = certificates.certificate_issue(
        person=pao, achievement=certificates.session_achievement(session=session)
    )
    certificates.certificate_render_pdf(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    return {"session": session, "pao": pao, "account": account, "certificate": certificate}


def test_a_coordinator_downloads_a_persons_data_as_json(client, coordinator, world):
    client.force_login(coordinator)
    pao = world["pao"]
    response = client.get(f"/vi/people/{pao.pk}/data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["person"]["full_name"] == "Giàng A Páo"
    assert data["person"]["phone"] == "+84987000111" and data["person"]["birth_year"] == 1970
    assert [a["status"] for a in data["attendance"]] == ["present"]
    assert data["attendance"][0]["session"] == world["session"].title
    assert [c["serial"] for c in data["certificates"]] == [world["certificate"].serial]
    assert {"lesson_progress", "course_progress", "activity_results", "quiz_answers"} <= set(data)
    entry = AuditEntry.objects.get(action="export")
    assert entry.user == coordinator and f"#{pao.pk}" in entry.what


def test_only_coordinators_in_scope_reach_a_persons_data(client, world, make_user, commune_b):
    pao = world["pao"]
    outsiders = [
        make_user(Role.TRAINER, communes=[pao.commune], phone="0911000301"),
        make_user(Role.COMMUNE_COORDINATOR, communes=[commune_b], phone="0911000302"),
        make_user(Role.LEARNER, phone="0911000303"),
    ]
    for user in outsiders:
        client.force_login(user)
        for url in (f"/vi/people/{pao.pk}/data.json", f"/vi/people/{pao.pk}/privacy/"):
            assert client.get(url).status_code in (403, 404), (user.role, url)
        response = client.post(f"/vi/people/{pao.pk}/privacy/", {"reason": "x", "confirm": "on"})
        assert response.status_code in (403, 404)
    assert Person.objects.get(pk=pao.pk).full_name == "Giàng A Páo"
    assert not AuditEntry.objects.exists()


def test_erasure_keeps_coverage_counts_and_serials_and_revokes_the_certificate(
    client, coordinator, world, commune_a, django_capture_on_commit_callbacks
):
    pao, certificate = world["pao"], world["certificate"]
    pdf_name = certificate.pdf.name
    storage = certificate.pdf.storage
    assert storage.exists(pdf_name)
    before = figures(commune_a, MARCH)
    assert before["people_trained"] == 3 and before["households_reached"] == 2

    client.force_login(coordinator)
    found = client.get("/vi/people/privacy/", {"q": "giang a pao"}).content.decode()
    assert f"/vi/people/{pao.pk}/privacy/" in found
    refused = client.post(f"/vi/people/{pao.pk}/privacy/", {"reason": "Người dân yêu cầu"})
    assert refused.status_code == 200 and Person.objects.get(pk=pao.pk).erased_at is None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/vi/people/{pao.pk}/privacy/",
            {"reason": "Người dân yêu cầu ngày 5/12", "confirm": "on"},
        )
    assert response.status_code == 302

    erased = Person.objects.get(pk=pao.pk)
    assert erased.erased_at is not None
    assert (erased.full_name, erased.phone, erased.notes, erased.birth_year) == ("", "", "", None)
    assert erased.user is None and not User.objects.filter(pk=world["account"].pk).exists()
    assert not AttendanceChange.objects.filter(person=erased).exists()
    assert Attendance.objects.filter(person=erased).count() == 1
    # Coverage: the same people trained and households reached.
    assert figures(commune_a, MARCH) == before
    # The certificate: same serial, revoked with the reason, nameless, its PDF gone.
    certificate.refresh_from_db()
    assert certificate.serial == world["certificate"].serial
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Người dân yêu cầu ngày 5/12"
    assert certificate.recipient_name == "" and not storage.exists(pdf_name)
    verify = client.get(f"/vi/certificates/verify/{certificate.code}").content.decode()
    assert "Giàng A Páo" not in verify
    revocations = client.get("/certificates/revocations.json").json()
    assert certificate.serial in revocations["revoked"]
    # The page search no longer finds the name, and the log says who erased it and why.
    found = client.get("/vi/people/privacy/", {"q": "giang a pao"}).content.decode()
    assert f"/vi/people/{pao.pk}/privacy/" not in found
    entry = AuditEntry.objects.get(action="erase")
    assert entry.user == coordinator and "Người dân yêu cầu" in entry.what


def test_a_staff_account_is_not_erased_with_the_data(coordinator, world, make_user, commune_a):
    trainer = make_user(Role.TRAINER, communes=[commune_a], phone="0911000304")
    record = PersonFactory(commune=commune_a, user=trainer, full_name="Tập Huấn Viên")
    with pytest.raises(ValidationError, match="Quản trị viên cần gỡ tài khoản"):
        privacy.person_erase(by=coordinator, person=record, reason="asked")
    assert Person.objects.get(pk=record.pk).full_name == "Tập Huấn Viên"


def test_bulk_views_and_exports_are_logged_for_administrators_in_the_admin(
    client, coordinator, world, make_user
):
    session = world["session"]
    client.force_login(coordinator)
    assert client.get(f"/vi/sessions/{session.uuid}/attendance.csv").status_code == 200
    assert client.get(f"/api/attendance/sessions/{session.uuid}/roster").status_code == 200
    assert client.get(f"/api/attendance/sessions/{session.uuid}/roster").status_code == 200
    entries = list(AuditEntry.objects.order_by("at").values_list("action", "what"))
    assert entries == [
        ("export", f"/vi/sessions/{session.uuid}/attendance.csv"),
        ("view", f"/api/attendance/sessions/{session.uuid}/roster"),
    ]  # the roster fetched again within minutes is one look

    admin = make_user(Role.ADMINISTRATOR, phone="0911000305")
    client.force_login(admin)
    page = client.get("/admin/audit_log/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert f"/vi/sessions/{session.uuid}/attendance.csv" in page.content.decode()
    # Nobody edits the log, not even an administrator.
    assert client.get("/admin/audit_log/new/").status_code in (302, 403)
    entry = AuditEntry.objects.first()
    assert client.get(f"/admin/audit_log/edit/{entry.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/audit_log/delete/{entry.pk}/").status_code in (302, 403)
    assert AuditEntry.objects.count() == 2
    editor = make_user(Role.CONTENT_EDITOR, phone="0911000306")
    client.force_login(editor)
    assert client.get("/admin/audit_log/").status_code in (302, 403)


def test_raw_logs_are_pruned_after_their_retention_by_a_daily_task(world, settings, tmp_path):
    settings.RAW_LOG_RETENTION_DAYS = 30
    settings.MEDIA_ROOT = str(tmp_path / "media")
    pao = world["pao"]
    old = timezone.now() - dt.timedelta(days=31)
    with open(GREETING, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    for _ in range(2):
        ActivityStatement.objects.create(
            person=pao,
            package=package,
            verb="http://adlnet.gov/expapi/verbs/answered",
            top_level=True,
            statement={"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}},
            timestamp=old,
            statement_id=uuid.uuid4(),
        )
    ActivityStatement.objects.filter(pk=ActivityStatement.objects.first().pk).update(
        received_at=old
    )
    changes = AttendanceChange.objects.filter(person=pao)
    assert changes.count() == 1
    changes.update(received_at=old)
    AuditEntry.objects.create(user_label="x", action="view", what="/old", at=old)
    AuditEntry.objects.filter(what="/old").update(at=old - dt.timedelta(days=800))
    recent = AttendanceChange.objects.exclude(person=pao).count()

    deleted = raw_logs_prune.delay().get()
    assert deleted["attendance_changes"] == 1 and deleted["audit_entries"] == 1
    assert not AttendanceChange.objects.filter(person=pao).exists()
    assert AttendanceChange.objects.count() == recent  # newer history stays
    assert Attendance.objects.filter(person=pao).exists()  # the marks themselves stay
    assert deleted["xapi_statements"] == 1 and ActivityStatement.objects.count() == 1
    schedule = PeriodicTask.objects.get(task="trainees.tasks.raw_logs_prune")
    assert schedule.enabled and schedule.crontab.hour == "3"
