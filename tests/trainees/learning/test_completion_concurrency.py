"""The last two lessons of a course completed at the same moment complete it exactly once."""

import threading
import uuid

import pytest
from django.db import connection

from tests.conftest import quiz_id
from trainees.learning.services import lesson_event_record, person_ensure, quiz_answer_record
from trainees.models import CourseProgress
from trainees.signals import course_completed


@pytest.mark.django_db(transaction=True)
def test_completion_event_fires_once_when_the_last_two_lessons_complete_together(
    course_tree, learner
):
    person = person_ensure(user=learner)
    first, second, third = course_tree["lessons"]
    for lesson, choices in ((first, [0]), (second, [0, 1])):
        quiz_answer_record(
            person=person,
            lesson=lesson,
            block_id=quiz_id(lesson),
            choices=choices,
            client_uuid=uuid.uuid4(),
        )
    lesson_event_record(person=person, lesson=first, kind="completed", client_uuid=uuid.uuid4())

    received = []
    course_completed.connect(
        lambda sender, **kw: received.append(kw["person"].pk),
        dispatch_uid="concurrency",
        weak=False,
    )
    try:
        if connection.vendor == "postgresql":
            barrier = threading.Barrier(2)
            errors = []

            def complete(lesson):
                try:
                    barrier.wait(timeout=10)
                    lesson_event_record(
                        person=person, lesson=lesson, kind="completed", client_uuid=uuid.uuid4()
                    )
                except Exception as e:  # noqa: BLE001 - reported below, in the test thread
                    errors.append(e)
                finally:
                    connection.close()

            threads = [
                threading.Thread(target=complete, args=(lesson,)) for lesson in (second, third)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            assert errors == []
        else:
            # SQLite takes one writer at a time (IMMEDIATE transactions): run them in turn.
            for lesson in (second, third):
                lesson_event_record(
                    person=person, lesson=lesson, kind="completed", client_uuid=uuid.uuid4()
                )
    finally:
        course_completed.disconnect(dispatch_uid="concurrency")

    assert received == [person.pk]
    progress = CourseProgress.objects.get(person=person)
    assert progress.percent == 100 and progress.completed_at is not None
