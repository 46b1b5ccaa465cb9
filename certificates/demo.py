"""Demo certificates for `make demo` (run by `load_demo_data` through its hook).

The demo learner completes the first course made of quiz lessons, through the same services
a browser calls, so `course_completed` issues her certificate; the trainer issues the
certificates of the first held session in Bát Xát. With no broker they render at once.
"""

import uuid

from django.db import transaction

from courses.models import CoursePage
from trainees.learning.services import lesson_event_record, person_ensure, quiz_answer_record
from trainees.models import Commune, TrainingSession, User

from . import services
from .models import Certificate

LEARNER_PHONE = "+84900000006"
TRAINER_PHONE = "+84900000005"
DEMO_NAMESPACE = uuid.UUID("0b8f3c1e-4a57-4d7e-9a40-6c2d0f1e9b10")


def _complete(person, course: CoursePage) -> None:
    for lesson in course.lessons().specific():
        for child in lesson.scored_blocks():
            right = [i for i, option in enumerate(child.value["options"]) if option["correct"]]
            quiz_answer_record(
                person=person,
                lesson=lesson,
                block_id=child.id,
                choices=right,
                client_uuid=uuid.uuid5(DEMO_NAMESPACE, f"answer {lesson.pk} {child.id}"),
            )
        lesson_event_record(
            person=person,
            lesson=lesson,
            kind="completed",
            client_uuid=uuid.uuid5(DEMO_NAMESPACE, f"completed {lesson.pk}"),
        )


def load_certificates_demo(stdout=None) -> None:
    services.default_templates_ensure()
    learner = User.objects.filter(phone=LEARNER_PHONE).first()
    trainer = User.objects.filter(phone=TRAINER_PHONE).first()
    bat_xat = Commune.objects.filter(province__code="15", name="Xã Bát Xát").first()
    if learner is not None:
        person = person_ensure(user=learner)
        if person.commune_id is None and bat_xat is not None:
            person.commune = bat_xat
            person.village = bat_xat.villages.filter(name="Suối Chải").first()
            person.save(update_fields=["commune", "village", "updated_at"])
        courses = CoursePage.objects.live().filter(locale__language_code="vi").order_by("path")
        for course in courses:
            lessons = list(course.lessons().specific())
            if lessons and all(
                child.block_type == "quiz" for lesson in lessons for child in lesson.scored_blocks()
            ):
                with transaction.atomic():
                    _complete(person, course)
                break
    session = (
        TrainingSession.objects.filter(commune=bat_xat, status=TrainingSession.Status.HELD)
        .order_by("starts_at")
        .first()
        if bat_xat is not None
        else None
    )
    if session is not None and trainer is not None:
        result = services.session_certificates_issue(session=session, by=trainer)
        if stdout is not None:
            stdout.write(
                f"Certificates: {len(result.issued)} issued for “{session.title}”, "
                f"{Certificate.objects.count()} in all."
            )
