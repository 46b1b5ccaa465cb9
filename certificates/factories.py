"""Factories for certificate tests and demo data."""

import factory
from wagtail.models import Locale

from trainees.models import Attendance, AttendanceMethod, AttendanceStatus, TrainingSession

from .models import AchievementKind, CertificateTemplate


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Mẫu {n}")
    kind = AchievementKind.COURSE
    heading = "GIẤY CHỨNG NHẬN"
    body = "Chứng nhận\n\n{name}\n\nđã hoàn thành\n\n{achievement}\n\n{commune}, {province}, {date}"
    issuer = "Tỉnh Đoàn Lào Cai"
    signatory_name = "Giàng A Hùng"
    signatory_title = "Bí thư"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = CertificateTemplate


def held_session_with(session: TrainingSession, people, status=AttendanceStatus.PRESENT):
    """Mark `people` at `session` and the session held (test and demo set-up)."""
    import uuid

    from django.utils import timezone

    for person in people:
        Attendance.objects.update_or_create(
            session=session,
            person=person,
            defaults={
                "status": status,
                "method": AttendanceMethod.ROLL_CALL,
                "recorded_at": timezone.now(),
                "change_uuid": uuid.uuid4(),
            },
        )
    session.status = TrainingSession.Status.HELD
    session.save(update_fields=["status"])
    return session
