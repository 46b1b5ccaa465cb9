"""Issue 8, hole 4: a phone number never hands over someone's record; a trainer or coordinator
in scope merges two records of one human, by the usual rules, keeping the audit trail."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.services import h5p_package_import
from tests.conftest import quiz_id
from tests.courses.h5p_helpers import GREETING
from trainees.factories import PersonFactory, TrainingSessionFactory, UserFactory
from trainees.learning.services import person_ensure
from trainees.models import (
    ActivityStatement,
    ActivitySummary,
    Attendance,
    AttendanceChange,
    CourseProgress,
    LessonProgress,
    Person,
    QuizAnswer,
    Role,
)
from trainees.people.services import person_duplicate_dismiss, person_merge
from trainees.signals import person_merged
from trainees.training import services

pytestmark = pytest.mark.django_db
PHONE = "0987654321"


@pytest.fixture
def session_a(commune_a, village_a):
    return TrainingSessionFactory(commune=commune_a, village=village_a)


@pytest.fixture
def villager(commune_a, village_a):
    """Registered on paper by a trainer, with the phone number of her household."""
    return PersonFactory(
        commune=commune_a, village=village_a, full_name="Giàng Thị Mỷ", phone=PHONE
    )


def test_qr_registration_with_a_known_phone_gets_its_own_record_and_never_the_name(
    client, session_a, village_a, villager
):
    """It used to bind the new account to the villager and greet the stranger by her name."""
    client.get(f"/vi/checkin/{session_a.uuid}/", {"t": services.checkin_token_make(session_a)})
    response = client.post(
        f"/vi/checkin/{session_a.uuid}/",
        {
            "reg-full_name": "Kẻ Lạ",
            "reg-phone": PHONE,
            "reg-password": "hoc-so-2026",
            "reg-consent": "on",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giàng Thị Mỷ" not in html and "Kẻ Lạ" in html
    villager.refresh_from_db()
    assert villager.user is None
    newcomer = Person.objects.get(full_name="Kẻ Lạ")
    assert newcomer.user.phone == "+84987654321"
    assert newcomer.possible_duplicate_of == villager
    assert Attendance.objects.get(session=session_a).person == newcomer


def test_an_account_made_elsewhere_is_not_joined_to_a_record_by_phone(learner, commune_a):
    on_record = PersonFactory(commune=commune_a, phone=learner.phone, full_name="Người Khác")
    person = person_ensure(user=learner)
    assert person.pk != on_record.pk and person.full_name != "Người Khác"
    assert person.possible_duplicate_of == on_record


@pytest.fixture
def two_records(course_tree, session_a, villager, trainer_a, commune_a):
    """The villager's paper record, and the record she made herself on her phone: both have
    attended the same session and done the same lesson."""
    account = UserFactory(phone=PHONE)
    own = Person.objects.create(
        user=account,
        full_name="Mỷ Giàng",
        commune=commune_a,
        phone=account.phone,
        possible_duplicate_of=villager,
        consent=True,
        client_uuid=uuid.uuid4(),
    )
    start = session_a.starts_at
    for person, status, minutes in ((villager, "present", 5), (own, "absent", 20)):
        services.attendance_sync(
            by=trainer_a,
            marks=[
                services.MarkData(
                    uuid=uuid.uuid4(),
                    session=session_a.uuid,
                    person_id=person.pk,
                    status=status,
                    method="roll_call",
                    recorded_at=start + dt.timedelta(minutes=minutes),
                    server_clock=True,
                )
            ],
        )
    other_session = TrainingSessionFactory(commune=commune_a, village=session_a.village)
    services.attendance_record(by=trainer_a, session=other_session, person=own)
    lesson = course_tree["lessons"][1]
    earlier, later = timezone.now() - dt.timedelta(days=3), timezone.now() - dt.timedelta(days=1)
    LessonProgress.objects.create(
        person=villager,
        course_key=course_tree["course"].translation_key,
        lesson_key=lesson.translation_key,
        started_at=earlier,
        completed_at=later,
        best_score=50,
    )
    LessonProgress.objects.create(
        person=own,
        course_key=course_tree["course"].translation_key,
        lesson_key=lesson.translation_key,
        started_at=later,
        completed_at=earlier + dt.timedelta(hours=1),
        best_score=100,
    )
    QuizAnswer.objects.create(
        person=own,
        course_key=course_tree["course"].translation_key,
        lesson_key=lesson.translation_key,
        block_id=quiz_id(lesson),
        choices=[0, 1],
        correct=True,
        score=100,
        answered_at=later,
    )
    return {"kept": villager, "merged": own, "account": account, "other": other_session}


def test_merge_keeps_both_histories_by_the_usual_rules(two_records, trainer_a, session_a):
    kept, merged = two_records["kept"], two_records["merged"]
    received = []

    def receiver(sender, **kwargs):
        # Sent inside the transaction, before the merged record is deleted.
        received.append((kwargs["kept"].pk, kwargs["merged"].pk, kwargs["by"].pk))
        assert Person.objects.filter(pk=kwargs["merged"].pk).exists()

    person_merged.connect(receiver, dispatch_uid="test-merge", weak=False)
    try:
        person_merge(by=trainer_a, kept=kept, merged=merged)
    finally:
        person_merged.disconnect(dispatch_uid="test-merge")

    assert received == [(kept.pk, merged.pk, trainer_a.pk)]
    assert not Person.objects.filter(pk=merged.pk).exists()
    entry = ModelLogEntry.objects.get(action="trainees.person_merge")
    assert (entry.object_id, entry.user_id) == (str(kept.pk), trainer_a.pk)
    assert entry.data["merged_full_name"] == "Mỷ Giàng"
    kept.refresh_from_db()
    # The account and the phone's registration uuid now lead to the kept record.
    assert kept.user == two_records["account"] and kept.client_uuid is not None
    assert kept.possible_duplicate_of is None
    # Attendance: one row a session, the latest mark wins; the audit trail keeps both marks.
    assert Attendance.objects.get(session=session_a, person=kept).status == "absent"
    assert Attendance.objects.filter(session=two_records["other"], person=kept).exists()
    assert AttendanceChange.objects.filter(session=session_a, person=kept).count() == 2
    # Progress: best score, earliest completion, earliest start; raw answers re-pointed.
    progress = LessonProgress.objects.get(person=kept)
    assert progress.best_score == 100
    assert progress.completed_at < progress.started_at + dt.timedelta(days=1)
    assert QuizAnswer.objects.filter(person=kept).count() == 1
    assert CourseProgress.objects.filter(person=kept).exists()


def test_activity_results_merge_by_the_best_score(two_records, trainer_a, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    with open(GREETING, "rb") as fh:
        package = h5p_package_import(fileobj=fh)
    kept, merged = two_records["kept"], two_records["merged"]
    ActivitySummary.objects.create(
        person=kept,
        package=package,
        best_raw=1,
        best_max=4,
        best_scaled=0.25,
        attempts=2,
        completed=True,
    )
    ActivitySummary.objects.create(
        person=merged,
        package=package,
        best_raw=3,
        best_max=4,
        best_scaled=0.75,
        attempts=1,
        passed=True,
    )
    ActivityStatement.objects.create(
        statement_id=uuid.uuid4(),
        person=merged,
        package=package,
        verb="v",
        top_level=True,
        statement={},
        timestamp=timezone.now(),
    )
    person_merge(by=trainer_a, kept=kept, merged=merged)
    summary = ActivitySummary.objects.get(person=kept)
    assert (summary.best_scaled, summary.attempts, summary.completed, summary.passed) == (
        0.75,
        3,
        True,
        True,
    )
    assert ActivityStatement.objects.filter(person=kept).count() == 1


def test_merging_needs_both_records_in_scope(two_records, make_user, commune_b, trainer_a, learner):
    kept, merged = two_records["kept"], two_records["merged"]
    elsewhere = make_user(Role.TRAINER, communes=[commune_b], phone="0911000301")
    for user in (elsewhere, learner):
        with pytest.raises(PermissionDenied):
            person_merge(by=user, kept=kept, merged=merged)
    outsider = PersonFactory(commune=commune_b)
    with pytest.raises(PermissionDenied):
        person_merge(by=trainer_a, kept=kept, merged=outsider)
    assert Person.objects.filter(pk=merged.pk).exists()


def test_two_records_with_their_own_accounts_are_not_merged(two_records, trainer_a):
    kept = two_records["kept"]
    kept.user = UserFactory()
    kept.save()
    with pytest.raises(ValidationError):
        person_merge(by=trainer_a, kept=kept, merged=two_records["merged"])


def test_the_trainer_checks_flagged_records_on_a_page_and_merges_or_dismisses(
    client, two_records, trainer_a, make_user, commune_b
):
    kept, merged = two_records["kept"], two_records["merged"]
    client.force_login(trainer_a)
    assert "/vi/people/duplicates/" in client.get("/vi/sessions/").content.decode()
    listing = client.get("/vi/people/duplicates/").content.decode()
    assert "Mỷ Giàng" in listing and "Giàng Thị Mỷ" in listing
    detail = client.get(f"/vi/people/duplicates/{merged.pk}/")
    assert detail.status_code == 200

    # A trainer of another commune sees nothing of either.
    other = make_user(Role.TRAINER, communes=[commune_b], phone="0911000302")
    client.force_login(other)
    assert "Mỷ Giàng" not in client.get("/vi/people/duplicates/").content.decode()
    assert client.get(f"/vi/people/duplicates/{merged.pk}/").status_code == 404

    client.force_login(trainer_a)
    response = client.post(
        f"/vi/people/duplicates/{merged.pk}/", {"action": "merge", "keep": str(kept.pk)}
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk=merged.pk).exists()


def test_dismissing_says_they_are_different_people(two_records, trainer_a):
    merged = person_duplicate_dismiss(by=trainer_a, person=two_records["merged"])
    merged.refresh_from_db()
    assert merged.possible_duplicate_of is None
    assert Person.objects.count() == 2


def test_merging_moves_certificates_through_the_signal(commune_a, village_a, trainer_a):
    """The contract end to end: certificates' receiver moves the merged record's certificate."""
    from certificates import services as certificates
    from certificates.factories import held_session_with
    from certificates.models import Certificate

    session = TrainingSessionFactory(commune=commune_a, village=village_a)
    kept, merged = (
        PersonFactory(commune=commune_a, village=village_a, full_name=name)
        for name in ("Giàng Thị Mỷ", "Mỷ Giàng")
    )
    held_session_with(session, [kept, merged])
    certificate = certificates.certificate_issue(
        person=merged, achievement=certificates.session_achievement(session=session)
    )
    person_merge(by=trainer_a, kept=kept, merged=merged)
    certificate.refresh_from_db()
    assert certificate.recipient == kept and certificate.is_valid
    assert Certificate.objects.valid().filter(recipient=kept).count() == 1
