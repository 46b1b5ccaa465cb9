"""Helpers for coverage tests: marks through trainees' services, as in real use."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from trainees.factories import PersonFactory
from trainees.models import (
    Role,
    SessionTopic,
    TrainingSession,
)
from trainees.training.services import (
    MarkData,
    attendance_sync,
    training_session_create,
    training_session_set_status,
)

TZ = timezone.get_fixed_timezone(7 * 60)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TZ)


@pytest.fixture
def admin_user(make_user):
    return make_user(Role.ADMINISTRATOR, phone="0911000100")


@pytest.fixture
def topics(db):
    """The fixed list (seeded by a migration; made again after a flushed database)."""
    for order, (code, name) in enumerate(
        [
            ("smartphone_basics", "Dùng điện thoại thông minh"),
            ("vneid", "VNeID"),
            ("online_public_services", "Dịch vụ công trực tuyến"),
            ("online_safety", "An toàn trên mạng"),
            ("selling_online", "Bán hàng trực tuyến"),
        ]
    ):
        SessionTopic.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})
    return {t.code: t for t in SessionTopic.objects.all()}


def make_session(by, commune, day, *, village=None, status=TrainingSession.Status.HELD, topics=()):
    """A session planned through trainees' service, then held (or not)."""
    session = training_session_create(
        by=by,
        commune=commune,
        village=village,
        title="Cài đặt VNeID",
        starts_at=at(day),
        ends_at=at(day, 11),
        topic_list=topics,
    )
    if status != TrainingSession.Status.PLANNED:
        training_session_set_status(by=by, session=session, status=status)
    return session


def mark(by, session, person, status="present", when=None):
    """One mark through the sync, as a phone sends it."""
    result = attendance_sync(
        by=by,
        marks=[
            MarkData(
                uuid=uuid.uuid4(),
                session=session.uuid,
                person_id=person.pk,
                status=status,
                method="roll_call",
                recorded_at=when or timezone.now(),
            )
        ],
    )
    assert not result.errors, result.errors
    return result


def person(commune, village=None, household="", **fields):
    return PersonFactory(commune=commune, village=village, household=household, **fields)
