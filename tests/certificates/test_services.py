"""Issuing once per achievement, serials, replacing, revoking, merging, erasing."""

import unicodedata

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.signals import certificate_changed
from trainees.factories import CommuneFactory, PersonFactory, ProvinceFactory
from trainees.models import TrainingSession

from .conftest import complete_course

pytestmark = pytest.mark.django_db


def test_completing_a_course_issues_one_rendered_certificate(
    course_tree, person_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(person_a, course_tree)
    certificate = Certificate.objects.get(recipient=person_a)
    year = timezone.localdate().year
    assert certificate.serial == f"15-{year}-000001"  # Lào Cai, the learner's commune
    assert certificate.kind == "course"
    assert certificate.course_key == course_tree["course"].translation_key
    assert certificate.achievement_title == "Dùng điện thoại"
    assert certificate.recipient_name == "Lò Thị Mai"
    assert certificate.status == Certificate.Status.READY
    assert certificate.pdf.storage.open(certificate.pdf.name).read(5) == b"%PDF-"
    assert len(certificate.code) >= 16


def test_issuing_again_returns_the_same_certificate(held_session, trainer_a):
    person = held_session.attendances.first().person
    achievement = services.session_achievement(session=held_session)
    first = services.certificate_issue(person=person, achievement=achievement, by=trainer_a)
    second = services.certificate_issue(person=person, achievement=achievement, by=trainer_a)
    assert first.pk == second.pk
    assert Certificate.objects.filter(recipient=person).count() == 1


def test_the_database_refuses_a_second_valid_certificate(held_session):
    person = held_session.attendances.first().person
    achievement = services.session_achievement(session=held_session)
    first = services.certificate_issue(person=person, achievement=achievement)
    duplicate = Certificate.objects.get(pk=first.pk)
    duplicate.pk = None
    duplicate.uuid = None
    duplicate.serial, duplicate.code = "15-2000-000001", "another-code"
    import uuid as uuidlib

    from django.db import IntegrityError, transaction

    duplicate.uuid = uuidlib.uuid4()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_serial_province_is_the_sessions_and_vn_when_unknown(held_session, course_tree):
    year = timezone.localdate().year
    person = held_session.attendances.first().person
    session_cert = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    assert session_cert.serial.startswith(f"15-{year}-")
    nowhere = PersonFactory(commune=None, village=None, full_name="Vàng A Páo")
    course_cert = services.certificate_issue_for_course(
        person=nowhere, course_key=course_tree["course"].translation_key
    )
    assert course_cert.serial == f"VN-{year}-000001"
    assert course_cert.commune is None


def test_serials_count_up_per_province_and_year_without_gaps(held_session):
    other_province = ProvinceFactory(code="01", name="Hà Nội", codename="ha_noi")
    other = CommuneFactory(province=other_province, code="00004", name="Phường Ba Đình")
    people = [a.person for a in held_session.attendances.all()]
    year = timezone.localdate().year
    serials = [
        services.certificate_issue(
            person=p, achievement=services.session_achievement(session=held_session)
        ).serial
        for p in people
    ]
    assert serials == [f"15-{year}-{n:06d}" for n in (1, 2, 3)]
    hanoi = PersonFactory(commune=other, village=None)
    session = TrainingSession.objects.create(
        title="Hà Nội",
        commune=other,
        starts_at=timezone.now(),
        ends_at=timezone.now(),
        status=TrainingSession.Status.HELD,
    )
    cert = services.certificate_issue(
        person=hanoi, achievement=services.session_achievement(session=session)
    )
    assert cert.serial == f"01-{year}-000001"


def test_names_are_stored_in_nfc(held_session):
    person = held_session.attendances.first().person
    person.full_name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    person.save()
    cert = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    assert cert.recipient_name == unicodedata.normalize("NFC", "Nguyễn Thị Ánh")
    assert unicodedata.is_normalized("NFC", cert.recipient_name)


def test_bulk_issue_for_a_held_session_skips_people_who_have_one(
    held_session, trainer_a, commune_a
):
    absent = PersonFactory(commune=commune_a)
    from certificates.factories import held_session_with
    from trainees.models import AttendanceStatus

    held_session_with(held_session, [absent], status=AttendanceStatus.ABSENT)
    first_person = held_session.attendances.filter(status="present").first().person
    services.certificate_issue(
        person=first_person, achievement=services.session_achievement(session=held_session)
    )
    result = services.session_certificates_issue(session=held_session, by=trainer_a)
    assert len(result.issued) == 2 and result.existing == 1
    holders = set(Certificate.objects.valid().values_list("recipient_id", flat=True))
    assert absent.pk not in holders
    assert len(holders) == 3
    again = services.session_certificates_issue(session=held_session, by=trainer_a)
    assert again.issued == [] and again.existing == 3


def test_bulk_issue_needs_a_held_session_in_scope(held_session, trainer_b, trainer_a):
    with pytest.raises(PermissionDenied):
        services.session_certificates_issue(session=held_session, by=trainer_b)
    held_session.status = TrainingSession.Status.PLANNED
    held_session.save()
    with pytest.raises(ValidationError):
        services.session_certificates_issue(session=held_session, by=trainer_a)


def test_a_coordinator_issues_for_one_person_in_scope(
    course_tree, person_a, coordinator_a, trainer_a, commune_b
):
    with pytest.raises(PermissionDenied):
        services.certificate_issue_for_person(
            by=trainer_a, person=person_a, course=course_tree["course"]
        )
    outsider = PersonFactory(commune=commune_b)
    with pytest.raises(PermissionDenied):
        services.certificate_issue_for_person(
            by=coordinator_a, person=outsider, course=course_tree["course"]
        )
    cert = services.certificate_issue_for_person(
        by=coordinator_a, person=person_a, course=course_tree["course"]
    )
    assert cert.issued_by == coordinator_a and cert.recipient == person_a


def test_correcting_the_name_replaces_the_certificate(held_session, trainer_a):
    person = held_session.attendances.first().person
    old = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    new = services.certificate_replace(certificate=old, by=trainer_a, recipient_name="Giàng Thị Mý")
    old.refresh_from_db()
    assert old.replaced_by == new and not old.is_valid
    assert new.is_valid and new.serial != old.serial
    assert new.recipient_name == "Giàng Thị Mý"
    assert list(Certificate.objects.valid().filter(recipient=person)) == [new]


def test_revoking_then_issuing_again_links_the_old_one(held_session, trainer_a):
    person = held_session.attendances.first().person
    achievement = services.session_achievement(session=held_session)
    old = services.certificate_issue(person=person, achievement=achievement)
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=old, by=trainer_a, reason="  ")
    services.certificate_revoke(certificate=old, by=trainer_a, reason="Ghi nhầm người")
    new = services.certificate_issue(person=person, achievement=achievement)
    old.refresh_from_db()
    assert new.pk != old.pk and new.serial != old.serial
    assert old.status == Certificate.Status.REVOKED and old.revoked_reason == "Ghi nhầm người"
    assert old.replaced_by == new


def test_merging_people_keeps_the_older_certificate_valid(held_session, trainer_a):
    kept, merged = [a.person for a in held_session.attendances.all()[:2]]
    achievement = services.session_achievement(session=held_session)
    older = services.certificate_issue(person=merged, achievement=achievement)
    newer = services.certificate_issue(person=kept, achievement=achievement)
    changed = []
    certificate_changed.connect(
        lambda sender, certificates, **kw: changed.extend(c.pk for c in certificates),
        weak=False,
        dispatch_uid="t",
    )
    try:
        from django.db import transaction

        from trainees.signals import person_merged

        with transaction.atomic():
            person_merged.send(sender=type(kept), kept=kept, merged=merged, by=trainer_a)
    finally:
        certificate_changed.disconnect(dispatch_uid="t")
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.recipient == kept and older.is_valid
    assert newer.replaced_by == older and not newer.is_valid
    assert list(Certificate.objects.valid().filter(recipient=kept)) == [older]


def test_erasing_a_person_revokes_and_deletes_their_pdfs(
    held_session, django_capture_on_commit_callbacks
):
    person = held_session.attendances.first().person
    with django_capture_on_commit_callbacks(execute=True):
        cert = services.certificate_issue(
            person=person, achievement=services.session_achievement(session=held_session)
        )
    cert.refresh_from_db()
    storage, name = cert.pdf.storage, cert.pdf.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificate_revoke_all_for_person(person=person, reason="Erasure") == 1
    cert.refresh_from_db()
    assert cert.status == Certificate.Status.REVOKED
    assert cert.recipient_name == "" and not cert.pdf
    assert not storage.exists(name)
    assert cert.serial in services.revocations_list()["revoked"]


def test_changes_are_announced_on_commit(held_session, django_capture_on_commit_callbacks):
    person = held_session.attendances.first().person
    seen = []
    certificate_changed.connect(
        lambda sender, certificates, **kw: seen.extend(c.serial for c in certificates),
        weak=False,
        dispatch_uid="t2",
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            cert = services.certificate_issue(
                person=person, achievement=services.session_achievement(session=held_session)
            )
            assert seen == []
        with django_capture_on_commit_callbacks(execute=True):
            services.certificate_revoke(certificate=cert, by=None, reason="Sai")
    finally:
        certificate_changed.disconnect(dispatch_uid="t2")
    assert seen == [cert.serial, cert.serial]


def test_the_render_task_runs_twice_and_leaves_one_pdf(held_session):
    person = held_session.attendances.first().person
    cert = services.certificate_issue(
        person=person, achievement=services.session_achievement(session=held_session)
    )
    services.certificate_render_pdf(certificate_id=cert.pk)
    cert.refresh_from_db()
    first_name = cert.pdf.name
    Certificate.objects.filter(pk=cert.pk).update(status=Certificate.Status.PENDING)
    services.certificate_render_pdf(certificate_id=cert.pk)
    services.certificate_render_pdf(certificate_id=cert.pk)
    cert.refresh_from_db()
    assert cert.pdf.name == first_name
    folder = cert.pdf.storage.path(first_name).rsplit("/", 1)[0]
    import os

    assert [f for f in os.listdir(folder) if f.startswith(str(cert.uuid))] == [f"{cert.uuid}.pdf"]


def test_certificates_left_pending_by_a_killed_worker_are_rendered_when_one_starts(
    held_session, trainer_a
):
    # Issued, but the render tasks went down with a worker (on_commit never ran here).
    result = services.session_certificates_issue(session=held_session, by=trainer_a)
    assert {c.status for c in result.issued} == {Certificate.Status.PENDING}
    revoked = result.issued[0]
    Certificate.objects.filter(pk=revoked.pk).update(status=Certificate.Status.REVOKED)

    assert services.certificates_pending_render_again() == len(result.issued) - 1

    statuses = dict(Certificate.objects.values_list("pk", "status"))
    assert statuses.pop(revoked.pk) == Certificate.Status.REVOKED
    assert set(statuses.values()) == {Certificate.Status.READY}
    assert services.certificates_pending_render_again() == 0
